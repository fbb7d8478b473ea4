using Osprey.Cli.Arguments;
using Osprey.Cli.Rendering;
using Osprey.Wdl.Diagnostics;

namespace Osprey.Cli.Commands;

/// <summary><c>osprey check</c>: parse and type-check documents, print their diagnostics.</summary>
public sealed class CheckCommand : ICommand
{
    public string Name => "check";

    public string Summary => "Check WDL documents and their imports for errors";

    public string Usage => "osprey check [--json] [--strict] [--path DIR]... FILE...";

    public string Description =>
        """
        Parses and type-checks each FILE and everything it imports, and prints every problem
        found on stdout as 'path:line:col: error|warning CODE: message', followed by the source
        line, a caret under the problem and, when there is one, a hint. A summary line goes to
        stderr. Imports resolve relative to the importing file, then to each --path DIR;
        http(s):// imports are downloaded once and cached (under $XDG_CACHE_HOME/osprey/imports
        or ~/.cache/osprey/imports).

        Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or a FILE
        that cannot be read.
        """;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--json", "Print one JSON array of all diagnostics instead of text"),
        new("--strict", "Report coercions Cromwell tolerates (e.g. T? where T is expected) as errors"),
        new("--path", "Another directory to resolve relative imports in (repeatable)", "DIR", Repeatable: true),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliContext context)
    {
        if (arguments.Positionals.Count == 0)
            throw new UsageException("no FILE to check", Name);

        bool json = arguments.HasFlag("--json");
        using var session = new CheckSession(context, arguments.HasFlag("--strict"), arguments.GetValues("--path"), Name);
        var text = new DiagnosticTextRenderer(AnsiStyle.For(context.ColorOutput), session.DisplayPath);
        var collected = new List<Diagnostic>();
        int errors = 0, warnings = 0, checkedFiles = 0;
        bool unreadable = false;

        foreach (string file in arguments.Positionals)
        {
            var compilation = await session.LoadAsync(file).ConfigureAwait(false);
            if (compilation is null)
            {
                unreadable = true;
                continue;
            }
            checkedFiles++;
            foreach (var diagnostic in session.Unreported(compilation))
            {
                if (diagnostic.IsError) errors++;
                else warnings++;
                if (json) collected.Add(diagnostic);
                else text.Write(context.Out, diagnostic);
            }
        }

        if (json) DiagnosticJsonRenderer.Write(context.Out, collected, session.DisplayPath);
        // stdout is buffered: flush it so that on a terminal the summary comes after the diagnostics.
        await context.Out.FlushAsync(context.CancellationToken).ConfigureAwait(false);
        await context.Error.WriteLineAsync(DiagnosticTextRenderer.Summary(errors, warnings, checkedFiles)).ConfigureAwait(false);
        return unreadable ? ExitCodes.Usage : errors > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }
}
