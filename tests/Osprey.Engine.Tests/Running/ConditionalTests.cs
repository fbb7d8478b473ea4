namespace Osprey.Engine.Tests.Running;

/// <summary>Conditionals: values and call outputs become optional; a skipped call's outputs are None.</summary>
public class ConditionalTests
{
    [Fact]
    public async Task A_true_condition_runs_its_body_and_a_false_one_gives_none()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync($$"""
            version 1.1
            workflow wf {
              input { Boolean yes = true }
              if (yes) {
                Int a = 1
                call echo as ran { input: x = 7 }
              }
              if (!yes) {
                Int b = 2
                call echo as skipped { input: x = 8 }
              }
              output {
                Int? a_out = a
                Int? b_out = b
                Int? ran_out = ran.out
                Int? skipped_out = skipped.out
                Int either = select_first([skipped.out, ran.out])
              }
            }
            {{RunHarness.EchoTask}}
            """);

        Assert.Equal("1", RunHarness.Json(outputs, "a_out"));
        Assert.Equal("null", RunHarness.Json(outputs, "b_out"));
        Assert.Equal("7", RunHarness.Json(outputs, "ran_out"));
        Assert.Equal("null", RunHarness.Json(outputs, "skipped_out"));
        Assert.Equal("7", RunHarness.Json(outputs, "either"));
        Assert.False(Directory.Exists(Path.Combine(run.RunDirectory, "call-skipped")));
    }

    [Fact]
    public async Task A_conditional_inside_a_scatter_gathers_optionals()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync($$"""
            version 1.1
            workflow wf {
              scatter (i in [1, 2, 3]) {
                if (i != 2) {
                  call echo { input: x = i * 10 }
                  Int kept = i
                }
              }
              output {
                Array[Int?] echoed = echo.out
                Array[Int?] kept_all = kept
                Array[Int] present = select_all(echo.out)
              }
            }
            {{RunHarness.EchoTask}}
            """);

        Assert.Equal("[10,null,30]", RunHarness.Json(outputs, "echoed"));
        Assert.Equal("[1,null,3]", RunHarness.Json(outputs, "kept_all"));
        Assert.Equal("[10,30]", RunHarness.Json(outputs, "present"));
        Assert.False(Directory.Exists(Path.Combine(run.RunDirectory, "call-echo", "shard-1")));
    }

    [Fact]
    public async Task Nested_conditionals_and_a_scatter_inside_a_skipped_conditional()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync($$"""
            version 1.1
            workflow wf {
              if (true) {
                if (true) {
                  call echo as deep { input: x = 5 }
                }
              }
              if (false) {
                scatter (i in [1, 2]) {
                  call echo as never { input: x = i }
                }
              }
              output {
                Int? deep_out = deep.out
                Array[Int]? never_out = never.out
              }
            }
            {{RunHarness.EchoTask}}
            """);

        Assert.Equal("5", RunHarness.Json(outputs, "deep_out"));
        Assert.Equal("null", RunHarness.Json(outputs, "never_out"));
    }
}
