using Osprey.Engine.Tests.Running;

namespace Osprey.Engine.Tests.Tasks;

public class RelativeFileTests
{
    [Fact]
    public async Task A_relative_file_made_in_the_workflow_reaches_the_task_as_an_absolute_path()
    {
        using var run = new RunHarness();
        run.Write("data/x.txt", "content");
        var outputs = await run.RunAsync("""
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
        Assert.Equal("""["content","content"]""", RunHarness.Json(outputs, "texts"));
    }
}
