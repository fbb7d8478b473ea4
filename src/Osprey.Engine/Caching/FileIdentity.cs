using System.Runtime.InteropServices;

namespace Osprey.Engine.Caching;

/// <summary>
/// What identifies a file's content without reading it: device, inode, size, modification time
/// and status-change time (nanoseconds). A digest remembered under this identity is still valid
/// while the identity is unchanged, so an unchanged large file is never hashed twice. The change
/// time is there because a program can put the modification time back after an edit (`touch -d`)
/// but cannot do that to the change time.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode, long Size, long ModifiedNanoseconds, long ChangedNanoseconds)
{
    /// <summary>The identity of the file at <paramref name="path"/> (following links), or null if it cannot be read.</summary>
    public static FileIdentity? Of(string path)
    {
        if (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64 && LinuxStat.TryStat(path, out var stat))
            return stat;
        // Elsewhere: no inode, but size and time still catch ordinary edits.
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        return new FileIdentity(0, 0, info.Length, (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100, 0);
    }
}

/// <summary>stat(2) through glibc, laid out as on x86-64 Linux (the only layout read here).</summary>
internal static partial class LinuxStat
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Stat
    {
        public ulong Dev;
        public ulong Ino;
        public ulong Nlink;
        public uint Mode;
        public uint Uid;
        public uint Gid;
        public int Padding;
        public ulong Rdev;
        public long Size;
        public long BlockSize;
        public long Blocks;
        public long AccessSeconds;
        public long AccessNanoseconds;
        public long ModifySeconds;
        public long ModifyNanoseconds;
        public long ChangeSeconds;
        public long ChangeNanoseconds;
        public long Reserved1;
        public long Reserved2;
        public long Reserved3;
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatPath(string path, out Stat result);

    public static bool TryStat(string path, out FileIdentity identity)
    {
        try
        {
            if (StatPath(path, out var s) == 0)
            {
                identity = new FileIdentity(s.Dev, s.Ino, s.Size, s.ModifySeconds * 1_000_000_000 + s.ModifyNanoseconds, s.ChangeSeconds * 1_000_000_000 + s.ChangeNanoseconds);
                return true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // An old glibc without a `stat` symbol: the caller falls back to FileInfo.
        }
        identity = default;
        return false;
    }
}
