using Osprey.Engine.State;

namespace Osprey.Engine.Tests.State;

/// <summary>Call-cache entries and the file digest memo (storage only).</summary>
public class CacheTests
{
    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task An_entry_is_found_by_its_exact_key_replaced_by_a_newer_one_and_removed(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        for (int i = 0; i < 50; i++) store.Enqueue(new CacheEntryRecorded(Sample.CacheEntry(i)));
        await store.FlushAsync();

        Assert.Equal(Sample.CacheEntry(0), await store.FindCacheEntryAsync(Sample.KeyHash(0)));
        Assert.Equal("""{"out":"/cache/31.txt"}""", (await store.FindCacheEntryAsync(Sample.KeyHash(31)))!.OutputsJson);
        Assert.Null(await store.FindCacheEntryAsync(Sample.KeyHash(50)));

        var newer = Sample.CacheEntry(31) with { OutputsJson = """{"out":"/cache/again.txt"}""", CreatedAt = Sample.At(10_000) };
        store.Enqueue(new CacheEntryRecorded(newer));
        store.Enqueue(new CacheEntryRemoved(Sample.KeyHash(32)));
        await store.FlushAsync();

        Assert.Equal(newer, await store.FindCacheEntryAsync(Sample.KeyHash(31)));
        Assert.Null(await store.FindCacheEntryAsync(Sample.KeyHash(32)));
        Assert.Equal(49, await target.CountAsync("cache_entries"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.FindCacheEntryAsync("xyz"));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task The_nearest_entries_of_a_task_are_the_newest_earlier_ones(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        for (int i = 0; i < 10; i++) store.Enqueue(new CacheEntryRecorded(Sample.CacheEntry(i, "align", "v1")));
        for (int i = 10; i < 15; i++) store.Enqueue(new CacheEntryRecorded(Sample.CacheEntry(i, "align", "v2")));
        for (int i = 15; i < 20; i++) store.Enqueue(new CacheEntryRecorded(Sample.CacheEntry(i, "sort", "v1")));
        await store.FlushAsync();

        static IEnumerable<string> Keys(IReadOnlyList<CacheEntry> entries) => entries.Select(e => e.KeyHash);

        Assert.Equal(new[] { 9, 8, 7 }.Select(Sample.KeyHash), Keys(await store.FindNearestCacheEntriesAsync("align", "v1", null, 3)));
        Assert.Equal(new[] { 5, 4 }.Select(Sample.KeyHash), Keys(await store.FindNearestCacheEntriesAsync("align", "v1", Sample.At(6), 2)));
        // Any version of the task: the changed task's entries come first, being newer.
        Assert.Equal(new[] { 14, 13, 12, 11, 10, 9 }.Select(Sample.KeyHash), Keys(await store.FindNearestCacheEntriesAsync("align", null, null, 6)));
        Assert.Empty(await store.FindNearestCacheEntriesAsync("align", "v3", null, 5));
        Assert.Equal(5, (await store.FindNearestCacheEntriesAsync("sort", "v1", null, 50)).Count);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_file_digest_is_reused_only_while_inode_size_and_modification_time_are_unchanged(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var file = new FileIdentity("/data/big.bam", 42, 10_000_000_000, new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(3));
        store.Enqueue(new FileDigestRecorded(file, "sha256:one", Sample.T0));
        await store.FlushAsync();

        Assert.Equal("sha256:one", await store.FindFileDigestAsync(file));
        Assert.Null(await store.FindFileDigestAsync(file with { Inode = 43 }));
        Assert.Null(await store.FindFileDigestAsync(file with { Size = file.Size + 1 }));
        Assert.Null(await store.FindFileDigestAsync(file with { ModifiedAt = file.ModifiedAt.AddTicks(1) }));
        Assert.Null(await store.FindFileDigestAsync(file with { Path = "/data/other.bam" }));

        // The file changed and was hashed again: the old identity no longer matches.
        var changed = file with { Size = 11, ModifiedAt = file.ModifiedAt.AddSeconds(1) };
        store.Enqueue(new FileDigestRecorded(changed, "sha256:two", Sample.At(1)));
        await store.FlushAsync();
        Assert.Equal("sha256:two", await store.FindFileDigestAsync(changed));
        Assert.Null(await store.FindFileDigestAsync(file));
        Assert.Equal(1, await target.CountAsync("file_digests"));
    }
}
