using System.Diagnostics;
using Osprey.Engine.State;

namespace Osprey.Engine.Tests.State;

/// <summary>
/// A process killed without closing its store: what it had flushed is there when the SQLite file is
/// opened again, and the file is intact. The child is this test assembly run by `dotnet` with
/// <see cref="StoreCrashChild"/> as a startup hook (so no separate program has to be built); it
/// flushes, reports, keeps the writer busy with more writes and waits to be killed.
/// </summary>
public class CrashSafetyTests
{
    [Fact]
    public async Task Writes_flushed_before_a_kill_survive_it()
    {
        using var directory = new TempDirectory();
        string database = Path.Combine(directory.Path, "osprey.db");
        string assembly = typeof(CrashSafetyTests).Assembly.Location;
        var start = new ProcessStartInfo(DotnetHost(), [assembly])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_STARTUP_HOOKS"] = assembly;
        start.Environment[StoreCrashChild.DatabaseVariable] = database;

        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        string? runId = null;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("flushed ", StringComparison.Ordinal)) runId = line["flushed ".Length..];
                if (line == "writing") break;
            }
        }
        Assert.True(runId is not null, $"the child did not report its flush: {(child.HasExited ? await stderr : "(still running)")}");
        // Let the writer get into the middle of a transaction of unflushed writes, then kill -9.
        await Task.Delay(300);
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();

        await using var store = await SqliteRunStore.OpenAsync(new RunStoreOptions(StoreProvider.Sqlite, database));
        var run = await store.FindRunAsync(Guid.Parse(runId!));
        Assert.NotNull(run);
        Assert.Equal(RunStatus.Running, run.Status);
        var calls = await store.GetCallsAsync(run.Id);
        Assert.Equal(StoreCrashChild.FlushedCalls, calls.Count);
        Assert.All(calls, c => Assert.Equal(CallStatus.Succeeded, c.Status));
        Assert.Equal(StoreCrashChild.FlushedCalls, (await store.GetOutputsAsync(run.Id)).Count);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
    }

    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        string? process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet") return process;
        return "dotnet";
    }
}
