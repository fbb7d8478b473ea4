namespace Osprey.Engine.Tests.Running;

/// <summary>Scatters: values and call outputs gathered in shard order, nesting, empty collections.</summary>
public class ScatterTests
{
    [Fact]
    public async Task Call_outputs_and_declarations_are_gathered_in_shard_order()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync($$"""
            version 1.1
            workflow wf {
              input { Array[Int] xs = [3, 1, 2] }
              scatter (x in xs) {
                Int doubled = x * 2
                call echo { input: x = doubled }
              }
              output {
                Array[Int] doubled_all = doubled
                Array[Int] echoed = echo.out
                Int total = length(echo.out)
              }
            }
            {{RunHarness.EchoTask}}
            """);

        Assert.Equal("[6,2,4]", RunHarness.Json(outputs, "doubled_all"));
        Assert.Equal("[6,2,4]", RunHarness.Json(outputs, "echoed"));
        Assert.Equal("3", RunHarness.Json(outputs, "total"));
        for (int shard = 0; shard < 3; shard++)
            Assert.True(File.Exists(Path.Combine(run.RunDirectory, "call-echo", $"shard-{shard}", "attempt-1", "stdout")), $"shard {shard} has no stdout");
    }

    [Fact]
    public async Task Nested_scatters_gather_into_arrays_of_arrays()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync($$"""
            version 1.1
            workflow wf {
              scatter (i in [1, 2]) {
                scatter (j in [10, 20, 30]) {
                  Int sum = i + j
                  call echo { input: x = sum }
                }
                Array[Int] row = echo.out
              }
              output {
                Array[Array[Int]] sums = sum
                Array[Array[Int]] echoed = echo.out
                Array[Array[Int]] rows = row
              }
            }
            {{RunHarness.EchoTask}}
            """);

        Assert.Equal("[[11,21,31],[12,22,32]]", RunHarness.Json(outputs, "sums"));
        Assert.Equal("[[11,21,31],[12,22,32]]", RunHarness.Json(outputs, "echoed"));
        Assert.Equal("[[11,21,31],[12,22,32]]", RunHarness.Json(outputs, "rows"));
        Assert.True(Directory.Exists(Path.Combine(run.RunDirectory, "call-echo", "shard-1-2")));
    }

    [Fact]
    public async Task An_empty_scatter_gives_empty_arrays_and_runs_nothing()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync($$"""
            version 1.1
            workflow wf {
              input { Array[Int] none = [] }
              scatter (x in none) {
                Int y = x + 1
                call echo { input: x = y }
                scatter (z in [1, 2]) {
                  call echo as inner { input: x = z }
                }
              }
              output {
                Array[Int] ys = y
                Array[Int] echoed = echo.out
                Array[Array[Int]] inners = inner.out
              }
            }
            {{RunHarness.EchoTask}}
            """);

        Assert.Equal("[]", RunHarness.Json(outputs, "ys"));
        Assert.Equal("[]", RunHarness.Json(outputs, "echoed"));
        Assert.Equal("[]", RunHarness.Json(outputs, "inners"));
        Assert.False(Directory.Exists(Path.Combine(run.RunDirectory, "call-echo")));
    }

    [Fact]
    public async Task Blocks_with_nothing_inside_do_not_run_before_what_their_expression_needs()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.1
            workflow wf {
              call numbers
              scatter (n in numbers.out) { }
              if (length(numbers.out) > 1) { }
              scatter (m in numbers.out) {
                if (m > 1) { }
              }
              output { Array[Int] all = numbers.out }
            }
            task numbers {
              command <<<
                sleep 0.2
              >>>
              output { Array[Int] out = [1, 2] }
            }
            """);

        Assert.Equal("[1,2]", RunHarness.Json(outputs, "all"));
    }

    [Fact]
    public async Task A_scatter_over_a_call_output_waits_for_the_call()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync($$"""
            version 1.1
            workflow wf {
              call lines
              scatter (n in lines.numbers) {
                call echo { input: x = n }
              }
              output { Array[Int] echoed = echo.out }
            }
            task lines {
              command <<<
                printf '5\n6\n'
              >>>
              output { Array[Int] numbers = read_lines(stdout()) }
            }
            {{RunHarness.EchoTask}}
            """);

        Assert.Equal("[5,6]", RunHarness.Json(outputs, "echoed"));
    }
}
