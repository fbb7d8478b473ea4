using System.Text.Json;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// The call cache through the CLI, with one run store shared by the runs of a test: what runs
/// again and what is reused, judged by a log each task execution appends to.
/// </summary>
public sealed class CallCacheTests
{
    /// <summary>a and b depend on f (b through a's output); c depends only on g.</summary>
    private static string Workflow(string log) => $$"""
        version 1.1
        workflow wf {
          input { File f  File g }
          call copy as a { input: src = f, tag = "a" }
          call copy as b { input: src = a.out, tag = "b" }
          call copy as c { input: src = g, tag = "c" }
          output { File b_out = b.out  File c_out = c.out }
        }
        task copy {
          input { File src  String tag }
          command <<<
            echo ~{tag} >> "{{log}}"
            cat "~{src}" > out.txt
            echo "~{tag}" >> out.txt
          >>>
          output { File out = "out.txt" }
          runtime { cpu: 0.5  memory: "16 MiB" }
        }
        """;

    private sealed class Setup : IDisposable
    {
        public TempDirectory Dir { get; } = new();

        /// <param name="postgres">A connection string: the runs share that PostgreSQL store instead of a SQLite file.</param>
        public Setup(string? postgres = null)
        {
            Log = Path.Combine(Dir.Path, "executions.log");
            Dir.Write("wf.wdl", Workflow(Log));
            F = Dir.Write("f.txt", "one\n");
            G = Dir.Write("g.txt", "two\n");
            Environment = CliRun.TestEnvironment(Path.Combine(Dir.Path, "data"));
            if (postgres is not null)
            {
                Environment["OSPREY__DATABASE__PROVIDER"] = "postgres";
                Environment["OSPREY__DATABASE__CONNECTIONSTRING"] = postgres;
            }
        }

        public string Log { get; }

        public string F { get; }

        public string G { get; }

        public Dictionary<string, string> Environment { get; }

        public Task<CliRun> RunAsync(string directory, params string[] extra) =>
            CliRun.StartAsync(["run", "wf.wdl", "f=f.txt", "g=g.txt", "--no-container", "--dir", directory, .. extra], Dir.Path, Environment);

        /// <summary>The tags logged since the last call, in order.</summary>
        public List<string> TakeExecutions()
        {
            if (!File.Exists(Log)) return [];
            var lines = File.ReadAllLines(Log).ToList();
            File.Delete(Log);
            return lines;
        }

        public void Dispose() => Dir.Dispose();
    }

    [Fact]
    public async Task An_identical_second_run_executes_no_task_and_gives_the_same_outputs()
    {
        using var setup = new Setup();
        var first = await setup.RunAsync("r1");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(["a", "b", "c"], setup.TakeExecutions().Order());

        var second = await setup.RunAsync("r2");
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Empty(setup.TakeExecutions());
        Assert.Contains("finished wf.b (call cache hit)", second.Stderr);

        // The reused outputs live in the new run's directory and hold what the first run made.
        using var outputs = JsonDocument.Parse(second.Stdout);
        string b = outputs.RootElement.GetProperty("outputs").GetProperty("wf.b_out").GetString()!;
        Assert.StartsWith(Path.Combine(setup.Dir.Path, "r2", "call-b") + "/", b);
        Assert.Equal("one\na\nb\n", File.ReadAllText(b));
    }

