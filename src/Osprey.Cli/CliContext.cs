namespace Osprey.Cli;

/// <summary>
/// What a command may touch of the outside world. Tests build one with string writers and a
/// fixed environment; <see cref="OspreyCli.Main"/> builds one from the real process.
/// </summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    string CurrentDirectory,
    bool ColorOutput,
    CancellationToken CancellationToken = default)
{
    /// <summary>A context over the given writers and the real process environment, without colour.</summary>
    public static CliContext ForWriters(TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
        => new(stdout, stderr, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), ColorOutput: false, cancellationToken);
}
