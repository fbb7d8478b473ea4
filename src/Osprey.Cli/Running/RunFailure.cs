using System.Text;
using System.Text.Json;
using Osprey.Engine.Running;

namespace Osprey.Cli.Running;

/// <summary>Tells a person (stderr) and a program (DIR/error.json) why a run failed and where to look.</summary>
public static class RunFailure
{
    private const int TailLines = 20;

    public static async Task ReportAsync(TextWriter error, string directory, string id, string target, RunFailedException failure)
    {
        var tail = failure.StderrPath is { } path ? Tail(path) : [];
        var text = new StringBuilder();
        text.AppendLine($"osprey: run {id} of {target} failed: {failure.Message}");
        if (failure.StderrPath is not null)
        {
            text.AppendLine($"  stderr: {failure.StderrPath}");
            foreach (var line in tail) text.AppendLine($"  | {line}");
        }
        text.AppendLine($"  run directory: {directory}");
        await error.WriteAsync(text.ToString()).ConfigureAwait(false);

        await WriteErrorJsonAsync(directory, id, target, "failed", failure.Message, failure, tail).ConfigureAwait(false);
    }

    /// <summary>DIR/error.json: the run's status, why, and (for a failed call) where to look.</summary>
    public static async Task WriteErrorJsonAsync(string directory, string id, string target, string status, string message, RunFailedException? failure, List<string>? tail = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Osprey.Engine.Values.ValueJson.OutputWriterOptions with { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("workflow", target);
            json.WriteString("status", status);
            json.WriteString("message", message);
            if (failure?.CallName is not null) json.WriteString("call", failure.CallName);
            if (failure?.ExitCode is int rc) json.WriteNumber("exitCode", rc);
            if (failure?.StderrPath is not null) json.WriteString("stderr", failure.StderrPath);
            json.WriteStartArray("stderrTail");
            foreach (var line in tail ?? []) json.WriteStringValue(line);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await File.WriteAllBytesAsync(Path.Combine(directory, "error.json"), buffer.ToArray()).ConfigureAwait(false);
    }

    /// <summary>The last lines of a file, read from its end so a huge stderr costs nothing.</summary>
    private static List<string> Tail(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            long start = Math.Max(0, stream.Length - 16 * 1024);
            stream.Seek(start, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n').ToList();
            if (start > 0 && lines.Count > 0) lines.RemoveAt(0);
            if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
            return lines.Skip(Math.Max(0, lines.Count - TailLines)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
