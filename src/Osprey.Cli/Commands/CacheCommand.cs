using System.Text;
using System.Text.Json;
using Osprey.Cli.Arguments;
using Osprey.Cli.Running;
using Osprey.Engine.Caching;
using Osprey.Engine.State;

namespace Osprey.Cli.Commands;

/// <summary><c>osprey cache explain</c>: why a call did or did not reuse earlier results.</summary>
public sealed class CacheCommand : ICommand
{
    // Component values are JSON or digests; past this they are cut in the text form.
    private const int ShownValueLength = 120;

    public string Name => "cache";

    public string Summary => "Explain the call cache's decision for a call";

    public string Usage => "osprey cache explain ID|DIR CALL [--json]";

    public string Description =>
        """
        'explain' names the run (id, unique id prefix, or run directory) and the call as 'osprey
        show' lists it (wf.align, wf.align[3]; the workflow's name may be left out). A hit names
        the call whose outputs were reused. A miss names the nearest earlier result of the same
        task and the key components that differ: task (the task's definition), command (the
        rendered command, with input paths standing for their contents), image, input:NAME
        (values, with file contents as digests) and runtime:KEY.
        """;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--json", "Print the explanation as JSON"),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliContext context)
    {
        var words = arguments.Positionals;
        if (words.Count == 0 || words[0] != "explain") throw new UsageException("the one cache action is 'explain'", Name);
        if (words.Count != 3) throw new UsageException("'osprey cache explain' takes a run (ID or DIR) and a CALL", Name);

        await using var store = await StoreAccess.OpenAsync(context).ConfigureAwait(false);
        var run = await RunReference.ResolveAsync(store, words[1], context).ConfigureAwait(false);
        var calls = await store.GetCallsAsync(run.Id, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        var call = FindCall(calls, run, words[2]);
        var explanation = await CacheExplanation.ForAsync(store, call, context.CancellationToken).ConfigureAwait(false);
        await context.Out.WriteAsync(arguments.HasFlag("--json") ? Json(call, explanation) + "\n" : Text(explanation)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static StoredCall FindCall(IReadOnlyList<StoredCall> calls, StoredRun run, string name)
    {
        var found = calls.FirstOrDefault(c => c.DisplayName == name) ?? calls.FirstOrDefault(c => c.DisplayName == $"{run.WorkflowName}.{name}");
        if (found is not null) return found;
        var names = calls.Select(c => c.DisplayName).Take(20).ToList();
        throw new CommandFailedException($"run {run.Id} has no call '{name}'" + (names.Count == 0 ? " (it has no calls)" : $"; its calls include: {string.Join(", ", names)}"));
    }

    private static string Text(CacheExplanation explanation)
    {
        var text = new StringBuilder();
        text.AppendLine(explanation.Summary);
        if (explanation.Nearest is { } nearest)
            text.AppendLine($"  nearest earlier result: {nearest.CreatedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss}" +
                (explanation.NearestCall?.WorkDirectory is { } dir ? $", {dir}" : ""));
        foreach (var change in explanation.Changes)
        {
            text.AppendLine($"  {change.Component}: {Meaning(change)}");
            if (change.Component is not ("task" or "command"))
            {
                text.AppendLine($"    was: {Shown(change.Earlier)}");
                text.AppendLine($"    now: {Shown(change.Now)}");
            }
        }
        return text.ToString();
    }

    private static string Meaning(ComponentChange change) => change switch
    {
        { Earlier: null } => "new (the earlier call had no such input or setting)",
        { Now: null } => "gone (the earlier call had it, this one does not)",
        { Component: "task" } => "the task's definition changed",
        { Component: "command" } => "the rendered command differs",
        _ => "differs",
    };

    private static string Shown(string? value) =>
        value is null ? "(absent)" : value.Length <= ShownValueLength ? value : value[..ShownValueLength] + "...";

    private static string Json(StoredCall call, CacheExplanation explanation)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("call", call.DisplayName);
            json.WriteString("result", explanation.Outcome);
            json.WriteString("summary", explanation.Summary);
            if (explanation.NearestCall is { } source)
            {
                json.WriteString("nearestCall", source.DisplayName);
                json.WriteString("nearestRun", source.RunId.ToString());
            }
            json.WriteStartArray("differences");
            foreach (var change in explanation.Changes)
            {
                json.WriteStartObject();
                json.WriteString("component", change.Component);
                json.WriteString("earlier", change.Earlier);
                json.WriteString("now", change.Now);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
