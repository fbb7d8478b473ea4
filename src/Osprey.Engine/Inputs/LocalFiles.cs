using Osprey.Engine.Values;

namespace Osprey.Engine.Inputs;

/// <summary>
/// Makes relative File/Directory inputs absolute (against the inputs file's directory, then the
/// current directory) and reports local ones that do not exist. URIs (http, s3, ...) are left as
/// they are: they are fetched when a task needs them.
/// </summary>
public static class LocalFiles
{
    public static WdlValue Resolve(WdlValue value, string key, string? inputsDirectory, List<string> errors, string? currentDirectory = null)
    {
        switch (value)
        {
            case WdlFile f:
                return Locate(f.Location, key, inputsDirectory, currentDirectory, errors, directory: false) is { } file ? WdlFile.Of(file) : value;
            case WdlDirectory d:
                return Locate(d.Location, key, inputsDirectory, currentDirectory, errors, directory: true) is { } dir ? WdlDirectory.Of(dir) : value;
            case WdlArray a:
                var items = new WdlValue[a.Count];
                bool changed = false;
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = Resolve(a[i], key, inputsDirectory, errors, currentDirectory);
                    changed |= !ReferenceEquals(items[i], a[i]);
                }
                return changed ? WdlArray.Create(a.ElementType, items) : value;
            case WdlMap m:
                return WdlMap.Create(m.MapType.Key, m.MapType.Value, m.Entries.Select(e =>
                    new KeyValuePair<WdlValue, WdlValue>(Resolve(e.Key, key, inputsDirectory, errors, currentDirectory), Resolve(e.Value, key, inputsDirectory, errors, currentDirectory))));
            case WdlPair p:
                return WdlPair.Create(p.PairType, Resolve(p.Left, key, inputsDirectory, errors, currentDirectory), Resolve(p.Right, key, inputsDirectory, errors, currentDirectory));
            case WdlStruct s:
                return WdlStruct.Create(s.StructType, s.MemberValues.Select(v => Resolve(v, key, inputsDirectory, errors, currentDirectory)).ToList());
            default:
                return value;
        }
    }

    private static string? Locate(string location, string key, string? inputsDirectory, string? currentDirectory, List<string> errors, bool directory)
    {
        if (Tasks.OutputFiles.IsUri(location)) return null;
        if (location.StartsWith("file://", StringComparison.OrdinalIgnoreCase)) location = new Uri(location).LocalPath;
        var candidates = Path.IsPathRooted(location)
            ? [location]
            : new[] { inputsDirectory, currentDirectory ?? Directory.GetCurrentDirectory() }.OfType<string>().Select(d => Path.GetFullPath(Path.Combine(d, location))).ToArray();
        foreach (var candidate in candidates)
            if (directory ? Directory.Exists(candidate) : File.Exists(candidate)) return candidate;
        errors.Add($"input '{key}': {(directory ? "directory" : "file")} '{location}' does not exist");
        return null;
    }
}
