using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation;

/// <summary>
/// The function context for running on the local file system: relative paths resolve against the
/// working directory, <c>file://</c> URIs map to their path, other URIs must be localized first.
/// </summary>
public sealed class LocalFunctionContext : IFunctionContext
{
    public LocalFunctionContext(
        WdlVersion version,
        string workingDirectory,
        string? tempDirectory = null,
        WdlFile? stdout = null,
        WdlFile? stderr = null,
        CancellationToken cancellationToken = default)
    {
        Version = version;
        WorkingDirectory = Path.GetFullPath(workingDirectory);
        TempDirectory = Path.GetFullPath(tempDirectory ?? Path.Combine(Path.GetTempPath(), "osprey"));
        Stdout = stdout;
        Stderr = stderr;
        CancellationToken = cancellationToken;
    }

    public WdlVersion Version { get; }

    public string WorkingDirectory { get; }

    /// <summary>Where <c>write_*</c> functions create their files.</summary>
    public string TempDirectory { get; }

    public WdlFile? Stdout { get; }

    public WdlFile? Stderr { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>A copy for a task's output section, where <c>stdout()</c> and <c>stderr()</c> are available.</summary>
    public LocalFunctionContext WithStandardStreams(string stdoutPath, string stderrPath) =>
        new(Version, WorkingDirectory, TempDirectory, WdlFile.Of(stdoutPath), WdlFile.Of(stderrPath), CancellationToken);

    public string ResolveLocalPath(string location)
    {
        if (location.Length == 0) throw new WdlValueException("the path is empty");
        if (location.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            if (Uri.TryCreate(location, UriKind.Absolute, out var uri)) return uri.LocalPath;
            throw new WdlValueException($"invalid file URI '{location}'");
        }
        int scheme = location.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && location[..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            throw new WdlValueException($"'{location}' is not a local path; it must be localized before it can be read");
        return Path.GetFullPath(Path.IsPathRooted(location) ? location : Path.Combine(WorkingDirectory, location));
    }

    public string CreateTempFile(string nameHint, string extension)
    {
        Directory.CreateDirectory(TempDirectory);
        while (true)
        {
            string path = Path.Combine(TempDirectory, $"{nameHint}_{Guid.NewGuid():N}{extension}");
            try
            {
                using (new FileStream(path, FileMode.CreateNew, FileAccess.Write)) { }
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Name collision: try another.
            }
        }
    }
}
