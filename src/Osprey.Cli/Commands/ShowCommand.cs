using Osprey.Cli.Arguments;
using Osprey.Cli.Rendering;
using Osprey.Cli.Running;

namespace Osprey.Cli.Commands;

/// <summary><c>osprey show</c>: one run from the run store, call by call.</summary>
public sealed class ShowCommand : ICommand
{
    public string Name => "show";

    public string Summary => "Show a run's status, calls and outputs";

    public string Usage => "osprey show [--json] ID|DIR";

    public string Description =>
        """
        Names the run by its id, a unique prefix of at least 4 hex digits of it (as 'osprey
        runs' shows), or its run directory. Prints the run's id, workflow, status, directory,
        WDL file, times and duration; then one line per call in the order the calls were
        created: CALL (name and shard, e.g. wf.align[3]), STATUS, ATTEMPT (the current attempt),
        DURATION, CACHE ('hit (from CALL)', 'miss', 'off' when caching was disabled, '-' when not
        consulted) and DIR (its working directory). A failed call's reason is shown under it.
        Last come the workflow's outputs as JSON, once it has any.

        --json prints one JSON object instead, with every call's attempts (exit code, times,
        job handle, stdout and stderr paths) and the outputs as JSON values.
        """;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--json", "Print one JSON object instead of text"),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliContext context)
    {
        if (arguments.Positionals.Count != 1)
            throw new UsageException(arguments.Positionals.Count == 0 ? "no run ID or DIR given" : "give exactly one run ID or DIR", Name);

        await using var store = await StoreAccess.OpenAsync(context).ConfigureAwait(false);
        var run = await RunReference.ResolveAsync(store, arguments.Positionals[0], context).ConfigureAwait(false);
        var detail = await RunDetail.LoadAsync(store, run, context.CancellationToken).ConfigureAwait(false);

        if (arguments.HasFlag("--json")) RunDetailJsonRenderer.Write(context.Out, detail);
        else RunDetailTextRenderer.Write(context.Out, detail);
        return ExitCodes.Success;
    }
}
