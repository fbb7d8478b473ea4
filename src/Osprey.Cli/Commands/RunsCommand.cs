using System.Globalization;
using Osprey.Cli.Arguments;
using Osprey.Cli.Rendering;
using Osprey.Cli.Running;

namespace Osprey.Cli.Commands;

/// <summary><c>osprey runs</c>: list the runs in the run store, newest first.</summary>
public sealed class RunsCommand : ICommand
{
    private const int DefaultLimit = 20;

    public string Name => "runs";

    public string Summary => "List recent runs from the run store";

    public string Usage => "osprey runs [--limit N] [--json]";

    public string Description =>
        """
        Prints the newest runs (by submission time) as a table: ID (the first 8 digits of the
        run's id; any unique prefix of 4 or more digits names the run to 'osprey show'),
        WORKFLOW, STATUS, START (local time; the submission time if it has not started),
        DURATION ('-' while running) and DIR (the run directory).

        --json prints a JSON array instead, one object per run with its full id, workflow,
        status, submitted, started and ended (ISO-8601, null when unknown), durationSeconds
        and dir. With no runs yet, the table form says so on stderr; --json prints [].
        """;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--limit", $"Show at most N runs (default {DefaultLimit})", "N"),
        new("--json", "Print a JSON array instead of a table"),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliContext context)
    {
        if (arguments.Positionals.Count > 0)
            throw new UsageException($"'osprey runs' takes no arguments (got '{arguments.Positionals[0]}')", Name);
        int limit = DefaultLimit;
        if (arguments.GetValue("--limit") is { } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
            throw new UsageException($"--limit needs a positive whole number, not '{text}'", Name);
        bool json = arguments.HasFlag("--json");

        await using var store = await StoreAccess.OpenAsync(context).ConfigureAwait(false);
        // One more than shown tells whether to mention the rest.
        var runs = await store.ListRunsAsync(Math.Min(limit, int.MaxValue - 1) + 1, context.CancellationToken).ConfigureAwait(false);
        var shown = runs.Take(limit).ToList();

        if (json)
        {
            RunListRenderer.WriteJson(context.Out, shown);
            return ExitCodes.Success;
        }
        if (shown.Count == 0)
        {
            await context.Error.WriteLineAsync("no runs yet: 'osprey run WDL' starts one").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        RunListRenderer.WriteTable(context.Out, shown);
        if (runs.Count > limit)
        {
            await context.Out.FlushAsync(context.CancellationToken).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"the {limit} newest runs; --limit N shows more").ConfigureAwait(false);
        }
        return ExitCodes.Success;
    }
}
