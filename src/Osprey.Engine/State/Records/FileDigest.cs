namespace Osprey.Engine.State;

/// <summary>What identifies a version of a file without reading it: a digest recorded for one
/// identity is reused only while all four are unchanged.</summary>
/// <param name="ModifiedAt">Compared exactly, to the .NET tick.</param>
public sealed record FileIdentity(string Path, long Inode, long Size, DateTimeOffset ModifiedAt);

/// <summary>Remembers (or replaces) the digest of a file.</summary>
public sealed record FileDigestRecorded(FileIdentity File, string Digest, DateTimeOffset At) : StoreWrite
{
    internal override void Validate() =>
        Require(!string.IsNullOrEmpty(File.Path) && !string.IsNullOrEmpty(Digest), "a file digest needs a path and a digest");
}
