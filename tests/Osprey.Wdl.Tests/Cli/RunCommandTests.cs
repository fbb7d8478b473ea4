using System.Diagnostics;
using System.Text.Json;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// <c>osprey run</c> end to end, in-process (tasks on the host): the contract tools rely on.
/// Success prints exactly one JSON object on stdout and writes DIR/outputs.json; a failed run
/// exits 1 and says which call failed on stderr and in DIR/error.json; input problems are all
/// reported before anything runs, with exit status 2.
/// </summary>
public class RunCommandTests
{
    private const string Workflow = """
        version 1.1
        workflow wf {
          input {
            String greeting
            Array[String] names = ["nobody"]
            File? data
          }
          scatter (name in names) {
            call greet { input: greeting = greeting, name = name }
          }
          output {
            Array[String] lines = greet.line
            Array[File] files = greet.file
            String? first_line_of_data = if defined(data) then read_lines(select_first([data]))[0] else None
          }
        }
        task greet {
          input { String greeting  String name }
          command <<<
            echo "~{greeting}, ~{name}" | tee greeting.txt
          >>>
          output {
            String line = read_string(stdout())
            File file = "greeting.txt"
          }
        }
        """;

    private const string Failing = """
        version 1.1
        workflow wf {
          call ok
          call broken
        }
        task ok {
          command <<< echo fine >>>
        }
        task broken {
          command <<<
            echo "line one" >&2
            echo "the last words" >&2
            exit 3
          >>>
        }
        """;

    private static Task<CliRun> RunAsync(TempDirectory dir, params string[] args) => CliRun.StartAsync(["run", .. args], dir.Path, null);

