using Osprey.Engine.Inputs;
using Osprey.Engine.Running;
using Osprey.Engine.Values;
using Osprey.Wdl;
using Osprey.Wdl.Loading;

namespace Osprey.Engine.Tests.Tasks;

public class OutputPlacesTests
{
    private static async Task<WdlObject> RunTaskAsync(TempDirectory temp, string wdl, params (string, string)[] inputs)
    {
        string path = temp.Write("task.wdl", wdl);
        var compilation = await Compilation.LoadAsync(path, new FileDocumentSource(), new CheckOptions());
        Assert.False(compilation.HasErrors);
        var prepared = RunInputs.Prepare(compilation.Root, null, null, inputs);
        Assert.True(prepared.IsValid, string.Join("; ", prepared.Errors));
        return await LocalRun.RunAsync(prepared.Target!, prepared.Inputs, Path.Combine(temp.Path, "run"),
            new LocalRunOptions(NoContainer: true, BaseDirectory: temp.Path), new RunProgress(), CancellationToken.None);
    }

    [Fact]
    public async Task An_output_outside_the_task_directory_that_is_not_an_input_fails()
    {
        using var temp = new TempDirectory();
        string outside = temp.Write("elsewhere.txt", "x");
        var failure = await Assert.ThrowsAsync<RunFailedException>(() => RunTaskAsync(temp, $$"""
            version 1.1
            task leak {
              command <<< true >>>
              output { File f = "{{outside}}" }
            }
            """));
        Assert.Contains("output 'f'", failure.Message);
        Assert.Contains("outside the task's directory", failure.Message);
    }

    [Fact]
    public async Task An_input_may_be_passed_through_as_an_output()
    {
        using var temp = new TempDirectory();
        string input = temp.Write("in.txt", "hello");
        var outputs = await RunTaskAsync(temp, """
            version 1.1
            task pass {
              input { File f }
              command <<< true >>>
              output { File same = f  File made = "made.txt" }
            }
            """.Replace("command <<< true >>>", "command <<< echo hi > made.txt >>>"), ("f", input));
        Assert.True(outputs.TryGetMember("same", out var same));
        Assert.Equal(WdlFile.Of(input), same);
        Assert.True(outputs.TryGetMember("made", out var made));
        Assert.StartsWith(Path.Combine(temp.Path, "run"), ((WdlFile)made).Location);
    }
}
