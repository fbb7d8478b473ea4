using Osprey.Engine.State;

namespace Osprey.Engine.Tests.State;

/// <summary>Writes with plausible values, and times with microsecond precision (what both databases keep).</summary>
internal static class Sample
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double milliseconds) => T0.AddTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond));

    public static RunCreated Run(Guid? id = null, string workflow = "wf", string? dir = null, DateTimeOffset? at = null)
    {
        var runId = id ?? Guid.CreateVersion7();
        return new RunCreated(runId, workflow, "/work/wf.wdl", """{"wf.n":3}""", dir ?? $"/runs/{runId:N}", at ?? T0, 4242, "host-a");
    }

    public static CallCreated Call(Guid runId, string name = "wf.align", ShardIndex shard = default, DateTimeOffset? at = null) =>
        new(Guid.CreateVersion7(), runId, name, shard, CallStatus.Queued, $"/runs/{runId:N}/call-{name}{shard}", at ?? T0);

    public static string KeyHash(int i) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));

    public static CacheEntry CacheEntry(int i, string task = "align", string digest = "sha256:task-v1", DateTimeOffset? at = null) =>
        new(KeyHash(i), task, digest, "{\"command\":\"c" + i + "\",\"inputs\":{\"x\":" + i + "}}", Guid.Parse($"00000000-0000-7000-8000-{i:D12}"), $$"""{"out":"/cache/{{i}}.txt"}""", at ?? At(i));
}
