using Osprey.Engine.State;

namespace Osprey.Engine.Tests.State;

/// <summary>The queries behind <c>osprey runs</c>/<c>show</c>: runs by id prefix, a run's attempts at once.</summary>
public class LookupTests
{
    // Ids chosen to sit at the edges of prefix ranges, including digits beyond the first group
    // (where a little-endian Guid byte order would sort differently from the text).
    private static readonly string[] Ids =
    [
        "0abc1234-0fff-4000-8000-000000000001",
        "0abc1234-1000-4000-8000-000000000002",
        "0abcffff-ffff-ffff-ffff-ffffffffffff",
        "0abd0000-0000-0000-0000-000000000000",
        "0abbffff-ffff-ffff-ffff-ffffffffffff",
        "00000000-0000-0000-0000-000000000001",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ];

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Runs_are_found_by_any_prefix_of_their_id_newest_first(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        for (int i = 0; i < Ids.Length; i++)
            store.Enqueue(Sample.Run(Guid.Parse(Ids[i]), workflow: $"wf{i}", at: Sample.At(i * 1000)));
        await store.FlushAsync();

        async Task<string[]> Find(string prefix, int limit = 10) =>
            (await store.FindRunsByIdPrefixAsync(prefix, limit)).Select(r => r.Id.ToString()).ToArray();

        Assert.Equal([Ids[2], Ids[1], Ids[0]], await Find("0abc"));
        Assert.Equal([Ids[2], Ids[1], Ids[0]], await Find("0ABC"));
        Assert.Equal([Ids[2]], await Find("0abc", limit: 1));
        Assert.Equal([Ids[1], Ids[0]], await Find("0abc1234"));
        // Odd length, ending inside the second group.
        Assert.Equal([Ids[0]], await Find("0abc12340"));
        Assert.Equal([Ids[1]], await Find("0abc12341"));
        Assert.Equal([Ids[3]], await Find("0abd"));
        Assert.Equal([Ids[4]], await Find("0abb"));
        Assert.Equal([Ids[5]], await Find("0000"));
        Assert.Equal([Ids[6]], await Find("ffff"));
        Assert.Equal([Ids[6]], await Find(new string('f', 32)));
        Assert.Equal([Ids[5], Ids[4], Ids[3], Ids[2], Ids[1], Ids[0]], await Find("0"));
        Assert.Empty(await Find("1234"));
        Assert.Empty(await Find("0abc12342"));

        var found = Assert.Single(await store.FindRunsByIdPrefixAsync("0abd", 10));
        Assert.Equal(new RunSummary(Guid.Parse(Ids[3]), "wf3", RunStatus.Queued, $"/runs/{Guid.Parse(Ids[3]):N}", Sample.At(3000), null, null), found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0abc-12")]
    [InlineData("xyz1")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    public async Task A_prefix_is_one_to_32_hex_digits(string prefix)
    {
        await using var target = await StoreUnderTest.CreateAsync("sqlite");
        await Assert.ThrowsAsync<ArgumentException>(() => target.Store.FindRunsByIdPrefixAsync(prefix, 10));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_runs_attempts_come_in_one_query_by_call_creation_then_attempt(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run();
        var other = Sample.Run();
        var second = Sample.Call(run.RunId, "wf.b", ShardIndex.Of(0), Sample.At(2));
        var first = Sample.Call(run.RunId, "wf.a", at: Sample.At(1));
        var unstarted = Sample.Call(run.RunId, "wf.c", at: Sample.At(3));
        var elsewhere = Sample.Call(other.RunId, "wf.a", at: Sample.At(1));
        foreach (StoreWrite w in new StoreWrite[] { run, other, second, first, unstarted, elsewhere }) store.Enqueue(w);
        store.Enqueue(new AttemptCreated(second.CallId, 1, JobHandle.Local(1, "/rc1"), "/o1", "/e1", Sample.At(10)));
        store.Enqueue(new AttemptCreated(first.CallId, 1, null, null, null, Sample.At(11)));
        store.Enqueue(new AttemptCreated(second.CallId, 2, JobHandle.Local(2, "/rc2"), "/o2", "/e2", Sample.At(12)));
        store.Enqueue(new AttemptStatusChanged(second.CallId, 2, AttemptStatus.Failed, Sample.At(13), ExitCode: 3));
        store.Enqueue(new AttemptCreated(elsewhere.CallId, 1, null, null, null, Sample.At(14)));
        await store.FlushAsync();

        var attempts = await store.GetRunAttemptsAsync(run.RunId);
        Assert.Equal([(first.CallId, 1), (second.CallId, 1), (second.CallId, 2)], attempts.Select(a => (a.CallId, a.Attempt)));
        Assert.Equal(
            new StoredAttempt(second.CallId, 2, AttemptStatus.Failed, JobHandle.Local(2, "/rc2"), Sample.At(12), null, Sample.At(13), 3, "/o2", "/e2"),
            attempts[2]);
        Assert.Equal(await store.GetAttemptsAsync(second.CallId), attempts.Where(a => a.CallId == second.CallId));
        Assert.Empty(await store.GetRunAttemptsAsync(Guid.CreateVersion7()));
    }
}
