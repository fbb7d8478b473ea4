using Osprey.Engine.Caching;
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
    public async Task A_file_digest_is_found_only_with_every_identity_field_and_the_mode_unchanged(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        const string path = "/data/big.bam";
        // Device and inode above long.MaxValue: stored bit for bit in signed columns.
        var file = new FileIdentity(ulong.MaxValue - 1, (1UL << 63) + 42, 10_000_000_000, 1_778_051_289_123_456_789, 1_778_051_290_000_000_001);
        store.Enqueue(new FileDigestRecorded(path, file, DigestMode.Fast, "fast:one", Sample.T0));
        await store.FlushAsync();

        Assert.Equal("fast:one", await store.FindFileDigestAsync(path, file, DigestMode.Fast));
        Assert.Null(await store.FindFileDigestAsync(path, file, DigestMode.Strict));
        Assert.Null(await store.FindFileDigestAsync("/data/other.bam", file, DigestMode.Fast));
        Assert.Null(await store.FindFileDigestAsync(path, file with { Device = 7 }, DigestMode.Fast));
        Assert.Null(await store.FindFileDigestAsync(path, file with { Inode = 42 }, DigestMode.Fast));
        Assert.Null(await store.FindFileDigestAsync(path, file with { Size = file.Size + 1 }, DigestMode.Fast));
        Assert.Null(await store.FindFileDigestAsync(path, file with { ModifiedNanoseconds = file.ModifiedNanoseconds + 1 }, DigestMode.Fast));
        Assert.Null(await store.FindFileDigestAsync(path, file with { ChangedNanoseconds = file.ChangedNanoseconds + 1 }, DigestMode.Fast));

        // Strict beside fast for the same path; then the file changed and was hashed again.
        var changed = file with { Size = 11, ModifiedNanoseconds = file.ModifiedNanoseconds + 1_000_000_000 };
        store.Enqueue(new FileDigestRecorded(path, file, DigestMode.Strict, "sha256:one", Sample.At(1)));
        store.Enqueue(new FileDigestRecorded(path, changed, DigestMode.Fast, "fast:two", Sample.At(2)));
        await store.FlushAsync();
        Assert.Equal("sha256:one", await store.FindFileDigestAsync(path, file, DigestMode.Strict));
        Assert.Equal("fast:two", await store.FindFileDigestAsync(path, changed, DigestMode.Fast));
        Assert.Null(await store.FindFileDigestAsync(path, file, DigestMode.Fast));
        Assert.Equal(2, await target.CountAsync("file_digests"));
    }
}
