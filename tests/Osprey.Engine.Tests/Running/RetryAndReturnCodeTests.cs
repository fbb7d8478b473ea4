namespace Osprey.Engine.Tests.Running;

/// <summary>maxRetries (and 1.2 max_retries with task.attempt), accepted return codes, failOnStderr.</summary>
public class RetryAndReturnCodeTests
{
    // Fails on its first attempt and succeeds on the second, counting attempts in a file
    // outside the attempt's own directory (each attempt gets a fresh one).
    private const string Flaky = """
        task flaky {
          input { String counter }
          command <<<
            n=$(cat "~{counter}" 2>/dev/null || echo 0)
            n=$((n + 1))
            echo $n > "~{counter}"
            echo "attempt $n"
            [ $n -ge 2 ]
          >>>
          runtime { maxRetries: RETRIES }
          output { String said = read_string(stdout()) }
        }
        """;

    [Fact]
    public async Task A_task_that_fails_once_succeeds_on_its_retry()
    {
        using var run = new RunHarness();
        string counter = run.PathOf("counter");

        var outputs = await run.RunAsync("version 1.1\n" + Flaky.Replace("RETRIES", "2"), arguments: [("counter", counter)]);

        Assert.Equal("\"attempt 2\"", RunHarness.Json(outputs, "said"));
        Assert.Equal("2", File.ReadAllText(counter).Trim());
        string call = Path.Combine(run.RunDirectory, "call-flaky");
        Assert.Equal("1", File.ReadAllText(Path.Combine(call, "attempt-1", "rc")).Trim());
        Assert.Equal("0", File.ReadAllText(Path.Combine(call, "attempt-2", "rc")).Trim());
        Assert.False(Directory.Exists(Path.Combine(call, "attempt-3")));
    }

    [Fact]
    public async Task Without_retries_the_first_failure_is_final()
    {
        using var run = new RunHarness();
        string counter = run.PathOf("counter");

        var failure = await run.FailAsync("version 1.1\n" + Flaky.Replace("RETRIES", "0"), arguments: [("counter", counter)]);

        Assert.Equal(1, failure.ExitCode);
        Assert.Equal("flaky", failure.CallName);
        Assert.EndsWith(Path.Combine("call-flaky", "attempt-1", "stderr"), failure.StderrPath);
        Assert.False(Directory.Exists(Path.Combine(run.RunDirectory, "call-flaky", "attempt-2")));
    }

    [Fact]
    public async Task Task_attempt_counts_from_zero_in_1_2()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.2
            task flaky {
              command <<<
                echo ~{task.attempt}
                exit ~{if task.attempt == 0 then 1 else 0}
              >>>
              requirements { max_retries: 1 }
              output {
                Int attempt = task.attempt
                Int printed = read_int(stdout())
              }
            }
            """);

        Assert.Equal("1", RunHarness.Json(outputs, "attempt"));
        Assert.Equal("1", RunHarness.Json(outputs, "printed"));
    }

    [Theory]
    [InlineData("1.0", "runtime { continueOnReturnCode: [0, 3] }", 3)]
    [InlineData("1.0", "runtime { continueOnReturnCode: true }", 42)]
    [InlineData("1.0", "runtime { continueOnReturnCode: 5 }", 5)]
    [InlineData("1.1", "runtime { returnCodes: \"*\" }", 9)]
    [InlineData("1.1", "runtime { returnCodes: [1, 2] }", 2)]
    [InlineData("1.2", "requirements { return_codes: [1, 2] }", 1)]
    [InlineData("1.2", "requirements { return_codes: \"*\" }", 250)]
    public async Task Accepted_return_codes_succeed(string version, string section, int code)
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync($$"""
            version {{version}}
            task t {
              command <<<
                echo ran
                exit {{code}}
              >>>
              {{section}}
              output { String said = read_string(stdout()) }
            }
            """);

        Assert.Equal("\"ran\"", RunHarness.Json(outputs, "said"));
    }

    [Theory]
    [InlineData("1.0", "runtime { continueOnReturnCode: false }", 1)]
    [InlineData("1.0", "runtime { continueOnReturnCode: [0, 3] }", 4)]
    [InlineData("1.1", "runtime { returnCodes: 3 }", 0)]
    [InlineData("1.2", "requirements { return_codes: [1, 2] }", 0)]
    public async Task Other_return_codes_fail_with_that_code(string version, string section, int code)
    {
        using var run = new RunHarness();
        var failure = await run.FailAsync($$"""
            version {{version}}
            task t {
              command <<<
                exit {{code}}
              >>>
              {{section}}
            }
            """);

        Assert.Equal(code, failure.ExitCode);
        Assert.Contains($"exit code {code}", failure.Message);
    }

    [Fact]
    public async Task Task_return_code_is_visible_in_1_2_outputs()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            version 1.2
            task t {
              command <<<
                exit 7
              >>>
              requirements { return_codes: "*" }
              output { Int? code = task.return_code }
            }
            """);

        Assert.Equal("7", RunHarness.Json(outputs, "code"));
    }

    [Fact]
    public async Task FailOnStderr_fails_a_task_that_writes_to_stderr()
    {
        using var run = new RunHarness();
        const string wdl = """
            version 1.0
            task t {
              input { Boolean complain }
              command <<<
                echo fine
                if ~{complain}; then echo "a warning" >&2; fi
              >>>
              runtime { failOnStderr: true }
              output { String said = read_string(stdout()) }
            }
            """;

        var quiet = await run.RunAsync(wdl, arguments: [("complain", "false")]);
        var failure = await run.FailAsync(wdl, arguments: [("complain", "true")]);

        Assert.Equal("\"fine\"", RunHarness.Json(quiet, "said"));
        Assert.Contains("stderr", failure.Message);
        Assert.Equal(0, failure.ExitCode);
        Assert.Equal("a warning\n", File.ReadAllText(failure.StderrPath!));
    }
}