    [Fact]
    public async Task Success_prints_exactly_one_json_object_and_writes_outputs_json()
    {
        using var dir = new TempDirectory();
        dir.Write("wf.wdl", Workflow);

        var run = await RunAsync(dir, "wf.wdl", "greeting=hello", "names=ann", "names=bob", "--dir", "out");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var result = JsonDocument.Parse(run.Stdout);
        var root = result.RootElement;
        Assert.Equal(["id", "dir", "outputs"], root.EnumerateObject().Select(p => p.Name));
        string runDir = Path.Combine(dir.Path, "out");
        Assert.Equal(runDir, root.GetProperty("dir").GetString());
        Assert.True(Guid.TryParse(root.GetProperty("id").GetString(), out _), root.GetProperty("id").GetString());

        var outputs = root.GetProperty("outputs");
        Assert.Equal(["wf.lines", "wf.files", "wf.first_line_of_data"], outputs.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["hello, ann", "hello, bob"], Strings(outputs.GetProperty("wf.lines")));
        Assert.Equal(JsonValueKind.Null, outputs.GetProperty("wf.first_line_of_data").ValueKind);
        foreach (var file in outputs.GetProperty("wf.files").EnumerateArray())
        {
            string path = file.GetString()!;
            Assert.True(Path.IsPathRooted(path), path);
            Assert.StartsWith(runDir + "/", path);
            Assert.True(File.Exists(path), path);
        }

        using var written = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "outputs.json")));
        Assert.Equal(outputs.GetRawText().Replace(" ", "").Replace("\n", ""), written.RootElement.GetRawText().Replace(" ", "").Replace("\n", ""));
        Assert.False(File.Exists(Path.Combine(runDir, "error.json")));
        // Progress goes to stderr only.
        Assert.Contains("started wf.greet[1]", run.Stderr);
        Assert.Contains("finished wf.greet[0]", run.Stderr);
    }

    [Fact]
    public async Task A_failed_call_is_named_with_its_exit_code_and_stderr_on_stderr_and_in_error_json()
    {
        using var dir = new TempDirectory();
        dir.Write("wf.wdl", Failing);

        var run = await RunAsync(dir, "wf.wdl", "--dir", "out");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        string stderrPath = Path.Combine(dir.Path, "out", "call-broken", "attempt-1", "stderr");
        Assert.Contains("wf.broken", run.Stderr);
        Assert.Contains("exit code 3", run.Stderr);
        Assert.Contains(stderrPath, run.Stderr);
        Assert.Contains("| line one", run.Stderr);
        Assert.Contains("| the last words", run.Stderr);

        using var error = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "error.json")));
        var root = error.RootElement;
        Assert.Equal("failed", root.GetProperty("status").GetString());
        Assert.Equal("wf", root.GetProperty("workflow").GetString());
        Assert.Equal("wf.broken", root.GetProperty("call").GetString());
        Assert.Equal(3, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(stderrPath, root.GetProperty("stderr").GetString());
        Assert.Equal(["line one", "the last words"], Strings(root.GetProperty("stderrTail")));
        Assert.Contains("exit code 3", root.GetProperty("message").GetString());
        Assert.False(File.Exists(Path.Combine(dir.Path, "out", "outputs.json")));
    }

    [Fact]
    public async Task Input_errors_are_all_reported_before_anything_runs()
    {
        using var dir = new TempDirectory();
        dir.Write("wf.wdl", Workflow);
        dir.Write("inputs.json", """{ "wf.names": "not an array", "wf.nope": 1 }""");

        var run = await RunAsync(dir, "wf.wdl", "-i", "inputs.json", "data=missing.txt", "greet.name=x");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("osprey: unknown input 'wf.nope'", run.Stderr);
        Assert.Contains("osprey: input 'wf.names'", run.Stderr);
        Assert.Contains("osprey: input 'wf.data': file 'missing.txt' does not exist", run.Stderr);
        Assert.Contains("osprey: input 'wf.greet.name' cannot be set", run.Stderr);
        Assert.Contains("osprey: missing required input 'wf.greeting' (String)", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "runs")), "nothing runs when the inputs are wrong");
    }

    [Fact]
    public async Task Arguments_override_the_inputs_file_with_or_without_the_prefix()
    {
        using var dir = new TempDirectory();
        dir.Write("wf.wdl", Workflow);
        dir.Write("inputs.json", """{ "wf.greeting": "from the file", "wf.names": ["a", "b", "c"] }""");

        var run = await RunAsync(dir, "wf.wdl", "-i", "inputs.json", "wf.greeting=hi", "names=x", "wf.names=y", "--dir", "out");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var result = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["hi, x", "hi, y"], Strings(result.RootElement.GetProperty("outputs").GetProperty("wf.lines")));
    }

    [Fact]
    public async Task Relative_files_resolve_against_the_inputs_files_directory_then_the_current_one()
    {
        using var dir = new TempDirectory();
        dir.Write("wf.wdl", Workflow);
        dir.Write("conf/inputs.json", """{ "wf.greeting": "hi", "wf.data": "data.txt" }""");
        dir.Write("conf/data.txt", "next to the inputs\n");
        dir.Write("here.txt", "in the current directory\n");

        var beside = await RunAsync(dir, "wf.wdl", "-i", "conf/inputs.json", "--dir", "one");
        var current = await RunAsync(dir, "wf.wdl", "-i", "conf/inputs.json", "data=here.txt", "--dir", "two");

        Assert.True(beside.ExitCode == 0, beside.Stderr);
        Assert.True(current.ExitCode == 0, current.Stderr);
        using var first = JsonDocument.Parse(beside.Stdout);
        using var second = JsonDocument.Parse(current.Stdout);
        Assert.Equal("next to the inputs", first.RootElement.GetProperty("outputs").GetProperty("wf.first_line_of_data").GetString());
        Assert.Equal("in the current directory", second.RootElement.GetProperty("outputs").GetProperty("wf.first_line_of_data").GetString());
    }

    [Fact]
    public async Task A_task_can_be_run_on_its_own()
    {
        using var dir = new TempDirectory();
        dir.Write("wf.wdl", Workflow);

        var run = await RunAsync(dir, "wf.wdl", "--task", "greet", "greeting=hey", "greet.name=you", "--dir", "out");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var result = JsonDocument.Parse(run.Stdout);
        var outputs = result.RootElement.GetProperty("outputs");
        Assert.Equal("hey, you", outputs.GetProperty("greet.line").GetString());
        Assert.Equal(Path.Combine(dir.Path, "out", "call-greet", "attempt-1", "work", "greeting.txt"), outputs.GetProperty("greet.file").GetString());
    }

    [Fact]
    public async Task A_run_directory_used_again_keeps_only_the_latest_result()
    {
        using var dir = new TempDirectory();
        dir.Write("wf.wdl", Failing);
        dir.Write("good.wdl", Workflow);

        var failed = await RunAsync(dir, "wf.wdl", "--dir", "out");
        var passed = await RunAsync(dir, "good.wdl", "greeting=hi", "--dir", "out");
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "outputs.json")));
        var failedAgain = await RunAsync(dir, "wf.wdl", "--dir", "out");

        Assert.Equal(1, failed.ExitCode);
        Assert.True(passed.ExitCode == 0, passed.Stderr);
        Assert.Equal(1, failedAgain.ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "error.json")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "out", "outputs.json")), "a failed run must not leave the last run's outputs.json");
    }

    /// <summary>
    /// Ctrl-C on the real binary: SIGINT once a task is sleeping; osprey must exit 130 and take
    /// the task's processes with it. The task records the pid of its sleep; every wait here is
    /// a hang guard, not a speed requirement.
    /// </summary>
    [Fact]
    public async Task Ctrl_c_stops_the_run_and_kills_its_tasks()
    {
        using var dir = new TempDirectory();
        // Two tasks at once, as a workflow's calls (a run of one task waits for it in place).
        dir.Write("wf.wdl", $$"""
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
                echo $! > "{{dir.Path}}/sleep-~{i}.pid"
                wait
              >>>
              runtime { cpu: 0.5  memory: "16 MiB" }
            }
            """);

        // env resets SIGINT to its default: a process started with SIGINT ignored (as a
        // background job of a script is) keeps it ignored, and then Ctrl-C would mean nothing.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = dir.Path,
        };
        foreach (string arg in (string[])["--default-signal=INT", Path.Combine(RepositoryPaths.Root, "osprey"), "run", "wf.wdl", "--no-container", "--dir", "out"])
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";

        using var osprey = Process.Start(start)!;
        osprey.StandardInput.Close();
        var stdout = osprey.StandardOutput.ReadToEndAsync();
        var stderr = osprey.StandardError.ReadToEndAsync();
        var sleeps = new List<int>();
        try
        {
            // The first ./osprey may build the binary: minutes, not seconds.
            foreach (int i in (int[])[0, 1])
                sleeps.Add(await WaitForPidAsync(Path.Combine(dir.Path, $"sleep-{i}.pid"), osprey, stderr, TimeSpan.FromMinutes(10)));
            Assert.All(sleeps, pid => Assert.True(IsRunning(pid), "the tasks' sleeps should be running"));

            Signal(osprey.Id, "INT");
            using var exitGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await osprey.WaitForExitAsync(exitGuard.Token);

            Assert.True(osprey.ExitCode == 130, $"exit {osprey.ExitCode}; stderr: {await stderr}");
            Assert.Contains("osprey: interrupted", await stderr);
            Assert.Empty(await stdout);
            using (var error = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "out", "error.json"))))
                Assert.Equal("aborted", error.RootElement.GetProperty("status").GetString());
            // The sleeps are killed before osprey exits; allow for the kernel to finish with them.
            for (int i = 0; i < 300 && sleeps.Any(IsRunning); i++) await Task.Delay(100);
            Assert.All(sleeps, pid => Assert.False(IsRunning(pid), $"a task's sleep (pid {pid}) outlived osprey"));
        }
        finally
        {
            if (!osprey.HasExited) osprey.Kill(entireProcessTree: true);
            foreach (int pid in sleeps.Where(IsRunning)) Signal(pid, "KILL");
        }
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());

    private static async Task<int> WaitForPidAsync(string pidFile, Process osprey, Task<string> stderr, TimeSpan guard)
    {
        var deadline = DateTime.UtcNow + guard;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out int pid)) return pid;
            if (osprey.HasExited) throw new InvalidOperationException($"osprey exited ({osprey.ExitCode}) before the task started: {await stderr}");
            await Task.Delay(100);
        }
        throw new TimeoutException("the task never started");
    }

    /// <summary>Alive and not a zombie (a killed process whose parent has not reaped it yet is gone for our purpose).</summary>
    private static bool IsRunning(int pid)
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

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