    [Fact]
    public async Task On_postgres_a_second_run_reuses_every_call_and_a_changed_input_reruns_its_dependents()
    {
        await using var schema = await PostgresSchema.CreateAsync();
        using var setup = new Setup(schema.ConnectionString);
        var first = await setup.RunAsync("r1");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(["a", "b", "c"], setup.TakeExecutions().Order());
        Assert.False(File.Exists(Path.Combine(setup.Dir.Path, "data", "osprey", "osprey.db")), "the runs should not use SQLite");

        Assert.Equal(0, (await setup.RunAsync("r2")).ExitCode);
        Assert.Empty(setup.TakeExecutions());

        File.WriteAllText(setup.G, "TWO\n");
        Assert.Equal(0, (await setup.RunAsync("r3")).ExitCode);
        Assert.Equal(["c"], setup.TakeExecutions());

        var runs = await CliRun.StartAsync(["runs", "--json"], setup.Dir.Path, setup.Environment);
        using var listed = JsonDocument.Parse(runs.Stdout);
        Assert.Equal(3, listed.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Changing_a_small_file_keeping_size_and_mtime_reruns_exactly_the_calls_that_depend_on_it()
    {
        using var setup = new Setup();
        Assert.Equal(0, (await setup.RunAsync("r1")).ExitCode);
        setup.TakeExecutions();

        var mtime = File.GetLastWriteTimeUtc(setup.F);
        File.WriteAllText(setup.F, "ONE\n");
        File.SetLastWriteTimeUtc(setup.F, mtime);

        var second = await setup.RunAsync("r2");
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(["a", "b"], setup.TakeExecutions());
        using var outputs = JsonDocument.Parse(second.Stdout);
        Assert.Equal("ONE\na\nb\n", File.ReadAllText(outputs.RootElement.GetProperty("outputs").GetProperty("wf.b_out").GetString()!));

        var explain = await CliRun.StartAsync(["cache", "explain", "r2", "a"], setup.Dir.Path, setup.Environment);
        Assert.True(explain.ExitCode == 0, explain.Stderr);
        Assert.Contains("wf.a missed the cache", explain.Stdout);
        Assert.Contains("compared with wf.a of run", explain.Stdout);
        Assert.Contains("1 key component differs", explain.Stdout);
        Assert.Contains("input:src: differs", explain.Stdout);

        var hit = await CliRun.StartAsync(["cache", "explain", "r2", "wf.c", "--json"], setup.Dir.Path, setup.Environment);
        using var json = JsonDocument.Parse(hit.Stdout);
        Assert.Equal("hit", json.RootElement.GetProperty("result").GetString());
        Assert.Equal("wf.c", json.RootElement.GetProperty("nearestCall").GetString());
    }

    [Fact]
    public async Task A_reused_result_whose_file_changed_is_not_reused()
    {
        using var setup = new Setup();
        var first = await setup.RunAsync("r1");
        Assert.Equal(0, first.ExitCode);
        setup.TakeExecutions();
        // Someone edits the first run's output of c in place.
        File.AppendAllText(Path.Combine(setup.Dir.Path, "r1", "call-c", "attempt-1", "work", "out.txt"), "edited\n");

        Assert.Equal(0, (await setup.RunAsync("r2")).ExitCode);
        Assert.Equal(["c"], setup.TakeExecutions());
    }

    [Fact]
    public async Task A_call_that_succeeded_on_a_retry_is_reused_by_the_next_run()
    {
        using var dir = new TempDirectory();
        string log = Path.Combine(dir.Path, "log");
        string failOnce = dir.Write("fail-once", "");
        dir.Write("flaky.wdl", $$"""
            version 1.1
            task flaky {
              command <<<
                echo run >> "{{log}}"
                if [ -e "{{failOnce}}" ]; then rm "{{failOnce}}"; exit 1; fi
                echo ok
              >>>
              output { String out = read_string(stdout()) }
              runtime { maxRetries: 1 }
            }
            """);
        var environment = CliRun.TestEnvironment(Path.Combine(dir.Path, "data"));

        var first = await CliRun.StartAsync(["run", "flaky.wdl", "--no-container", "--dir", "r1"], dir.Path, environment);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(2, File.ReadAllLines(log).Length);

        var second = await CliRun.StartAsync(["run", "flaky.wdl", "--no-container", "--dir", "r2"], dir.Path, environment);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(2, File.ReadAllLines(log).Length);
        Assert.Contains("call cache hit", second.Stderr);
    }

    [Fact]
    public async Task No_cache_and_the_cromwell_options_turn_the_cache_off()
    {
        using var setup = new Setup();
        Assert.Equal(0, (await setup.RunAsync("r1")).ExitCode);
        setup.TakeExecutions();

        Assert.Equal(0, (await setup.RunAsync("r2", "--no-cache")).ExitCode);
        Assert.Equal(["a", "b", "c"], setup.TakeExecutions().Order());

        setup.Dir.Write("no-read.json", """{"read_from_cache": false}""");
        Assert.Equal(0, (await setup.RunAsync("r3", "-o", "no-read.json")).ExitCode);
        Assert.Equal(["a", "b", "c"], setup.TakeExecutions().Order());

        var explain = await CliRun.StartAsync(["cache", "explain", "r3", "wf.a"], setup.Dir.Path, setup.Environment);
        Assert.Contains("the call cache was off", explain.Stdout);

        setup.Dir.Write("bad.json", """{"write_to_cache": "sometimes"}""");
        var bad = await setup.RunAsync("r4", "-o", "bad.json");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("'write_to_cache' must be true or false", bad.Stderr);
    }
}
