namespace Osprey.Wdl.Tests.Syntax;

/// <summary>
/// Finds shared/wdl-conformance: the repository is cloned to some directory X with shared/ at
/// X/../shared, so walk up from the test assembly until a folder holds shared/wdl-conformance
/// or ../shared/wdl-conformance.
/// </summary>
internal static class ConformanceFiles
{
    private static readonly Lazy<string?> Root = new(Locate);

    public static string Directory => Root.Value
        ?? throw new InvalidOperationException("shared/wdl-conformance was not found above " + AppContext.BaseDirectory);

    public static IReadOnlyList<string> All()
    {
        var files = System.IO.Directory.GetFiles(Directory, "*.wdl", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "wdl-conformance"), Path.Combine(dir.FullName, "..", "shared", "wdl-conformance") })
            {
                if (System.IO.Directory.Exists(candidate)) return Path.GetFullPath(candidate);
            }
        }
        return null;
    }
}
