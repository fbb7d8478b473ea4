namespace Osprey.Engine.Tests.Running;

/// <summary>Subworkflows: imported with an alias, called in a scatter, nested call inputs from the inputs file.</summary>
public class SubworkflowTests
{
    private const string Sub = """
        version 1.1
        workflow inner {
          input { Int a }
          call add { input: x = a }
          call add as open
          output { Int total = add.sum + open.sum }
        }
        task add {
          input { Int x  Int y = 0 }
          command <<<
            echo $(( ~{x} + ~{y} ))
          >>>
          output { Int sum = read_int(stdout()) }
        }
        """;

    [Fact]
    public async Task An_aliased_subworkflow_runs_with_nested_call_inputs()
    {
        using var run = new RunHarness();
        run.Write("lib/sub.wdl", Sub);
        run.Write("main.wdl", """
            version 1.1
            import "lib/sub.wdl" as lib
            workflow wf {
              call lib.inner as once { input: a = 10 }
              scatter (i in [1, 2]) {
                call lib.inner as many { input: a = i }
              }
              output {
                Int once_total = once.total
                Array[Int] many_totals = many.total
              }
            }
            """);

        var outputs = await run.RunAsync("main.wdl", """
            {
              "wf.once.open.x": 7,
              "wf.many.add.y": 100,
              "wf.many.open.x": 5
            }
            """);

        Assert.Equal("17", RunHarness.Json(outputs, "once_total"));
        Assert.Equal("[106,107]", RunHarness.Json(outputs, "many_totals"));
        Assert.True(File.Exists(Path.Combine(run.RunDirectory, "call-once", "call-add", "attempt-1", "stdout")));
        Assert.True(File.Exists(Path.Combine(run.RunDirectory, "call-many", "shard-1", "call-open", "attempt-1", "stdout")));
    }

    [Fact]
    public async Task A_missing_nested_call_input_is_reported_with_its_full_name()
    {
        using var run = new RunHarness();
        run.Write("lib/sub.wdl", Sub);
        run.Write("main.wdl", """
            version 1.1
            import "lib/sub.wdl" as lib
            workflow wf {
              call lib.inner as once { input: a = 10 }
            }
            """);

        var prepared = await run.PrepareAsync("main.wdl");

        Assert.Equal(["missing required input 'wf.once.open.x' (Int)"], prepared.Errors);
    }

    [Fact]
    public async Task A_failing_task_in_a_subworkflow_names_the_qualified_call()
    {
        using var run = new RunHarness();
        run.Write("sub.wdl", """
            version 1.1
            workflow inner {
              call boom
            }
            task boom {
              command <<<
                echo broken >&2
                exit 4
              >>>
            }
            """);
        run.Write("main.wdl", """
            version 1.1
            import "sub.wdl"
            workflow wf {
              call sub.inner as s
            }
            """);

        var failure = await run.FailAsync("main.wdl");

        Assert.Equal("wf.s.boom", failure.CallName);
        Assert.Equal(4, failure.ExitCode);
        Assert.Equal(Path.Combine(run.RunDirectory, "call-s", "call-boom", "attempt-1", "stderr"), failure.StderrPath);
    }
}
