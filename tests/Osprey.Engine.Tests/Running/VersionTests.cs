namespace Osprey.Engine.Tests.Running;

/// <summary>Draft-2 and 1.0 workflows run like 1.1 ones; without an output section they output every call output.</summary>
public class VersionTests
{
    [Fact]
    public async Task A_draft_2_workflow_runs()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            workflow w {
              Int n
              String greeting = "hi"
              call say { input: x = n, g = greeting }
              scatter (i in [1, 2]) {
                call say as each { input: x = i, g = "s" }
              }
              output {
                String said = say.out
                Array[String] each_said = each.out
              }
            }
            task say {
              Int x
              String g
              command {
                echo ${g} ${x}
              }
              output { String out = read_string(stdout()) }
            }
            """, """{ "w.n": 3 }""");

        Assert.Equal("\"hi 3\"", RunHarness.Json(outputs, "said"));
        Assert.Equal("[\"s 1\",\"s 2\"]", RunHarness.Json(outputs, "each_said"));
    }

    [Fact]
    public async Task A_1_0_workflow_runs()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.0
            workflow w {
              input { Array[String] names }
              scatter (name in names) {
                call say { input: who = name }
              }
              output { Array[String] said = say.out }
            }
            task say {
              input { String who }
              command <<<
                who=shell
                echo "hello ~{who}" ${who}
              >>>
              output { String out = read_string(stdout()) }
            }
            """, """{ "w.names": ["a", "b"] }""");

        Assert.Equal("[\"hello a shell\",\"hello b shell\"]", RunHarness.Json(outputs, "said"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("version 1.0")]
    public async Task Without_an_output_section_every_call_output_is_an_output(string version)
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync($$"""
            {{version}}
            workflow w {
              call say
              scatter (i in [1, 2]) {
                call say as each
              }
              if (false) {
                call say as skipped
              }
            }
            task say {
              command {
                echo hi
              }
              output {
                String out = read_string(stdout())
                Int n = 1
              }
            }
            """);

        Assert.Equal("\"hi\"", RunHarness.Json(outputs, "say.out"));
        Assert.Equal("1", RunHarness.Json(outputs, "say.n"));
        Assert.Equal("[\"hi\",\"hi\"]", RunHarness.Json(outputs, "each.out"));
        Assert.Equal("null", RunHarness.Json(outputs, "skipped.out"));
        Assert.Equal(6, outputs.Count);
    }

    [Fact]
    public async Task A_1_1_workflow_without_an_output_section_has_no_outputs()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.1
            workflow w {
              call say
            }
            task say {
              command <<< echo hi >>>
              output { String out = read_string(stdout()) }
            }
            """);

        Assert.Equal(0, outputs.Count);
    }
}
