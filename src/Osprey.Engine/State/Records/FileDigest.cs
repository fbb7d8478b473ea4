using Osprey.Engine.Caching;

namespace Osprey.Engine.State;

/// <summary>Remembers the digest of the file at <paramref name="Path"/> as it was with
/// <paramref name="Identity"/>, computed in <paramref name="Mode"/>. The store keeps one digest per
/// path and mode, the newest: an older version of the file is not going to come back.</summary>
public sealed record FileDigestRecorded(string Path, FileIdentity Identity, DigestMode Mode, string Digest, DateTimeOffset At) : StoreWrite
{
    internal override void Validate()
    {
        Require(!string.IsNullOrEmpty(Path) && !string.IsNullOrEmpty(Digest), "a file digest needs a path and a digest");
        Require(Enum.IsDefined(Mode), "a file digest needs a known digest mode");
    }
}

/// <summary>How a file digest's key is stored.</summary>
internal static class FileDigestColumns
{
    /// <summary>The word stored for a mode: spelled out so that renaming a member never changes what is on disk.</summary>
    public static string ModeName(DigestMode mode) => mode switch
    {
        DigestMode.Fast => "fast",
        DigestMode.Strict => "strict",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>Device and inode numbers are unsigned 64-bit; both databases only have signed 64-bit
    /// integers. Reinterpreting the bits (rather than checking the range) maps every number to one
    /// column value and back, and the memo only ever compares them for equality.</summary>
    public static long AsInt64(ulong value) => unchecked((long)value);
}
