namespace Osprey.Engine.Tests.Running;

/// <summary>Task outputs (files that must or may exist, globs, stdout/stderr) and 1.2 env declarations.</summary>
public class TaskOutputTests
{
    [Fact]
    public async Task A_missing_required_file_output_fails_naming_the_output()
    {
        using var run = new RunHarness();
        var failure = await run.FailAsync("""
            version 1.1
            task t {
              command <<<
                touch present.txt
              >>>
              output {
                File present = "present.txt"
                File report = "report.txt"
              }
            }
            """);

        Assert.Equal("t", failure.CallName);
        Assert.Contains("output 'report'", failure.Message);
        Assert.Contains("report.txt", failure.Message);
    }

    [Fact]
    public async Task A_missing_optional_file_output_is_none()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.1
            task t {
              command <<<
                touch present.txt
              >>>
              output {
                File? absent = "absent.txt"
                Array[File?] some = ["present.txt", "absent.txt"]
                File present = "present.txt"
              }
            }
            """);

        string work = Path.Combine(run.RunDirectory, "call-t", "attempt-1", "work");
        Assert.Equal("null", RunHarness.Json(outputs, "absent"));
        Assert.Equal($"[\"{work}/present.txt\",null]", RunHarness.Json(outputs, "some"));
        Assert.Equal($"\"{work}/present.txt\"", RunHarness.Json(outputs, "present"));
    }

    [Fact]
    public async Task Glob_outputs_are_absolute_and_sorted()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.1
            task t {
              command <<<
                mkdir out
                touch out/b.csv out/a.csv out/c.txt
              >>>
              output {
                Array[File] csvs = glob("out/*.csv")
                Array[File] none = glob("*.nothing")
              }
            }
            """);

        string work = Path.Combine(run.RunDirectory, "call-t", "attempt-1", "work");
        Assert.Equal($"[\"{work}/out/a.csv\",\"{work}/out/b.csv\"]", RunHarness.Json(outputs, "csvs"));
        Assert.Equal("[]", RunHarness.Json(outputs, "none"));
    }

    [Fact]
    public async Task Stdout_and_stderr_are_the_attempts_files()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.1
            task t {
              command <<<
                echo to out
                echo to err >&2
              >>>
              output {
                String out = read_string(stdout())
                String err = read_string(stderr())
                File err_file = stderr()
              }
            }
            """);

        Assert.Equal("\"to out\"", RunHarness.Json(outputs, "out"));
        Assert.Equal("\"to err\"", RunHarness.Json(outputs, "err"));
        Assert.Equal($"\"{Path.Combine(run.RunDirectory, "call-t", "attempt-1", "stderr")}\"", RunHarness.Json(outputs, "err_file"));
    }

    [Fact]
    public async Task Env_declarations_are_environment_variables_in_1_2()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.2
            task t {
              input {
                env String greeting = "hello; $(rm -rf /) 'quoted'"
                env Int count = 3
                env String? unset_value
              }
              env Float ratio = 0.5
              String plain = "not exported"
              command <<<
                echo "$greeting|$count|$ratio|${unset_value-unset}|${plain-absent}|~{count}"
              >>>
              output { String said = read_string(stdout()) }
            }
            """);

        Assert.Equal("\"hello; $(rm -rf /) 'quoted'|3|0.500000|unset|absent|3\"", RunHarness.Json(outputs, "said"));
    }

    [Fact]
    public async Task Compound_env_values_are_passed_as_json()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.2
            task t {
              input {
                env Array[Int] numbers = [1, 2]
                env Map[String, String] names = {"a": "b"}
              }
              command <<<
                echo "$numbers $names"
              >>>
              output { String said = read_string(stdout()) }
            }
            """);

        Assert.Equal("\"[1,2] {\\\"a\\\":\\\"b\\\"}\"", RunHarness.Json(outputs, "said"));
    }
}
