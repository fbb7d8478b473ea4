using Osprey.Engine.Caching;

namespace Osprey.Engine.Tests.Caching;

public class FileDigestsTests
{
    /// <summary>A memo that counts the digests it is asked to remember (one per real read).</summary>
    private sealed class CountingMemo : IDigestMemo
    {
        private readonly InMemoryDigestMemo _inner = new();

        public int Remembered { get; private set; }

        public string? Find(string path, FileIdentity identity, DigestMode mode) => _inner.Find(path, identity, mode);

        public void Remember(string path, FileIdentity identity, DigestMode mode, string digest)
        {
            Remembered++;
            _inner.Remember(path, identity, mode, digest);
        }
    }

    private static readonly DateTime Fixed = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    /// <summary>Writes the content and puts the modification time back to one fixed instant.</summary>
    private static void Rewrite(string path, byte[] content)
    {
        File.WriteAllBytes(path, content);
        File.SetLastWriteTimeUtc(path, Fixed);
    }

    [Fact]
    public void A_small_file_edit_with_the_same_size_and_time_changes_the_digest()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("small.txt", "aaaa");
        File.SetLastWriteTimeUtc(path, Fixed);
        var digests = new FileDigests(new InMemoryDigestMemo());
        string before = digests.Of(path)!;

        Thread.Sleep(20); // kernel timestamps are coarse (a few ms): let the change time move
        Rewrite(path, "aaab"u8.ToArray());

        // Same size and mtime: the change time still differs, so the memo misses and the new
        // content is hashed.
        Assert.NotEqual(before, digests.Of(path));
        Assert.StartsWith("sha256:", before);
    }

    [Fact]
    public void An_unchanged_large_file_is_read_once()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "large.bin");
        File.WriteAllBytes(path, new byte[3 << 20]);
        var memo = new CountingMemo();
        var digests = new FileDigests(memo);

        string first = digests.Of(path)!;
        string second = digests.Of(path)!;

        Assert.Equal(first, second);
        Assert.Equal(1, memo.Remembered);
        Assert.StartsWith("fast:", first);
    }

    [Fact]
    public void A_small_file_is_hashed_every_time_and_never_remembered()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("small.txt", "abc");
        var memo = new CountingMemo();
        var digests = new FileDigests(memo);

        string first = digests.Of(path)!;
        File.WriteAllText(path, "abd");

        Assert.NotEqual(first, digests.Of(path));
        Assert.Equal(0, memo.Remembered);
    }

    [Fact]
    public void Fast_mode_sees_the_edges_of_a_large_file_and_strict_mode_everything()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "large.bin");
        var content = new byte[3 << 20];
        Rewrite(path, content);
        string fast = new FileDigests(new InMemoryDigestMemo()).Of(path)!;
        string strict = new FileDigests(new InMemoryDigestMemo(), DigestMode.Strict).Of(path)!;

        content[content.Length / 2] = 1; // the middle: outside both edges
        Rewrite(path, content);
        Assert.Equal(fast, new FileDigests(new InMemoryDigestMemo()).Of(path));
        Assert.NotEqual(strict, new FileDigests(new InMemoryDigestMemo(), DigestMode.Strict).Of(path));

        content[^1] = 1; // the last MiB
        Rewrite(path, content);
        Assert.NotEqual(fast, new FileDigests(new InMemoryDigestMemo()).Of(path));
    }

    [Fact]
    public void A_directory_digest_follows_its_files()
    {
        using var temp = new TempDirectory();
        temp.Write("d/a.txt", "a");
        temp.Write("d/sub/b.txt", "b");
        string dir = Path.Combine(temp.Path, "d");
        string before = new FileDigests(new InMemoryDigestMemo()).Of(dir)!;
        temp.Write("d/sub/b.txt", "c");
        Assert.NotEqual(before, new FileDigests(new InMemoryDigestMemo()).Of(dir));
        Assert.Null(new FileDigests(new InMemoryDigestMemo()).Of(Path.Combine(temp.Path, "missing")));
    }

    [Fact]
    public void The_identity_has_the_inode_and_nanosecond_time()
    {
        using var temp = new TempDirectory();
        string path = temp.Write("f.txt", "x");
        var identity = FileIdentity.Of(path)!.Value;
        Assert.NotEqual(0UL, identity.Inode);
        Assert.Equal(1, identity.Size);
        Assert.Equal(File.GetLastWriteTimeUtc(path).Ticks, (identity.ModifiedNanoseconds / 100) + DateTime.UnixEpoch.Ticks);
    }
}
