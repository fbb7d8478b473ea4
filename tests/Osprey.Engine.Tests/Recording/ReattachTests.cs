using System.Diagnostics;
using Osprey.Engine.Backends.Local;
using Osprey.Engine.Tasks;

namespace Osprey.Engine.Tests.Recording;

/// <summary>
/// How a restarted engine finds a local attempt the dead one started: by the rc file, by the
/// launcher's pid file (pid and start time), or not at all; and the launcher's go-ahead that
/// keeps an orphaned launcher from running its command.
/// </summary>
public sealed class ReattachTests
{
    private static TaskAttemptSpec Attempt(string root, string command)
    {
        string attempt = Path.Combine(root, "attempt-1");
        Directory.CreateDirectory(Path.Combine(attempt, "work"));
        File.WriteAllText(Path.Combine(attempt, "command"), command);
        return new TaskAttemptSpec("wf.t", attempt, Path.Combine(attempt, "work"), Path.Combine(attempt, "command"),
            Path.Combine(attempt, "stdout"), Path.Combine(attempt, "stderr"), Path.Combine(attempt, "rc"),
            null, 0.1, 16L << 20, [], new Dictionary<string, string>());
    }

    private static LocalBackend Backend() => new(new ResourceBudget(2, 1L << 30));

    private static Process StartLauncher(TaskAttemptSpec attempt)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(TaskLauncher.OnHost);
        foreach (var arg in TaskLauncher.HostArguments(attempt)) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    private static async Task WaitForFileAsync(string path)
    {
        for (int i = 0; i < 500 && !File.Exists(path); i++) await Task.Delay(10);
        Assert.True(File.Exists(path), $"{path} never appeared");
    }

    [Fact]
    public async Task A_launcher_whose_engine_died_before_saying_go_leaves_without_running_its_command()
    {
        using var temp = new TempDirectory();
        string marker = Path.Combine(temp.Path, "ran");
        var attempt = Attempt(temp.Path, $"touch '{marker}'\n");

        using var launcher = StartLauncher(attempt);
        await WaitForFileAsync(LocalJobFiles.PidFile(attempt));
        launcher.StandardInput.Close();   // what the dead engine's end of the pipe does
        await launcher.WaitForExitAsync();

        Assert.False(File.Exists(marker), "the command ran without the go-ahead");
        Assert.False(File.Exists(attempt.ReturnCodePath));
        Assert.Null(await Backend().ReattachAsync(attempt, CancellationToken.None));
    }

    [Fact]
    public async Task A_launcher_still_running_is_waited_for_and_its_exit_code_used()
    {
        using var temp = new TempDirectory();
        string release = Path.Combine(temp.Path, "release");
        var attempt = Attempt(temp.Path, $"while [ ! -e '{release}' ]; do sleep 0.05; done\nexit 7\n");

        using var launcher = StartLauncher(attempt);
        await WaitForFileAsync(LocalJobFiles.PidFile(attempt));
        launcher.StandardInput.WriteLine(TaskLauncher.Go);
        launcher.StandardInput.Close();

        var reattached = Backend().ReattachAsync(attempt, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(reattached.IsCompleted, "reattaching should wait for the running launcher");
        File.WriteAllText(release, "");
        Assert.Equal(7, await reattached.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_pid_file_naming_a_process_that_is_gone_or_a_later_one_with_its_pid_is_not_waited_for()
    {
        using var temp = new TempDirectory();
        var attempt = Attempt(temp.Path, "true\n");
        // This test's own process, with another start time: the pid was reused by a later process.
        string own = File.ReadAllText($"/proc/{Environment.ProcessId}/stat").Trim();
        var fields = own.Split(' ');
        int startField = Array.IndexOf(fields, fields.First(f => f.EndsWith(')'))) + 20;
        fields[startField] = "1";
        File.WriteAllText(LocalJobFiles.PidFile(attempt), string.Join(' ', fields) + "\n");

        Assert.Null(LocalJobFiles.LiveLauncher(attempt));
        Assert.Null(await Backend().ReattachAsync(attempt, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        File.WriteAllText(attempt.ReturnCodePath, "3\n");
        Assert.Equal(3, await Backend().ReattachAsync(attempt, CancellationToken.None));
    }

    [Theory]
    [InlineData("123 (bash) S 1 123 123 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 98765 1000 100", 123, 'S', "98765")]
    [InlineData("77 (odd ) name)) R 1 77 77 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 4242 1000 100", 77, 'R', "4242")]
    public void A_proc_stat_line_gives_pid_state_and_start_time(string line, int pid, char state, string start)
    {
        Assert.True(LocalJobFiles.TryParseStat(line, out int parsedPid, out char parsedState, out string parsedStart));
        Assert.Equal((pid, state, start), (parsedPid, parsedState, parsedStart));
    }
}
