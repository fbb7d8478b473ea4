using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Osprey.Engine.Caching;

public enum DigestMode
{
    /// <summary>Size, modification time and the first and last MiB; whole content below 2 MiB.</summary>
    Fast,

    /// <summary>The whole content, always.</summary>
    Strict,
}

/// <summary>Remembers digests by path, file identity and mode (<see cref="StoreDigestMemo"/> keeps them in the run store, across runs).</summary>
public interface IDigestMemo
{
    string? Find(string path, FileIdentity identity, DigestMode mode);

    void Remember(string path, FileIdentity identity, DigestMode mode, string digest);
}

/// <summary>A memo for one process.</summary>
public sealed class InMemoryDigestMemo : IDigestMemo
{
    private readonly ConcurrentDictionary<(string, FileIdentity, DigestMode), string> _digests = new();

    public string? Find(string path, FileIdentity identity, DigestMode mode) => _digests.GetValueOrDefault((path, identity, mode));

    public void Remember(string path, FileIdentity identity, DigestMode mode, string digest) => _digests[(path, identity, mode)] = digest;
}

/// <summary>
/// Content digests of files and directories for call-cache keys. Fast mode hashes small files
/// (under 2 MiB) whole and large ones by size, modification time and their first and last MiB,
/// so a large file costs two reads however big it is; strict mode hashes everything. Digests of
/// files of 256 KiB and more are remembered per path and identity (device, inode, size, mtime,
/// ctime): an unchanged large file is never read twice.
/// </summary>
public sealed class FileDigests(IDigestMemo memo, DigestMode mode = DigestMode.Fast)
{
    private const int Edge = 1 << 20;
    private const long SmallFile = 2L << 20;

    // Below this, hashing the file costs less than looking its digest up (or recording it) in
    // the run store, so small files are always hashed and never memoized.
    private const long WorthRemembering = 256L << 10;

    public DigestMode Mode { get; } = mode;

    /// <summary>The digest of a file, or of a directory (its relative paths and their files' digests); null if it does not exist.</summary>
    public string? Of(string path)
    {
        if (Directory.Exists(path)) return OfDirectory(path);
        var identity = FileIdentity.Of(path);
        if (identity is null) return null;
        bool remember = identity.Value.Size >= WorthRemembering;
        if (remember && memo.Find(path, identity.Value, Mode) is { } known) return known;
        string digest = Mode == DigestMode.Strict || identity.Value.Size < SmallFile ? WholeFile(path) : Edges(path, identity.Value);
        if (remember) memo.Remember(path, identity.Value, Mode, digest);
        return digest;
    }

    private static string WholeFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Edges(string path, FileIdentity identity)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[16];
        BitConverter.TryWriteBytes(header, identity.Size);
        BitConverter.TryWriteBytes(header[8..], identity.ModifiedNanoseconds);
        hash.AppendData(header);
        var buffer = new byte[Edge];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.RandomAccess);
        hash.AppendData(buffer, 0, stream.ReadAtLeast(buffer, Edge, throwOnEndOfStream: false));
        stream.Seek(-Edge, SeekOrigin.End);
        hash.AppendData(buffer, 0, stream.ReadAtLeast(buffer, Edge, throwOnEndOfStream: false));
        return "fast:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private string OfDirectory(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(path, file) + "\0" + Of(file) + "\n"));
        }
        return "dir:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
