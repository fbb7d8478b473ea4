using Osprey.Engine.Values;

namespace Osprey.Engine.Inputs;

/// <summary>
/// Makes relative File/Directory inputs absolute (against the inputs file's directory, then the
/// current directory) and reports local ones that do not exist. URIs (http, s3, ...) are left as
/// they are: they are fetched when a task needs them.
/// </summary>
public static class LocalFiles
{
    public static WdlValue Resolve(WdlValue value, string key, string? inputsDirectory, List<string> errors, string? currentDirectory = null) =>
        FileValues.Map(value, (location, directory) => Locate(location, key, inputsDirectory, currentDirectory, errors, directory) ?? location);

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
