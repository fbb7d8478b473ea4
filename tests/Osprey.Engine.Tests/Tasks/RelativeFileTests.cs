using Osprey.Engine.Inputs;
using Osprey.Engine.Running;
using Osprey.Engine.Values;
using Osprey.Wdl;
using Osprey.Wdl.Loading;

namespace Osprey.Engine.Tests.Tasks;

public class RelativeFileTests
{
    [Fact]
    public async Task A_relative_file_made_in_the_workflow_reaches_the_task_as_an_absolute_path()
    {
        using var temp = new TempDirectory();
        temp.Write("data/x.txt", "content");
        string wdl = temp.Write("w.wdl", """
            version 1.1
            task show {
              input { File f }
              command <<< cat ~{f} >>>
              output { String text = read_string(stdout()) }
            }
            workflow w {
              File local = "data/x.txt"
              call show as from_file { input: f = local }
              call show as from_string { input: f = "data/x.txt" }
              output { Array[String] texts = [from_file.text, from_string.text] }
            }
            """);
        var compilation = await Compilation.LoadAsync(wdl, new FileDocumentSource(), new CheckOptions());
        var prepared = RunInputs.Prepare(compilation.Root, null, null, []);
        var outputs = await LocalRun.RunAsync(prepared.Target!, prepared.Inputs, Path.Combine(temp.Path, "run"),
            new LocalRunOptions(NoContainer: true, BaseDirectory: temp.Path), new RunProgress(), CancellationToken.None);
        Assert.True(outputs.TryGetMember("texts", out var texts));
        Assert.Equal(["content", "content"], ((WdlArray)texts).Items.Select(t => ((WdlString)t).Value));
    }
}
