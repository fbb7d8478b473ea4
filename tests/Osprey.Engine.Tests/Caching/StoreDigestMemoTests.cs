using Osprey.Engine.Caching;
using Osprey.Engine.Tests.State;

namespace Osprey.Engine.Tests.Caching;

/// <summary>The digest memo kept in the run store: found again by a later process, never for a changed file.</summary>
public class StoreDigestMemoTests
{
    private static readonly DateTime Fixed = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_digest_remembered_through_one_store_is_found_by_the_next_one_for_its_mode_only(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "large.bin");
        File.WriteAllBytes(path, new byte[3 << 20]); // large: fast and strict digests differ
        string digest = new FileDigests(new StoreDigestMemo(target.Store)).Of(path)!;

        await target.ReopenAsync(); // closing writes what is queued; nothing flushed it before

        var identity = FileIdentity.Of(path)!.Value;
        var memo = new StoreDigestMemo(target.Store);
        Assert.Equal(digest, memo.Find(path, identity, DigestMode.Fast));
        Assert.StartsWith("fast:", digest);
        Assert.Null(memo.Find(path, identity, DigestMode.Strict));
        Assert.Null(memo.Find(path + ".other", identity, DigestMode.Fast));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_file_rewritten_with_its_size_and_modification_time_restored_is_not_found(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        using var temp = new TempDirectory();
        // Large enough to be remembered (small files are hashed every time), small enough to be hashed whole.
        string content = new('a', 300 << 10);
        string path = temp.Write("medium.txt", content);
        File.SetLastWriteTimeUtc(path, Fixed);
        var before = FileIdentity.Of(path)!.Value;
        string digest = new FileDigests(new StoreDigestMemo(target.Store)).Of(path)!;
        await target.ReopenAsync();

        Thread.Sleep(20); // kernel timestamps are coarse (a few ms): let the change time move
        File.WriteAllText(path, content[..^1] + "b");
        File.SetLastWriteTimeUtc(path, Fixed);
        var after = FileIdentity.Of(path)!.Value;

        Assert.Equal((before.Size, before.ModifiedNanoseconds), (after.Size, after.ModifiedNanoseconds));
        Assert.NotEqual(before.ChangedNanoseconds, after.ChangedNanoseconds);
        var memo = new StoreDigestMemo(target.Store);
        Assert.Null(memo.Find(path, after, DigestMode.Fast));
        Assert.Equal(digest, memo.Find(path, before, DigestMode.Fast));
        Assert.NotEqual(digest, new FileDigests(memo).Of(path));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_digest_remembered_in_this_process_is_found_before_it_is_committed(string provider)
    {
        var gate = new TaskCompletionSource();
        await using var target = await StoreUnderTest.CreateAsync(provider, o => o with { WriterStartGate = gate.Task });
        var memo = new StoreDigestMemo(target.Store);
        var identity = new FileIdentity(1, 2, 3, 4, 5);

        memo.Remember("/data/x", identity, DigestMode.Strict, "sha256:x");

        Assert.Equal("sha256:x", memo.Find("/data/x", identity, DigestMode.Strict));
        Assert.Null(await target.Store.FindFileDigestAsync("/data/x", identity, DigestMode.Strict));
        gate.SetResult();
        await target.Store.FlushAsync();
        Assert.Equal("sha256:x", await target.Store.FindFileDigestAsync("/data/x", identity, DigestMode.Strict));
    }
}
