using Osprey.Engine.Caching;
using Osprey.Engine.State;

namespace Osprey.Engine.Tests.State;

/// <summary>Every kind of write comes back from the queries as it went in.</summary>
public class RoundTripTests
{
    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_run_and_its_status_changes(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run(workflow: "wf.main");

        store.Enqueue(run);
        store.Enqueue(new RunStatusChanged(run.RunId, RunStatus.Running, Sample.At(10)));
        store.Enqueue(new RunStatusChanged(run.RunId, RunStatus.Failed, Sample.At(2500), "wf.align[3] failed"));
        await store.FlushAsync();

        var stored = await store.FindRunAsync(run.RunId);
        Assert.Equal(new StoredRun(run.RunId, "wf.main", "/work/wf.wdl", """{"wf.n":3}""", run.RunDirectory, RunStatus.Failed,
            Sample.T0, Sample.At(10), Sample.At(2500), 4242, "host-a"), stored);
        Assert.Equal(TimeSpan.FromMilliseconds(2490), stored!.Duration);

        // Resumed by another process: running again, no end time, the new engine recorded.
        store.Enqueue(new RunEngineChanged(run.RunId, 777, "host-b", Sample.At(5000)));
        store.Enqueue(new RunStatusChanged(run.RunId, RunStatus.Running, Sample.At(5001)));
        await store.FlushAsync();
        stored = await store.FindRunAsync(run.RunId);
        Assert.Equal((RunStatus.Running, Sample.At(10), (DateTimeOffset?)null, (int?)777, "host-b"),
            (stored!.Status, stored.StartedAt!.Value, stored.EndedAt, stored.EnginePid, stored.EngineHost));

        var events = await store.GetEventsAsync(run.RunId);
        Assert.Equal(
            [(EventKinds.Status, "queued"), (EventKinds.Status, "running"), (EventKinds.Status, "failed: wf.align[3] failed"),
             (EventKinds.Engine, "pid 777 on host-b"), (EventKinds.Status, "running")],
            events.Select(e => (e.Kind, e.Message)));
        Assert.All(events, e => Assert.Null(e.CallId));
        Assert.Equal([Sample.T0, Sample.At(10), Sample.At(2500), Sample.At(5000), Sample.At(5001)], events.Select(e => e.At));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task An_attempt_started_has_its_job_its_start_time_and_is_running(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run();
        var call = Sample.Call(run.RunId, "wf.a", ShardIndex.None, Sample.At(1));
        store.Enqueue(run);
        store.Enqueue(call);
        store.Enqueue(new AttemptCreated(call.CallId, 1, null, "/w/attempt-1/stdout", "/w/attempt-1/stderr", Sample.At(2)));
        store.Enqueue(new AttemptStarted(call.CallId, 1, JobHandle.Local(4242, "/w/attempt-1/rc"), Sample.At(5)));
        await store.FlushAsync();

        var attempt = Assert.Single(await store.GetAttemptsAsync(call.CallId));
        Assert.Equal(new StoredAttempt(call.CallId, 1, AttemptStatus.Running, new JobHandle("local", "4242", "/w/attempt-1/rc"),
            Sample.At(2), Sample.At(5), null, null, "/w/attempt-1/stdout", "/w/attempt-1/stderr"), attempt);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_call_with_its_attempts_cache_result_and_outputs(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run();
        var call = Sample.Call(run.RunId, "wf.inner.align", ShardIndex.Of(1, 2), Sample.At(1));
        var source = Guid.CreateVersion7();
        store.Enqueue(run);
        store.Enqueue(call);
        store.Enqueue(new CallCacheResolved(call.CallId, CacheResult.Miss));
        store.Enqueue(new AttemptCreated(call.CallId, 1, null, "/w/attempt-1/stdout", "/w/attempt-1/stderr", Sample.At(2)));
        store.Enqueue(new AttemptJobAssigned(call.CallId, 1, JobHandle.Local(31337, "/w/attempt-1/rc")));
        store.Enqueue(new CallStatusChanged(call.CallId, run.RunId, CallStatus.Running, Sample.At(3)));
        store.Enqueue(new AttemptStatusChanged(call.CallId, 1, AttemptStatus.Running, Sample.At(3)));
        store.Enqueue(new AttemptStatusChanged(call.CallId, 1, AttemptStatus.Preempted, Sample.At(40)));
        store.Enqueue(new AttemptCreated(call.CallId, 2, new JobHandle("aws-batch", "job-0d2c", "s3://bucket/rc"), null, null, Sample.At(41)));
        store.Enqueue(new AttemptStatusChanged(call.CallId, 2, AttemptStatus.Running, Sample.At(42)));
        store.Enqueue(new AttemptStatusChanged(call.CallId, 2, AttemptStatus.Succeeded, Sample.At(90), ExitCode: 0));
        store.Enqueue(new OutputRecorded(run.RunId, call.CallId, "bam", "\"/w/out.bam\""));
        store.Enqueue(new OutputRecorded(run.RunId, call.CallId, "count", "41"));
        store.Enqueue(new OutputRecorded(run.RunId, call.CallId, "count", "42"));
        store.Enqueue(new OutputRecorded(run.RunId, null, "counts", "[42]"));
        store.Enqueue(new CallStatusChanged(call.CallId, run.RunId, CallStatus.Succeeded, Sample.At(91)));
        await store.FlushAsync();

        var stored = Assert.Single(await store.GetCallsAsync(run.RunId));
        Assert.Equal(new StoredCall(call.CallId, run.RunId, "wf.inner.align", ShardIndex.Of(1, 2), CallStatus.Succeeded, 2, CacheResult.Miss, null,
            call.WorkDirectory, Sample.At(1), Sample.At(3), Sample.At(91)), stored);
        Assert.Equal("wf.inner.align[1,2]", stored.DisplayName);

        var attempts = await store.GetAttemptsAsync(call.CallId);
        Assert.Equal(
            [
                new StoredAttempt(call.CallId, 1, AttemptStatus.Preempted, new JobHandle("local", "31337", "/w/attempt-1/rc"),
                    Sample.At(2), Sample.At(3), Sample.At(40), null, "/w/attempt-1/stdout", "/w/attempt-1/stderr"),
                new StoredAttempt(call.CallId, 2, AttemptStatus.Succeeded, new JobHandle("aws-batch", "job-0d2c", "s3://bucket/rc"),
                    Sample.At(41), Sample.At(42), Sample.At(90), 0, null, null),
            ],
            attempts);

        var outputs = await store.GetOutputsAsync(run.RunId);
        Assert.Equal(3, outputs.Count);
        Assert.Contains(new StoredOutput(run.RunId, call.CallId, "bam", "\"/w/out.bam\""), outputs);
        Assert.Contains(new StoredOutput(run.RunId, call.CallId, "count", "42"), outputs);
        Assert.Contains(new StoredOutput(run.RunId, null, "counts", "[42]"), outputs);

        var events = await store.GetEventsAsync(run.RunId);
        Assert.Equal(["queued", "running", "succeeded"], events.Select(e => e.Message));
        Assert.Equal([null, call.CallId, call.CallId], events.Select(e => e.CallId));

        // A hit names the call whose outputs it reuses.
        store.Enqueue(new CallCacheResolved(call.CallId, CacheResult.Hit, source));
        await store.FlushAsync();
        stored = Assert.Single(await store.GetCallsAsync(run.RunId));
        Assert.Equal((CacheResult.Hit, source), (stored.Cache!.Value, stored.CacheSourceCallId!.Value));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_call_recorded_again_keeps_its_creation_and_attempts_and_takes_the_new_status_and_directory(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run();
        var call = Sample.Call(run.RunId, "wf.align", ShardIndex.Of(4), Sample.At(1));
        store.Enqueue(run);
        store.Enqueue(call);
        store.Enqueue(new AttemptCreated(call.CallId, 1, JobHandle.Local(99, "/w/rc"), null, null, Sample.At(2)));
        store.Enqueue(new CallStatusChanged(call.CallId, run.RunId, CallStatus.Running, Sample.At(3)));
        await store.FlushAsync();

        // A resumed run records the call again, in the same flush window as a new one.
        var other = Sample.Call(run.RunId, "wf.align", ShardIndex.Of(5), Sample.At(50));
        store.Enqueue(call with { Status = CallStatus.Queued, WorkDirectory = "/resumed/call-align/shard-4", At = Sample.At(40) });
        store.Enqueue(other);
        store.Enqueue(call with { Status = CallStatus.Queued, WorkDirectory = "/resumed/call-align/shard-4", At = Sample.At(60) });
        await store.FlushAsync();

        var calls = await store.GetCallsAsync(run.RunId);
        Assert.Equal(2, calls.Count);
        Assert.Equal(new StoredCall(call.CallId, run.RunId, "wf.align", ShardIndex.Of(4), CallStatus.Queued, 1, null, null,
            "/resumed/call-align/shard-4", Sample.At(1), Sample.At(3), null), calls[0]);
        Assert.Equal(other.CallId, calls[1].Id);
        Assert.Single(await store.GetAttemptsAsync(call.CallId));
        Assert.Equal(0, store.WriterStatistics.LostWrites);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Events_cache_entries_and_file_digests(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run();
        var entry = Sample.CacheEntry(7) with { KeyHash = Sample.KeyHash(7).ToUpperInvariant() };
        var file = new FileIdentity(2049, 123456789, 5L << 32, 1_767_323_045_123_456_789, 1_767_323_046_987_654_321);
        store.Enqueue(run);
        store.Enqueue(new EventRecorded(run.RunId, null, Sample.At(5), "log", "localizing 3 files"));
        store.Enqueue(new EventRecorded(run.RunId, Guid.CreateVersion7(), Sample.At(6), "retry"));
        store.Enqueue(new CacheEntryRecorded(entry));
        store.Enqueue(new FileDigestRecorded("/data/reads.fq", file, DigestMode.Strict, "sha256:abcd", Sample.At(7)));
        await store.FlushAsync();

        var events = await store.GetEventsAsync(run.RunId);
        Assert.Equal([("status", "queued"), ("log", "localizing 3 files"), ("retry", null)], events.Select(e => (e.Kind, e.Message)));
        Assert.True(events[0].Id < events[1].Id && events[1].Id < events[2].Id);

        // Stored as bytes: found whatever the case of the hex, returned in lower case.
        Assert.Equal(entry with { KeyHash = Sample.KeyHash(7) }, await store.FindCacheEntryAsync(Sample.KeyHash(7)));
        Assert.Equal("sha256:abcd", await store.FindFileDigestAsync("/data/reads.fq", file, DigestMode.Strict));
    }
}
