using Osprey.Cli.Arguments;
using Osprey.Cli.Imports;
using Osprey.Wdl;
using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Loading;

namespace Osprey.Cli.Commands;

/// <summary>
/// Loads the files named on one command line: one loader (files, and http(s) through the import
/// cache) shared by every root so a common import is read, parsed and checked once, the check options,
/// the paths to show in messages, and the diagnostics already reported, so an import's
/// problems are shown once however many roots import it.
/// </summary>
public sealed class CheckSession : IDisposable
{
    private readonly CliContext _context;
    private readonly HttpDocumentSource _http;
    private readonly DocumentLoader _loader;
    private readonly Dictionary<string, string> _givenPaths = new(StringComparer.Ordinal);
    private readonly HashSet<(string Path, int Start, int Length, string Code, string Message)> _reported = new();

    public CheckSession(CliContext context, bool strict, IReadOnlyList<string> searchPaths, string command)
    {
        _context = context;
        var directories = new List<string>(searchPaths.Count);
        foreach (string path in searchPaths)
        {
            string full = Path.GetFullPath(path, context.CurrentDirectory);
            if (!Directory.Exists(full))
                throw new UsageException($"--path '{path}': no such directory", command);
            directories.Add(full);
        }
        _http = new HttpDocumentSource(HttpDocumentSource.DefaultCacheDirectory(context.GetEnvironmentVariable));
        _loader = new DocumentLoader(new CompositeDocumentSource(_http, new FileDocumentSource()), new CheckOptions(strict, directories));
    }

    /// <summary>
    /// Loads and checks one root. Returns null, after saying why on stderr, when the file
    /// itself cannot be read (the caller exits with <see cref="ExitCodes.Usage"/>).
    /// </summary>
    public async Task<Compilation?> LoadAsync(string file)
    {
        string location = file;
        if (!file.Contains("://", StringComparison.Ordinal))
        {
            location = Path.GetFullPath(file, _context.CurrentDirectory);
            string? problem = Directory.Exists(location) ? "is a directory" : !File.Exists(location) ? "no such file" : null;
            if (problem is not null)
            {
                await ReportAsync($"osprey: cannot read '{file}': {problem}").ConfigureAwait(false);
                return null;
            }
            _givenPaths[location] = file;
        }

        try
        {
            return await _loader.LoadAsync(location, _context.CancellationToken).ConfigureAwait(false);
        }
        catch (DocumentSourceException e)
        {
            await ReportAsync("osprey: " + e.Message.Replace($"'{location}'", $"'{file}'", StringComparison.Ordinal)).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Flushes the (buffered) diagnostics of earlier files first, so messages keep their order on a shared terminal.</summary>
    private async Task ReportAsync(string message)
    {
        await _context.Out.FlushAsync(_context.CancellationToken).ConfigureAwait(false);
        await _context.Error.WriteLineAsync(message).ConfigureAwait(false);
    }

    /// <summary>The compilation's diagnostics not yet reported by an earlier root, in its order.</summary>
    public IEnumerable<Diagnostic> Unreported(Compilation compilation)
    {
        foreach (var d in compilation.Diagnostics)
            if (_reported.Add((d.Source.Path, d.Span.Start, d.Span.Length, d.Code, d.Message)))
                yield return d;
    }

    /// <summary>
    /// How a document's location is shown: a root as the user wrote it, another file relative
    /// to the current directory when it lies below it, else absolute; URIs as they are.
    /// </summary>
    public string DisplayPath(string location)
    {
        if (_givenPaths.TryGetValue(location, out string? given)) return given;
        if (location.Contains("://", StringComparison.Ordinal) || !Path.IsPathRooted(location)) return location;
        string relative = Path.GetRelativePath(_context.CurrentDirectory, location);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? location : relative;
    }

    /// <summary>
    /// For commands whose stdout is something else (a template, run outputs): writes the
    /// compilation's new diagnostics to stderr, with a summary when there are errors, and says
    /// whether there were errors.
    /// </summary>
    public async Task<bool> ReportToStderrAsync(Compilation compilation)
    {
        var text = new Rendering.DiagnosticTextRenderer(Rendering.AnsiStyle.Plain, DisplayPath);
        int errors = 0, warnings = 0;
        foreach (var diagnostic in Unreported(compilation))
        {
            if (diagnostic.IsError) errors++;
            else warnings++;
            text.Write(_context.Error, diagnostic);
        }
        if (errors > 0) await _context.Error.WriteLineAsync(Rendering.DiagnosticTextRenderer.Summary(errors, warnings, 1)).ConfigureAwait(false);
        return errors > 0;
    }

    public void Dispose() => _http.Dispose();
}
