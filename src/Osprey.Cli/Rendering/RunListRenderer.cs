using Osprey.Engine.State;

namespace Osprey.Cli.Rendering;

/// <summary>The run list of <c>osprey runs</c>: a table for people, a JSON array for programs.</summary>
public static class RunListRenderer
{
    public static void WriteTable(TextWriter output, IEnumerable<RunSummary> runs, TimeZoneInfo? zone = null)
    {
        var table = new TextTable("ID", "WORKFLOW", "STATUS", "START", "DURATION", "DIR");
        foreach (var run in runs)
        {
            // A run that never started shows when it was submitted: some time beats none.
            table.Add([
                RunFormat.ShortId(run.Id), run.WorkflowName, RunFormat.Status(run.Status),
                RunFormat.LocalTime(run.StartedAt ?? run.SubmittedAt, zone), RunFormat.Duration(run.Duration), run.RunDirectory,
            ]);
        }
        table.Write(output);
    }

    public static void WriteJson(TextWriter output, IEnumerable<RunSummary> runs) => RunJson.Print(output, json =>
    {
        json.WriteStartArray();
        foreach (var run in runs)
        {
            json.WriteStartObject();
            json.WriteString("id", run.Id.ToString());
            json.WriteString("workflow", run.WorkflowName);
            json.WriteString("status", RunFormat.Status(run.Status));
            RunJson.Time(json, "submitted", run.SubmittedAt);
            RunJson.Time(json, "started", run.StartedAt);
            RunJson.Time(json, "ended", run.EndedAt);
            RunJson.Seconds(json, "durationSeconds", run.Duration);
            json.WriteString("dir", run.RunDirectory);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });
}
