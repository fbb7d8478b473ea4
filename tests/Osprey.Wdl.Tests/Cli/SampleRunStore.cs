using Osprey.Engine.State;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// A run store (SQLite, under a data home of its own) holding three runs written through the
/// store's own API, for the commands that read runs back:
/// <list type="bullet">
/// <item><see cref="Scatter"/>: succeeded, <c>wf.prep</c> then a 3-shard <c>wf.align</c> whose last
/// shard is a cache hit from the first; workflow outputs.</item>
/// <item><see cref="Failing"/>: failed; <c>wf.step</c> failed on its second attempt with a reason,
/// <c>wf.reuse</c> a cache hit from <see cref="Scatter"/>'s prep, caching off for <c>wf.nocache</c>,
/// <c>wf.later</c> never started.</item>
/// <item><see cref="Running"/>: running, no calls yet.</item>
/// </list>
/// The first two ids share the prefix <c>0abc</c>.
/// </summary>
public sealed class SampleRunStore : IDisposable
{
    public static readonly Guid Scatter = Guid.Parse("0abc1111-2222-4333-8444-555566667777");
    public static readonly Guid Failing = Guid.Parse("0abc2222-3333-4444-8555-666677778888");
    public static readonly Guid Running = Guid.Parse("5f00aaaa-bbbb-4ccc-8ddd-eeeeffff0000");

    public static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private readonly TempDirectory _root = new();

    private SampleRunStore()
    {
    }

    /// <summary>A directory to run the CLI in; the runs' directories are below it, in <c>runs/</c>.</summary>
    public string Root => _root.Path;

    public string DataHome => Path.Combine(Root, "data");

    public string DatabasePath => Path.Combine(DataHome, "osprey", "osprey.db");

    public Dictionary<string, string> Environment => CliRun.TestEnvironment(DataHome);

    public string RunDirectory(string name) => Path.Combine(Root, "runs", name);

    public Guid PrepCall { get; } = Guid.NewGuid();
    public Guid[] AlignCalls { get; } = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
    public Guid StepCall { get; } = Guid.NewGuid();
    public Guid ReuseCall { get; } = Guid.NewGuid();

    public Task<CliRun> StartAsync(params string[] args) => CliRun.StartAsync(args, Root, Environment);

    public static async Task<SampleRunStore> CreateAsync(bool empty = false)
    {
        var sample = new SampleRunStore();
        await using var store = await RunStore.OpenAsync(new RunStoreOptions(StoreProvider.Sqlite, sample.DatabasePath));
        if (!empty) sample.Populate(store);
        await store.FlushAsync();
        return sample;
    }

