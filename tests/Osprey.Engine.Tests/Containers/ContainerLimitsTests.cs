using System.Globalization;
using Osprey.Engine.Running;

namespace Osprey.Engine.Tests.Containers;

/// <summary>cpu and memory become the container's cgroup limits, and the memory limit holds.</summary>
[Collection(ContainerCollection.Name)]
public sealed class ContainerLimitsTests(ContainerTestMachine machine)
{
    // cgroup v1 and v2 name the same limits differently; the probe prints whichever this host has.
    private const string CgroupProbe = """
        if [ -f /sys/fs/cgroup/cpu.max ]; then
          echo "cpu $(cat /sys/fs/cgroup/cpu.max)"
          echo "memory $(cat /sys/fs/cgroup/memory.max)"
          echo "swap $(cat /sys/fs/cgroup/memory.swap.max)"
        else
          echo "cpu $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us) $(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us)"
          echo "memory $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)"
          echo "swap $(( $(cat /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes) - $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes) ))"
        fi
        """;

    [Fact]
    public async Task Cpu_and_memory_requests_become_cgroup_limits_without_extra_swap()
    {
        machine.Require();
        using var temp = new TempDirectory();
        var outputs = await new WdlRun(temp).RunAsync($$"""
            version 1.2
            task limits {
              command <<<
            {{CgroupProbe}}
              >>>
              requirements {
                container: "{{machine.Image}}"
                cpu: 1.5
                memory: "96 MiB"
              }
              output { Array[String] report = read_lines(stdout()) }
            }
            """);

        var report = WdlRun.Lines(outputs, "report").Split('\n').Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1..]);
        double quota = double.Parse(report["cpu"][0], CultureInfo.InvariantCulture);
        double period = double.Parse(report["cpu"][1], CultureInfo.InvariantCulture);
        Assert.Equal(1.5, quota / period, precision: 3);
        Assert.Equal(96L << 20, long.Parse(report["memory"][0], CultureInfo.InvariantCulture));
        Assert.Equal(0L, long.Parse(report["swap"][0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_task_that_outgrows_its_memory_is_killed()
    {
        machine.Require();
        using var temp = new TempDirectory();
        var e = await Assert.ThrowsAsync<RunFailedException>(() => new WdlRun(temp).RunAsync($$"""
            version 1.1
            task hog {
              command <<<
                # About 200 MB held in one bash variable, against a 32 MiB limit.
                big=$(head -c 200000000 /dev/zero | tr '\0' a)
                echo "survived with ${#big} bytes"
              >>>
              runtime {
                container: "{{machine.Image}}"
                memory: "32 MiB"
              }
              output { String out = read_string(stdout()) }
            }
            """));
        // The kernel's OOM killer ends the whole container (SIGKILL: 128 + 9), so the launcher
        // cannot write rc and the runtime's exit code is the call's.
        Assert.Equal(137, e.ExitCode);
    }
}
