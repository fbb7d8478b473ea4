using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// The engine is killed (SIGKILL, alone or with its whole process group) at random points of a
/// 30-call chain, five times; `osprey resume` each time, then once more to the end. The final
/// output must be right, no call may run twice at once, and each kill may cost at most one
/// extra execution (the call that was running when its engine and its task died together).
/// Uses the real binary: an in-process engine cannot be killed.
/// </summary>
public sealed class ResumeAfterKillTests
{
    private const int Calls = 30;
    private const int Kills = 5;

    [Fact]
    public async Task Five_kills_of_a_thirty_call_chain_lose_nothing_and_repeat_at_most_one_call_each()
    {
        using var dir = new TempDirectory();
        string log = Path.Combine(dir.Path, "executions.log");
        dir.Write("chain.wdl", ChainWorkflow(log));
        var environment = CliRun.TestEnvironment(Path.Combine(dir.Path, "data"));
        var random = new Random();
        var story = new List<string>();

        // The first kill comes once a task has started (so that there is a run to resume); later
        // ones at any moment of the resumed engine's life, start-up included.
        var first = Start(dir.Path, environment, "run", "chain.wdl", "--no-container", "--dir", "out");
        await WaitUntilAsync(() => File.Exists(log), first, TimeSpan.FromMinutes(10));
        var engine = first;
        for (int kill = 0; kill < Kills; kill++)
        {
            int delay = random.Next(kill == 0 ? 0 : 50, 1500);
            bool wholeGroup = kill % 2 == 1;
            await Task.Delay(delay);
            if (engine.HasExited) story.Add($"kill {kill + 1}: engine had already exited ({engine.ExitCode})");
            else
            {
                Signal(wholeGroup ? -engine.Id : engine.Id, "KILL");
                await engine.WaitForExitAsync();
                story.Add($"kill {kill + 1}: after {delay} ms, {(wholeGroup ? "process group" : "engine alone")}");
            }
            engine.Dispose();
            engine = Start(dir.Path, environment, "resume", "out", "--no-container");
        }
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        string stdout = await engine.StandardOutput.ReadToEndAsync(guard.Token);
        string stderr = await engine.StandardError.ReadToEndAsync(guard.Token);
        await engine.WaitForExitAsync(guard.Token);
        string history = string.Join("; ", story);
        Assert.True(engine.ExitCode == 0, $"{history}\nexit {engine.ExitCode}: {stderr}");

        using (var result = JsonDocument.Parse(stdout))
            Assert.Equal(Calls, result.RootElement.GetProperty("outputs").GetProperty("chain.last").GetInt32());

        var lines = File.ReadAllLines(log);
        var starts = lines.Where(l => l.StartsWith("start ", StringComparison.Ordinal)).ToList();
        Assert.True(starts.Count <= Calls + Kills, $"{starts.Count} executions for {Calls} calls and {Kills} kills ({history})\n{string.Join('\n', lines)}");
        Assert.Equal(Enumerable.Range(0, Calls), starts.Select(l => int.Parse(l[6..], CultureInfo.InvariantCulture)).Distinct().Order());

        // Never twice at once: each execution holds a lock on its call's lock file while it runs
        // (a killed one lets go as it dies) and logs "overlap" if another execution holds it.
        Assert.DoesNotContain(lines, l => l.StartsWith("overlap ", StringComparison.Ordinal));
    }

    /// <summary>Call i takes i and gives i + 1; each execution logs its start and end, and any overlap with another execution of the same call.</summary>
    private static string ChainWorkflow(string log)
    {
        var calls = new System.Text.StringBuilder();
        calls.AppendLine("  call step as s0 { input: x = 0 }");
        for (int i = 1; i < Calls; i++) calls.AppendLine($"  call step as s{i} {{ input: x = s{i - 1}.y }}");
        return $$"""
            version 1.1
            workflow chain {
            {{calls}}
              output { Int last = s{{Calls - 1}}.y }
            }
            task step {
              input { Int x }
              command <<<
                exec 8> "{{log}}.lock-~{x}"
                flock --nonblock 8 || echo "overlap ~{x}" >> "{{log}}"
                echo "start ~{x}" >> "{{log}}"
                sleep 0.2
                echo $(( ~{x} + 1 ))
                echo "end ~{x}" >> "{{log}}"
              >>>
              output { Int y = read_int(stdout()) }
              runtime { cpu: 0.5  memory: "16 MiB" }
            }
            """;
    }

    /// <summary>The real binary in a session of its own, so that its process group can be killed without the test's.</summary>
    private static Process Start(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "osprey"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process engine, TimeSpan guard)
    {
        var deadline = DateTime.UtcNow + guard;
        while (!condition())
        {
            if (engine.HasExited) throw new InvalidOperationException($"osprey exited ({engine.ExitCode}): {await engine.StandardError.ReadToEndAsync()}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the first task never started");
            await Task.Delay(20);
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", "--", pid.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
