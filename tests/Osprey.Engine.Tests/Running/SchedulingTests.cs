using Osprey.Engine.Running;

namespace Osprey.Engine.Tests.Running;

/// <summary>
/// The order calls run in: <c>after</c> edges, independent calls at the same time, and what
/// happens after the first failure. Tasks coordinate through marker files in the test's
/// directory; every wait in a task has a timeout that only guards against a hang.
/// </summary>
public class SchedulingTests
{
    [Fact]
    public async Task A_call_with_after_starts_only_when_the_other_has_finished()
    {
        using var run = new RunHarness();
        string log = run.PathOf("log.txt");
        // 'second' has no data dependency on 'first'; without the after edge both start at once,
        // and 'second' would append before 'first' (which waits a little first).
        var outputs = await run.RunAsync("""
            version 1.1
            workflow wf {
              input { String log }
              call append as first { input: log = log, word = "first", pause = 1 }
              call append as second after first { input: log = log, word = "second", pause = 0 }
              output { String seen = second.seen }
            }
            task append {
              input { String log  String word  Int pause }
              command <<<
                sleep ~{pause}
                echo ~{word} >> "~{log}"
                cat "~{log}"
              >>>
              output { String seen = read_string(stdout()) }
            }
            """, $$"""{ "wf.log": "{{log}}" }""");

        Assert.Equal("first\nsecond\n", File.ReadAllText(log));
        Assert.Equal("\"first\\nsecond\"", RunHarness.Json(outputs, "seen"));
    }

    [Fact]
    public async Task Independent_calls_run_at_the_same_time()
    {
        using var run = new RunHarness();
        // Each call leaves its marker and waits for the other's: run one after the other, the
        // first would give up (after a minute) and fail. Small requests, so both fit on any machine.
        var outputs = await run.RunAsync("""
            version 1.1
            workflow wf {
              input { String dir }
              call meet as one { input: dir = dir, me = "one", other = "two" }
              call meet as two { input: dir = dir, me = "two", other = "one" }
              output { Array[String] met = [one.saw, two.saw] }
            }
            task meet {
              input { String dir  String me  String other }
              command <<<
                touch "~{dir}/~{me}"
                for i in $(seq 600); do
                  if [ -e "~{dir}/~{other}" ]; then echo met; exit 0; fi
                  sleep 0.1
                done
                echo alone
                exit 1
              >>>
              runtime { cpu: 0.5  memory: "16 MiB" }
              output { String saw = read_string(stdout()) }
            }
            """, $$"""{ "wf.dir": "{{run.Root}}" }""");

        Assert.Equal("[\"met\",\"met\"]", RunHarness.Json(outputs, "met"));
    }

    [Fact]
    public async Task After_the_first_failure_running_calls_finish_and_no_new_call_starts()
    {
        using var run = new RunHarness();
        string go = run.PathOf("go");
        // 'slow' runs alongside 'fails' and finishes only once the engine has recorded the failure
        // (the progress event is raised where the failure is recorded), so its completion always
        // comes after the failure, and 'later', which needs it, must never start.
        var progress = new RunProgress();
        progress.Changed += line =>
        {
            if (line.StartsWith("failed wf.fails", StringComparison.Ordinal)) File.WriteAllText(go, "");
        };
        var failure = await run.FailAsync("""
            version 1.1
            workflow wf {
              input { String go }
              call fails
              call slow { input: go = go }
              call later { input: x = slow.done }
            }
            task fails {
              command <<<
                echo "something went wrong" >&2
                exit 3
              >>>
              runtime { cpu: 0.5  memory: "16 MiB" }
            }
            task slow {
              input { String go }
              command <<<
                for i in $(seq 600); do
                  if [ -e "~{go}" ]; then echo done; exit 0; fi
                  sleep 0.1
                done
                exit 1
              >>>
              runtime { cpu: 0.5  memory: "16 MiB" }
              output { String done = read_string(stdout()) }
            }
            task later {
              input { String x }
              command <<<
                echo ~{x}
              >>>
            }
            """, $$"""{ "wf.go": "{{go}}" }""", progress: progress);

        Assert.Equal("wf.fails", failure.CallName);
        Assert.Equal(3, failure.ExitCode);
        Assert.Contains("exit code 3", failure.Message);
        Assert.Equal(Path.Combine(run.RunDirectory, "call-fails", "attempt-1", "stderr"), failure.StderrPath);
        // The run waited for 'slow' and kept its result on disk.
        string slow = Path.Combine(run.RunDirectory, "call-slow", "attempt-1");
        Assert.Equal("0", File.ReadAllText(Path.Combine(slow, "rc")).Trim());
        Assert.Equal("done\n", File.ReadAllText(Path.Combine(slow, "stdout")));
        Assert.Equal(1, progress.Done);
        Assert.Equal(1, progress.Failed);
        Assert.Equal(0, progress.Running);
        Assert.False(Directory.Exists(Path.Combine(run.RunDirectory, "call-later")));
    }

