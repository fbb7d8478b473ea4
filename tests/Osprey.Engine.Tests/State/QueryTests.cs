using Osprey.Engine.State;

namespace Osprey.Engine.Tests.State;

/// <summary>The queries the CLI and resume need.</summary>
public class QueryTests
{
    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Runs_are_listed_newest_first_and_found_by_id_or_directory(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var runs = Enumerable.Range(0, 5).Select(i => Sample.Run(workflow: $"wf{i}", dir: i < 4 ? $"/runs/r{i}" : "/runs/r1", at: Sample.At(i * 1000))).ToList();
        foreach (var run in runs) store.Enqueue(run);
        store.Enqueue(new RunStatusChanged(runs[2].RunId, RunStatus.Running, Sample.At(2100)));
        store.Enqueue(new RunStatusChanged(runs[2].RunId, RunStatus.Succeeded, Sample.At(4600)));
        await store.FlushAsync();

        var listed = await store.ListRunsAsync(3);
        Assert.Equal(["wf4", "wf3", "wf2"], listed.Select(r => r.WorkflowName));
        Assert.Equal(new RunSummary(runs[2].RunId, "wf2", RunStatus.Succeeded, "/runs/r2", Sample.At(2000), Sample.At(2100), Sample.At(4600)), listed[2]);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), listed[2].Duration);
        Assert.Null(listed[0].Duration);
        Assert.Equal(5, (await store.ListRunsAsync(100)).Count);

        Assert.Equal("wf3", (await store.FindRunAsync(runs[3].RunId))!.WorkflowName);
        Assert.Null(await store.FindRunAsync(Guid.CreateVersion7()));
        // Two runs in one directory: the newer one.
        Assert.Equal(runs[4].RunId, (await store.FindRunByDirectoryAsync("/runs/r1"))!.Id);
        Assert.Null(await store.FindRunByDirectoryAsync("/runs/none"));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Resume_finds_the_succeeded_calls_and_the_running_ones_with_their_job_handles(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run();
        var other = Sample.Run();
        var done = Sample.Call(run.RunId, "wf.a", at: Sample.At(1));
        var running = Sample.Call(run.RunId, "wf.b", ShardIndex.Of(0), Sample.At(2));
        var waiting = Sample.Call(run.RunId, "wf.b", ShardIndex.Of(1), Sample.At(3));
        var failed = Sample.Call(run.RunId, "wf.c", at: Sample.At(4));
        var elsewhere = Sample.Call(other.RunId, "wf.a", at: Sample.At(5));
        foreach (StoreWrite w in new StoreWrite[] { run, other, done, running, waiting, failed, elsewhere }) store.Enqueue(w);
        store.Enqueue(new CallStatusChanged(done.CallId, run.RunId, CallStatus.Succeeded, Sample.At(10)));
        store.Enqueue(new CallStatusChanged(elsewhere.CallId, other.RunId, CallStatus.Succeeded, Sample.At(10)));
        store.Enqueue(new AttemptCreated(running.CallId, 1, JobHandle.Local(100, "/w/b0/1/rc"), null, null, Sample.At(11)));
        store.Enqueue(new AttemptCreated(running.CallId, 2, JobHandle.Local(200, "/w/b0/2/rc"), null, null, Sample.At(12)));
        store.Enqueue(new CallStatusChanged(running.CallId, run.RunId, CallStatus.Running, Sample.At(12)));
        store.Enqueue(new CallStatusChanged(failed.CallId, run.RunId, CallStatus.Failed, Sample.At(13)));
        await store.FlushAsync();

        Assert.Equal([done.CallId], (await store.GetCallsAsync(run.RunId, CallStatus.Succeeded)).Select(c => c.Id));
        Assert.Equal([done.CallId, running.CallId, waiting.CallId, failed.CallId], (await store.GetCallsAsync(run.RunId)).Select(c => c.Id));

        var active = await store.GetActiveCallsAsync(run.RunId);
        Assert.Equal([running.CallId, waiting.CallId], active.Select(a => a.Call.Id));
        Assert.Equal((2, JobHandle.Local(200, "/w/b0/2/rc")), (active[0].Attempt!.Attempt, active[0].Attempt!.Job));
        Assert.Null(active[1].Attempt);
        Assert.Equal(0, active[1].Call.Attempt);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_call_name_and_shard_are_unique_within_a_run(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var run = Sample.Run();
        target.Store.Enqueue(run);
        target.Store.Enqueue(Sample.Call(run.RunId, "wf.a", ShardIndex.Of(3)));
        target.Store.Enqueue(Sample.Call(run.RunId, "wf.a", ShardIndex.Of(3)));

        await Assert.ThrowsAsync<StoreWriteException>(() => target.Store.FlushAsync());
        Assert.Single(await target.Store.GetCallsAsync(run.RunId));
    }
}
