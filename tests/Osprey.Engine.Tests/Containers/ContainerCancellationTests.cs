namespace Osprey.Engine.Tests.Containers;

/// <summary>Cancelling a run stops its containers, not only the podman client.</summary>
[Collection(ContainerCollection.Name)]
public sealed class ContainerCancellationTests(ContainerTestMachine machine)
{
    [Fact]
    public async Task Cancelling_a_run_removes_its_running_container()
    {
        machine.Require();
        using var temp = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        var run = new WdlRun(temp);
        var running = run.RunAsync($$"""
            version 1.1
            task sleeper {
              command <<<
                touch started
                sleep 300
              >>>
              runtime { container: "{{machine.Image}}" }
              output { String out = read_string(stdout()) }
            }
            """, cancellationToken: cancel.Token);

        string started = Path.Combine(run.RunDirectory, "call-sleeper", "attempt-1", "work", "started");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(started) && DateTime.UtcNow < deadline && !running.IsCompleted) await Task.Delay(100);
        Assert.True(File.Exists(started), "the container never started its command");
        string attempt = Path.GetDirectoryName(Path.GetDirectoryName(started))!;
        Assert.NotEmpty(ContainersMounting(attempt));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Empty(ContainersMounting(attempt));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"cancelling took {clock.Elapsed}: the container was not killed at once");
    }

    private string[] ContainersMounting(string path) =>
        ContainerTestMachine.Run(machine.Podman, "ps", "--all", "--filter", "volume=" + path, "--format", "{{.Names}}").Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
