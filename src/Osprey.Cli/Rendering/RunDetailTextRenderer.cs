using System.Globalization;
using Osprey.Cli.Running;
using Osprey.Engine.State;

namespace Osprey.Cli.Rendering;

/// <summary>
/// <c>osprey show</c> for people: the run's header, one line per call (a failed call's reason
/// indented under it), then the workflow's outputs as JSON.
/// </summary>
public static class RunDetailTextRenderer
{
    private const int LabelWidth = 11;

    public static void Write(TextWriter output, RunDetail detail, TimeZoneInfo? zone = null)
    {
        var run = detail.Run;
        Field(output, "id", run.Id.ToString());
        Field(output, "workflow", run.WorkflowName);
        Field(output, "status", RunFormat.Status(run.Status));
        if (detail.RunMessage is { } message) Field(output, "message", message);
        // Only an unfinished run's engine matters: it is the process to look for (or that died).
        if (run.Status is RunStatus.Queued or RunStatus.Running && run.EnginePid is { } pid)
            Field(output, "engine", $"pid {pid}" + (run.EngineHost is { } host ? $" on {host}" : ""));
        Field(output, "dir", run.RunDirectory);
        Field(output, "wdl", run.WdlPath);
        Field(output, "submitted", RunFormat.LocalTime(run.SubmittedAt, zone));
        Field(output, "started", RunFormat.LocalTime(run.StartedAt, zone));
        Field(output, "ended", RunFormat.LocalTime(run.EndedAt, zone));
        Field(output, "duration", RunFormat.Duration(run.Duration));

        output.Write('\n');
        if (detail.Calls.Count == 0)
        {
            output.Write("no calls\n");
        }
        else
        {
            // Cache sources are usually named by their call in this run; one map, not a search per hit.
            var names = detail.Calls.ToDictionary(c => c.Id, c => c.DisplayName);
            var table = new TextTable("CALL", "STATUS", "ATTEMPT", "DURATION", "CACHE", "DIR");
            foreach (var call in detail.Calls)
            {
                table.Add([
                    call.DisplayName, RunFormat.Status(call.Status), call.Attempt > 0 ? call.Attempt.ToString(CultureInfo.InvariantCulture) : "-",
                    RunFormat.Duration(call.Duration), Cache(call, names), call.WorkDirectory ?? "-",
                ], detail.MessageOf(call));
            }
            table.Write(output);
        }

        if (detail.WorkflowOutputs.Count > 0)
        {
            output.Write("\noutputs:\n");
            RunJson.Print(output, json =>
            {
                json.WriteStartObject();
                foreach (var o in detail.WorkflowOutputs)
                {
                    json.WritePropertyName(o.Name);
                    RunJson.StoredValue(json, o.ValueJson);
                }
                json.WriteEndObject();
            });
        }
    }

    /// <summary><c>hit (from wf.align[2])</c>, <c>miss</c>, <c>off</c> (caching disabled) or <c>-</c> (not consulted).</summary>
    private static string Cache(StoredCall call, Dictionary<Guid, string> names) => call.Cache switch
    {
        CacheResult.Hit when call.CacheSourceCallId is { } source =>
            $"hit (from {(names.TryGetValue(source, out var name) ? name : source.ToString())})",
        CacheResult.Hit => "hit",
        CacheResult.Miss => "miss",
        CacheResult.Disabled => "off",
        _ => "-",
    };

    private static void Field(TextWriter output, string label, string value)
    {
        // Continuation lines of a multi-line value stay in the value column.
        string indented = value.TrimEnd().Replace("\n", "\n" + new string(' ', LabelWidth), StringComparison.Ordinal);
        output.Write(label.PadRight(LabelWidth) + indented + "\n");
    }
}
