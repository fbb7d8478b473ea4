using Osprey.Cli;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>One in-process run of <c>osprey</c>: its exit code and what it wrote.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// Runs the CLI in <paramref name="directory"/> (default: the process's current directory)
    /// with <paramref name="environment"/> as the only environment variables, so the real
    /// user's cache and settings never leak into a test.
    /// </summary>
    public static async Task<CliRun> StartAsync(string[] args, string? directory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // Each run gets a store of its own unless the test shares one: a shared call cache would
        // turn one test's task into another's cache hit.
        var variables = environment ?? TestEnvironment();
        var context = new CliContext(stdout, stderr, name => variables.GetValueOrDefault(name), directory ?? Directory.GetCurrentDirectory(), ColorOutput: false);
        int exit = await OspreyCli.RunAsync(args, context);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> StartAsync(params string[] args) => StartAsync(args, null, null);

    /// <summary>The environment tests run with: the shared download cache and a fresh, empty run store.</summary>
    public static Dictionary<string, string> TestEnvironment(string? dataHome = null) => new()
    {
        ["XDG_CACHE_HOME"] = Path.Combine(Path.GetTempPath(), "osprey-tests-cache"),
        ["XDG_DATA_HOME"] = dataHome ?? Path.Combine(Path.GetTempPath(), "osprey-tests-data", Guid.NewGuid().ToString("N")),
    };
}

/// <summary>A temporary directory with files written into it; deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "osprey-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        string full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* left for the OS to clean */ }
    }
}
