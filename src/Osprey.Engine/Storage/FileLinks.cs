using System.Runtime.InteropServices;

namespace Osprey.Engine.Storage;

/// <summary>
/// Puts a file or directory tree at a second path without copying its bytes where the file
/// system allows: a hard link per file (same content, no space), else a copy (another file
/// system, or one without hard links).
/// </summary>
public static partial class FileLinks
{
    public static void LinkOrCopy(string source, string destination)
    {
        if (Directory.Exists(source))
        {
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                LinkOrCopyFile(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
            foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
                Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
            return;
        }
        LinkOrCopyFile(source, destination);
    }

    private static void LinkOrCopyFile(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (File.Exists(destination)) File.Delete(destination);
        if (OperatingSystem.IsWindows() || Link(source, destination) != 0) File.Copy(source, destination);
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);
}