    [Fact]
    public async Task A_cancelled_run_returns_only_once_its_running_tasks_are_killed()
    {
        using var run = new RunHarness();
        // The CLI exits as soon as the run returns: a task still being killed then would outlive it.
        var progress = new RunProgress();
        using var cancel = new CancellationTokenSource();
        var running = run.RunAsync($$"""
            version 1.1
            workflow wf {
              scatter (i in [0, 1]) {
                call nap { input: i = i }
              }
            }
            task nap {
              input { Int i }
              command <<<
                sleep 600 &
                echo $! > "{{run.Root}}/sleep-~{i}.pid"
                wait
              >>>
              runtime { cpu: 0.5  memory: "16 MiB" }
            }
            """, progress: progress, cancellation: cancel.Token);
        var pids = new List<int>();
        try
        {
            foreach (int i in (int[])[0, 1])
            {
                string pidFile = run.PathOf($"sleep-{i}.pid");
                for (int wait = 0; wait < 1200 && !(File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n')); wait++) await Task.Delay(100);
                pids.Add(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
            }

            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

            Assert.Equal(0, progress.Running);
            Assert.Equal(2, progress.Failed);
            for (int wait = 0; wait < 300 && pids.Any(IsAlive); wait++) await Task.Delay(100);
            Assert.DoesNotContain(pids, IsAlive);
        }
        finally
        {
            cancel.Cancel();
            foreach (int pid in pids.Where(IsAlive)) System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
    }

    /// <summary>Running, not a zombie (a killed child not yet reaped is gone for our purpose).</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_failure_in_a_workflow_expression_names_the_file_and_position()
    {
        using var run = new RunHarness();
        var failure = await run.FailAsync("""
            version 1.1
            workflow wf {
              Array[Int] xs = []
              Int first = xs[0]
              output { Int f = first }
            }
            """);

        Assert.Null(failure.CallName);
        Assert.Contains("main.wdl:4:", failure.Message);
    }

    [Fact]
    public async Task Running_again_in_the_same_directory_does_not_see_the_last_runs_files()
    {
        using var run = new RunHarness();
        const string wdl = """
            version 1.1
            task make {
              input { Int n }
              command <<<
                for i in $(seq ~{n}); do touch "f$i.txt"; done
              >>>
              output { Array[File] made = glob("*.txt") }
            }
            """;

        var first = await run.RunAsync(wdl, arguments: [("n", "3")]);
        var second = await run.RunAsync(wdl, arguments: [("n", "1")]);

        string work = Path.Combine(run.RunDirectory, "call-make", "attempt-1", "work");
        Assert.Equal($"[\"{work}/f1.txt\",\"{work}/f2.txt\",\"{work}/f3.txt\"]", RunHarness.Json(first, "made"));
        Assert.Equal($"[\"{work}/f1.txt\"]", RunHarness.Json(second, "made"));
    }

    [Fact]
    public async Task Running_again_in_the_same_directory_leaves_no_attempts_of_the_last_run()
    {
        using var run = new RunHarness();
        string counter = run.PathOf("counter");
        // Fails twice, then succeeds: the first run needs three attempts, the second only one.
        const string wdl = """
            version 1.1
            task flaky {
              input { String counter }
              command <<<
                n=$(cat "~{counter}" 2>/dev/null || echo 0)
                echo $((n + 1)) > "~{counter}"
                [ $n -ge 2 ]
              >>>
              runtime { maxRetries: 2 }
            }
            """;

        await run.RunAsync(wdl, arguments: [("counter", counter)]);
        Assert.True(Directory.Exists(Path.Combine(run.RunDirectory, "call-flaky", "attempt-3")));
        await run.RunAsync(wdl, arguments: [("counter", counter)]);

        Assert.Equal(["attempt-1"], Directory.GetDirectories(Path.Combine(run.RunDirectory, "call-flaky")).Select(Path.GetFileName));
    }
}
