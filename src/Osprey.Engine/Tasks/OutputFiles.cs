using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Tasks;

/// <summary>
/// Makes File and Directory outputs absolute (relative paths are relative to the task's working
/// directory) and checks they exist: a missing optional file becomes None, a missing required
/// one is an error. Walks compound values by their declared type.
/// </summary>
public static class OutputFiles
{
    /// <param name="allowed">Where outputs may be: the attempt directory (a prefix) and the task's input paths.</param>
    public static WdlValue Resolve(WdlValue value, WdlType type, string workDirectory, string outputName, OutputPlaces allowed)
    {
        switch (type.Required, value)
        {
            case (_, WdlNone):
                return value;
            case (PrimitiveType { IsPathLike: true } p, WdlString or WdlFile or WdlDirectory):
                string location = Location(value);
                if (IsUri(location)) return value;
                string path = Path.GetFullPath(Path.IsPathRooted(location) ? location : Path.Combine(workDirectory, location));
                bool isDirectory = p.Kind == PrimitiveKind.Directory;
                if (isDirectory ? Directory.Exists(path) : File.Exists(path))
                {
                    if (!allowed.Contains(path))
                        throw new WdlValueException($"output '{outputName}': '{path}' is outside the task's directory and is not one of its inputs");
                    return isDirectory ? WdlDirectory.Of(path) : WdlFile.Of(path);
                }
                if (type.IsOptional) return WdlNone.Instance;
                throw new WdlValueException($"output '{outputName}': {(isDirectory ? "directory" : "file")} '{location}' does not exist");
            case (ArrayType a, WdlArray array):
                var items = new WdlValue[array.Count];
                for (int i = 0; i < items.Length; i++) items[i] = Resolve(array[i], a.Element, workDirectory, outputName, allowed);
                return WdlArray.Create(array.ElementType, items);
            case (MapType m, WdlMap map):
                return WdlMap.Create(map.MapType.Key, map.MapType.Value, map.Entries.Select(e =>
                    new KeyValuePair<WdlValue, WdlValue>(Resolve(e.Key, m.Key, workDirectory, outputName, allowed), Resolve(e.Value, m.Value, workDirectory, outputName, allowed))));
            case (PairType p, WdlPair pair):
                return WdlPair.Create(p, Resolve(pair.Left, p.Left, workDirectory, outputName, allowed), Resolve(pair.Right, p.Right, workDirectory, outputName, allowed));
            case (StructType s, IMemberValue members):
                return WdlStruct.Create(s, s.Members.Select(m =>
                    members.TryGetMember(m.Name, out var v) ? Resolve(v, m.Type, workDirectory, outputName, allowed) : WdlNone.Instance).ToList());
            default:
                return value;
        }
    }

    /// <summary>Every local path inside a value (for mounting inputs read-only).</summary>
    public static void CollectPaths(WdlValue value, List<string> into) =>
        FileValues.Visit(value, (location, _) =>
        {
            if (!IsUri(location)) into.Add(location);
        });

    private static string Location(WdlValue value) => value switch
    {
        WdlFile f => f.Location,
        WdlDirectory d => d.Location,
        WdlString s => s.Value,
        _ => "",
    };

    internal static bool IsUri(string location)
    {
        int scheme = location.IndexOf("://", StringComparison.Ordinal);
        return scheme > 0 && !location.StartsWith("file://", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// Where a task's File outputs may point: inside its attempt directory, or at one of its inputs
/// (a task may pass an input through). Anything else would escape the run's bookkeeping.
/// </summary>
public sealed class OutputPlaces(string attemptDirectory, IEnumerable<string> inputPaths)
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(attemptDirectory)) + Path.DirectorySeparatorChar;
    private readonly HashSet<string> _inputs = inputPaths.Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p))).ToHashSet(StringComparer.Ordinal);

    public bool Contains(string path)
    {
        path = Path.TrimEndingDirectorySeparator(path);
        if (path.StartsWith(_root, StringComparison.Ordinal) || _inputs.Contains(path)) return true;
        // A file inside an input Directory is an input too.
        foreach (var input in _inputs)
            if (path.StartsWith(input + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return true;
        return false;
    }
}