    public static DateTimeOffset At(double seconds) => T0.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));

    private void Populate(RunStore store)
    {
        // Succeeded in 1m 05s.
        store.Enqueue(new RunCreated(Scatter, "wf", "/work/wf.wdl", """{"wf.n":3}""", RunDirectory("scatter"), At(0), 100, "host-a"));
        store.Enqueue(new RunStatusChanged(Scatter, RunStatus.Running, At(1)));
        Call(store, Scatter, PrepCall, "wf.prep", ShardIndex.None, At(2), "scatter");
        store.Enqueue(new CallCacheResolved(PrepCall, CacheResult.Miss));
        Attempt(store, PrepCall, 1, At(3), At(5.5), exitCode: 0, AttemptStatus.Succeeded);
        store.Enqueue(new CallStatusChanged(PrepCall, Scatter, CallStatus.Running, At(3)));
        store.Enqueue(new CallStatusChanged(PrepCall, Scatter, CallStatus.Succeeded, At(5.5)));
        for (int i = 0; i < 3; i++)
        {
            var id = AlignCalls[i];
            Call(store, Scatter, id, "wf.align", ShardIndex.Of(i), At(6 + i), "scatter");
            if (i < 2)
            {
                store.Enqueue(new CallCacheResolved(id, CacheResult.Miss));
                Attempt(store, id, 1, At(10), At(10 + 60 + i), exitCode: 0, AttemptStatus.Succeeded);
                store.Enqueue(new CallStatusChanged(id, Scatter, CallStatus.Running, At(10)));
                store.Enqueue(new CallStatusChanged(id, Scatter, CallStatus.Succeeded, At(10 + 60 + i)));
            }
            else
            {
                store.Enqueue(new CallCacheResolved(id, CacheResult.Hit, AlignCalls[0]));
                store.Enqueue(new CallStatusChanged(id, Scatter, CallStatus.Succeeded, At(9)));
            }
        }
        store.Enqueue(new OutputRecorded(Scatter, AlignCalls[0], "out", "\"/runs/scatter/a0.txt\""));
        store.Enqueue(new OutputRecorded(Scatter, null, "wf.count", "3"));
        store.Enqueue(new OutputRecorded(Scatter, null, "wf.files", """["/runs/scatter/a0.txt","/runs/scatter/a1.txt"]"""));
        store.Enqueue(new RunStatusChanged(Scatter, RunStatus.Succeeded, At(66)));

        // Failed after 2.3s.
        store.Enqueue(new RunCreated(Failing, "wf", "/work/wf.wdl", "{}", RunDirectory("failing"), At(100), 200, "host-a"));
        store.Enqueue(new RunStatusChanged(Failing, RunStatus.Running, At(100.5)));
        Call(store, Failing, StepCall, "wf.step", ShardIndex.None, At(101), "failing");
        store.Enqueue(new CallCacheResolved(StepCall, CacheResult.Miss));
        store.Enqueue(new CallStatusChanged(StepCall, Failing, CallStatus.Running, At(101)));
        Attempt(store, StepCall, 1, At(101), At(101.5), exitCode: 137, AttemptStatus.Preempted);
        Attempt(store, StepCall, 2, At(101.6), At(102.5), exitCode: 1, AttemptStatus.Failed);
        store.Enqueue(new CallStatusChanged(StepCall, Failing, CallStatus.Failed, At(102.5), "exit code 1\nsee its stderr"));
        Call(store, Failing, ReuseCall, "wf.reuse", ShardIndex.None, At(101.1), "failing");
        store.Enqueue(new CallCacheResolved(ReuseCall, CacheResult.Hit, PrepCall));
        store.Enqueue(new CallStatusChanged(ReuseCall, Failing, CallStatus.Succeeded, At(101.2)));
        var nocache = Guid.NewGuid();
        Call(store, Failing, nocache, "wf.nocache", ShardIndex.Of(1, 2), At(101.2), "failing");
        store.Enqueue(new CallCacheResolved(nocache, CacheResult.Disabled));
        store.Enqueue(new CallStatusChanged(nocache, Failing, CallStatus.Aborted, At(102.7)));
        Call(store, Failing, Guid.NewGuid(), "wf.later", ShardIndex.None, At(101.3), null);
        store.Enqueue(new RunStatusChanged(Failing, RunStatus.Failed, At(102.8), "wf.step failed"));

        // Still running.
        store.Enqueue(new RunCreated(Running, "other_wf", "/work/other.wdl", "{}", RunDirectory("running"), At(200), 300, "host-b"));
        store.Enqueue(new RunStatusChanged(Running, RunStatus.Running, At(201)));
    }

    private void Call(RunStore store, Guid run, Guid id, string name, ShardIndex shard, DateTimeOffset at, string? directory) =>
        store.Enqueue(new CallCreated(id, run, name, shard, CallStatus.Queued,
            directory is null ? null : Path.Combine(RunDirectory(directory), "call-" + name + shard.Text), at));

    private static void Attempt(RunStore store, Guid call, int attempt, DateTimeOffset start, DateTimeOffset end, int exitCode, AttemptStatus status)
    {
        store.Enqueue(new AttemptCreated(call, attempt, JobHandle.Local(4000 + attempt, $"/w/{call:N}/{attempt}/rc"),
            $"/w/{call:N}/{attempt}/stdout", $"/w/{call:N}/{attempt}/stderr", start));
        store.Enqueue(new AttemptStatusChanged(call, attempt, AttemptStatus.Running, start));
        store.Enqueue(new AttemptStatusChanged(call, attempt, status, end, exitCode));
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> in this machine's time zone, as the commands print times.</summary>
    public static string Local(DateTimeOffset time) =>
        time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _root.Dispose();
}
