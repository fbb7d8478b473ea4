using Osprey.Engine.Values;

namespace Osprey.Engine.Inputs;

/// <summary>
/// Makes relative File/Directory inputs absolute (against the inputs file's directory, then the
/// current directory) and reports local ones that do not exist. URIs (http, s3, ...) are left as
/// they are: they are fetched when a task needs them.
/// </summary>
public static class LocalFiles
{
    public static WdlValue Resolve(WdlValue value, string key, string? inputsDirectory, List<string> errors)
    {
        switch (value)
        {
            case WdlFile f:
                return Locate(f.Location, key, inputsDirectory, errors, directory: false) is { } file ? WdlFile.Of(file) : value;
            case WdlDirectory d:
                return Locate(d.Location, key, inputsDirectory, errors, directory: true) is { } dir ? WdlDirectory.Of(dir) : value;
            case WdlArray a:
                var items = new WdlValue[a.Count];
                bool changed = false;
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = Resolve(a[i], key, inputsDirectory, errors);
                    changed |= !ReferenceEquals(items[i], a[i]);
                }
                return changed ? WdlArray.Create(a.ElementType, items) : value;
            case WdlMap m:
                return WdlMap.Create(m.MapType.Key, m.MapType.Value, m.Entries.Select(e =>
                    new KeyValuePair<WdlValue, WdlValue>(Resolve(e.Key, key, inputsDirectory, errors), Resolve(e.Value, key, inputsDirectory, errors))));
            case WdlPair p:
                return WdlPair.Create(p.PairType, Resolve(p.Left, key, inputsDirectory, errors), Resolve(p.Right, key, inputsDirectory, errors));
            case WdlStruct s:
                return WdlStruct.Create(s.StructType, s.MemberValues.Select(v => Resolve(v, key, inputsDirectory, errors)).ToList());
            default:
                return value;
        }
    }

    private static string? Locate(string location, string key, string? inputsDirectory, List<string> errors, bool directory)
    {
        if (Tasks.OutputFiles.IsUri(location)) return null;
        if (location.StartsWith("file://", StringComparison.OrdinalIgnoreCase)) location = new Uri(location).LocalPath;
        var candidates = Path.IsPathRooted(location)
            ? [location]
            : new[] { inputsDirectory, Directory.GetCurrentDirectory() }.OfType<string>().Select(d => Path.GetFullPath(Path.Combine(d, location))).ToArray();
        foreach (var candidate in candidates)
            if (directory ? Directory.Exists(candidate) : File.Exists(candidate)) return candidate;
        errors.Add($"input '{key}': {(directory ? "directory" : "file")} '{location}' does not exist");
        return null;
    }
}
