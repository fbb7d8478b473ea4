using System.Diagnostics;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// Runs the repository's ./osprey launcher as a user would. The launcher builds the native
/// binary when it is missing or stale (test.sh builds it before the tests, so this is cheap
/// there; run alone, the first test pays for one build).
/// </summary>
public class LauncherTests
{
    private static async Task<(int Exit, string Stdout, string Stderr)> LaunchAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "osprey"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Launcher_runs_the_binary_with_its_arguments()
    {
        var (exit, stdout, stderr) = await LaunchAsync("--version");

        Assert.True(exit == 0, stderr);
        Assert.Matches(@"^osprey \d+\.\d+\.\d+\n$", stdout);
    }

    [Fact]
    public async Task Launcher_passes_the_exit_code_and_stderr_through()
    {
        var (exit, stdout, stderr) = await LaunchAsync("check", "no-such-file.wdl");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("osprey: cannot read 'no-such-file.wdl': no such file", stderr);
    }
}
