using Osprey.Engine.Tests.Running;
using Osprey.Engine.Values;

namespace Osprey.Engine.Tests.Tasks;

public class OutputPlacesTests
{
    [Fact]
    public async Task An_output_outside_the_task_directory_that_is_not_an_input_fails()
    {
        using var run = new RunHarness();
        string outside = run.Write("elsewhere.txt", "x");
        var failure = await run.FailAsync($$"""
            version 1.1
            task leak {
              command <<< true >>>
              output { File f = "{{outside}}" }
            }
            """);
        Assert.Contains("output 'f'", failure.Message);
        Assert.Contains("outside the task's directory", failure.Message);
    }

    [Fact]
    public async Task An_input_may_be_passed_through_as_an_output()
    {
        using var run = new RunHarness();
        string input = run.Write("in.txt", "hello");
        var outputs = await run.RunAsync("""
            version 1.1
            task pass {
              input { File f }
              command <<< echo hi > made.txt >>>
              output { File same = f  File made = "made.txt" }
            }
            """, arguments: [("f", input)]);
        Assert.True(outputs.TryGetMember("same", out var same));
        Assert.Equal(WdlFile.Of(input), same);
        Assert.True(outputs.TryGetMember("made", out var made));
        Assert.StartsWith(run.RunDirectory, ((WdlFile)made).Location);
    }
}
