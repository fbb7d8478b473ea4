using System.Text.Json;
using Osprey.Cli.Running;
using Osprey.Engine.State;

namespace Osprey.Cli.Rendering;

/// <summary>
/// <c>osprey show --json</c>: one object with the run's fields, every call with all its attempts,
/// and the workflow's outputs as JSON values. Times are ISO-8601, unknown values null.
/// </summary>
public static class RunDetailJsonRenderer
{
    public static void Write(TextWriter output, RunDetail detail) => RunJson.Print(output, json =>
    {
        var run = detail.Run;
        json.WriteStartObject();
        json.WriteString("id", run.Id.ToString());
        json.WriteString("workflow", run.WorkflowName);
        json.WriteString("status", RunFormat.Status(run.Status));
        RunJson.Text(json, "message", detail.RunMessage);
        json.WriteString("dir", run.RunDirectory);
        json.WriteString("wdl", run.WdlPath);
        RunJson.Time(json, "submitted", run.SubmittedAt);
        RunJson.Time(json, "started", run.StartedAt);
        RunJson.Time(json, "ended", run.EndedAt);
        RunJson.Seconds(json, "durationSeconds", run.Duration);

        json.WriteStartArray("calls");
        foreach (var call in detail.Calls) WriteCall(json, call, detail);
        json.WriteEndArray();

        json.WriteStartObject("outputs");
        foreach (var o in detail.WorkflowOutputs)
        {
            json.WritePropertyName(o.Name);
            RunJson.StoredValue(json, o.ValueJson);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void WriteCall(Utf8JsonWriter json, StoredCall call, RunDetail detail)
    {
        json.WriteStartObject();
        json.WriteString("id", call.Id.ToString());
        json.WriteString("name", call.Name);
        // The shard's index path ([3], or [1,2] inside nested scatters); null outside any scatter.
        if (call.Shard.IsNone)
        {
            json.WriteNull("shard");
        }
        else
        {
            json.WriteStartArray("shard");
            foreach (int index in call.Shard.Indexes) json.WriteNumberValue(index);
            json.WriteEndArray();
        }
        json.WriteString("status", RunFormat.Status(call.Status));
        json.WriteStartArray("attempts");
        foreach (var attempt in detail.Attempts[call.Id]) WriteAttempt(json, attempt);
        json.WriteEndArray();
        RunJson.Text(json, "cache", RunFormat.Cache(call.Cache));
        RunJson.Text(json, "cacheSource", call.CacheSourceCallId?.ToString());
        RunJson.Text(json, "dir", call.WorkDirectory);
        RunJson.Time(json, "started", call.StartedAt);
        RunJson.Time(json, "ended", call.EndedAt);
        RunJson.Seconds(json, "durationSeconds", call.Duration);
        RunJson.Text(json, "message", detail.MessageOf(call));
        json.WriteEndObject();
    }

    private static void WriteAttempt(Utf8JsonWriter json, StoredAttempt attempt)
    {
        json.WriteStartObject();
        json.WriteNumber("attempt", attempt.Attempt);
        json.WriteString("status", RunFormat.Status(attempt.Status));
        if (attempt.ExitCode is { } code) json.WriteNumber("exitCode", code);
        else json.WriteNull("exitCode");
        RunJson.Time(json, "started", attempt.StartedAt);
        RunJson.Time(json, "ended", attempt.EndedAt);
        if (attempt.Job is { } job)
        {
            json.WriteStartObject("job");
            json.WriteString("backend", job.Backend);
            json.WriteString("id", job.JobId);
            RunJson.Text(json, "detail", job.Detail);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("job");
        }
        RunJson.Text(json, "stdout", attempt.StdoutPath);
        RunJson.Text(json, "stderr", attempt.StderrPath);
        json.WriteEndObject();
    }
}
