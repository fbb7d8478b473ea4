namespace Osprey.Wdl.Loading;

/// <summary>
/// Turns an import's URI into the absolute locations to try, in order: relative to the importing
/// document (a path beside a local file, or a URI against an http(s) base), then each search path.
/// </summary>
public static class ImportLocation
{
    public static bool IsRemote(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<string> Candidates(string importUri, string importerLocation, IReadOnlyList<string>? searchPaths)
    {
        if (IsRemote(importUri))
        {
            yield return importUri;
            yield break;
        }
        if (importUri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            yield return new Uri(importUri).LocalPath;
            yield break;
        }
        if (IsRemote(importerLocation))
        {
            // A protocol-less import inside a remote document is relative to that document's URI.
            yield return new Uri(new Uri(importerLocation), importUri).AbsoluteUri;
            yield break;
        }
        string importerDirectory = Path.GetDirectoryName(importerLocation) ?? Directory.GetCurrentDirectory();
        yield return Path.GetFullPath(Path.Combine(importerDirectory, importUri));
        if (Path.IsPathRooted(importUri) || searchPaths is null) yield break;
        foreach (var dir in searchPaths)
            yield return Path.GetFullPath(Path.Combine(dir, importUri));
    }

    /// <summary>The default namespace of an import: the file name without its <c>.wdl</c> extension.</summary>
    public static string DefaultNamespace(string importUri)
    {
        string path = importUri;
        int query = path.IndexOfAny(['?', '#']);
        if (query >= 0) path = path[..query];
        string name = path[(path.LastIndexOf('/') + 1)..];
        return name.EndsWith(".wdl", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
