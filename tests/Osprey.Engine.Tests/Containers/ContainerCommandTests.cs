using Osprey.Engine.Backends.Local;
using Osprey.Engine.Tasks;

namespace Osprey.Engine.Tests.Containers;

/// <summary>The run command line, built without running it: mounts, limits, and podman/docker parity.</summary>
public sealed class ContainerCommandTests
{
    private static TaskAttemptSpec Attempt(string root, double cpu = 1, long memory = 1L << 30,
        IReadOnlyList<string>? inputs = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        string attempt = Path.Combine(root, "call-t", "attempt-1");
        return new TaskAttemptSpec("t", attempt, Path.Combine(attempt, "work"), Path.Combine(attempt, "command"),
            Path.Combine(attempt, "stdout"), Path.Combine(attempt, "stderr"), Path.Combine(attempt, "rc"),
            "img:1", cpu, memory, inputs ?? [], environment ?? new Dictionary<string, string>());
    }

    private static List<string> Values(List<string> args, string flag) =>
        args.Select((a, i) => (a, i)).Where(p => p.a == flag && p.i + 1 < args.Count).Select(p => args[p.i + 1]).ToList();

    [Fact]
    public void Podman_and_docker_get_the_same_arguments()
    {
        using var temp = new TempDirectory();
        var attempt = Attempt(temp.Path, inputs: [temp.Write("in.txt", "x")], environment: new Dictionary<string, string> { ["A"] = "1" });
        var podman = ContainerCommand.StartInfo(ContainerRuntime.At("/usr/bin/podman", ContainerRuntimeKind.Podman), "img:1", attempt, "osprey-x", 2);
        var docker = ContainerCommand.StartInfo(ContainerRuntime.At("/usr/bin/docker", ContainerRuntimeKind.Docker), "img:1", attempt, "osprey-x", 2);

        Assert.Equal("/usr/bin/podman", podman.FileName);
        Assert.Equal("/usr/bin/docker", docker.FileName);
        Assert.Equal(podman.ArgumentList, docker.ArgumentList);
        Assert.Equal(["run", "--rm", "--name", "osprey-x"], podman.ArgumentList.Take(4));
        Assert.Equal(["A=1"], Values([.. podman.ArgumentList], "-e"));
        Assert.Equal(["bash"], Values([.. podman.ArgumentList], "--entrypoint"));
    }

    [Fact]
    public void The_attempt_directory_is_mounted_writable_and_each_outside_input_read_only_once()
    {
        using var temp = new TempDirectory();
        var attempt = Attempt(temp.Path);
        string inside = temp.Write("call-t/attempt-1/tmp/written.txt", "x");
        // attempt-10 shares attempt-1's prefix but is another directory: it must be mounted.
        string neighbour = temp.Write("call-t/attempt-10/work/out.txt", "x");
        string file = temp.Write("data/a.txt", "x");
        string inDirectory = temp.Write("dir/b.txt", "x");
        string directory = Path.GetDirectoryName(inDirectory)!;
        string missing = Path.Combine(temp.Path, "missing.txt");
        attempt = attempt with { InputPaths = [file, file, "file://" + file, inside, neighbour, inDirectory, directory + "/", missing, "relative.txt"] };

        var args = ContainerCommand.Arguments("img:1", attempt, "osprey-x", 2);

        Assert.Equal(
            [
                $"{attempt.AttemptDirectory}:{attempt.AttemptDirectory}",
                $"{neighbour}:{neighbour}:ro",
                $"{file}:{file}:ro",
                $"{directory}:{directory}:ro",
            ],
            Values(args, "-v").OrderBy(v => v.EndsWith(":ro", StringComparison.Ordinal)).ThenBy(v => v, StringComparer.Ordinal));
        Assert.Equal(attempt.WorkDirectory, Assert.Single(Values(args, "-w")));
    }

    [Theory]
    [InlineData(1.0, 2, "--cpus=1")]
    [InlineData(0.5, 2, "--cpus=0.5")]
    [InlineData(64.0, 2, "--cpus=2")]
    [InlineData(0.001, 2, "--cpus=0.01")]
    public void Cpus_are_clamped_to_what_the_host_has(double cpu, int hostCpus, string expected)
    {
        using var temp = new TempDirectory();
        Assert.Contains(expected, ContainerCommand.Arguments("img:1", Attempt(temp.Path, cpu: cpu), "osprey-x", hostCpus));
    }

    [Theory]
    [InlineData(1L << 30, 1L << 30)]
    [InlineData(1000, 16L << 20)]
    public void Memory_limits_ram_and_swap_together(long requested, long expected)
    {
        using var temp = new TempDirectory();
        var args = ContainerCommand.Arguments("img:1", Attempt(temp.Path, memory: requested), "osprey-x", 2);
        Assert.Contains($"--memory={expected}", args);
        Assert.Contains($"--memory-swap={expected}", args);
    }

    [Fact]
    public void A_path_with_a_colon_is_refused_rather_than_mounted_wrongly()
    {
        using var temp = new TempDirectory();
        string odd = temp.Write("a:b.txt", "x");
        var e = Assert.Throws<ArgumentException>(() => ContainerCommand.Arguments("img:1", Attempt(temp.Path, inputs: [odd]), "osprey-x", 2));
        Assert.Contains("contains ':'", e.Message, StringComparison.Ordinal);
    }
}
