using System.Text.Json;
using Osprey.Cli.Arguments;

namespace Osprey.Cli.Running;

/// <summary>
/// Cromwell workflow options (<c>-o OPTIONS.json</c>). Of Cromwell's options a local run uses the
/// call cache's two: <c>read_from_cache</c> and <c>write_to_cache</c> (both true when absent).
/// Other keys are accepted and ignored, so that one options file serves both engines.
/// </summary>
public sealed record WorkflowOptions(bool ReadFromCache = true, bool WriteToCache = true)
{
    public static async Task<WorkflowOptions> LoadAsync(string path, string shown, string command)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read options file '{shown}': {e.Message}", command);
        }
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new UsageException($"options file '{shown}' must hold a JSON object", command);
            return new WorkflowOptions(Flag(root, "read_from_cache", shown, command), Flag(root, "write_to_cache", shown, command));
        }
        catch (JsonException e)
        {
            throw new UsageException($"options file '{shown}' is not valid JSON (line {e.LineNumber + 1})", command);
        }
    }

    private static bool Flag(JsonElement root, string name, string shown, string command)
    {
        if (!root.TryGetProperty(name, out var value)) return true;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // Cromwell's options are often written as strings ("false").
            JsonValueKind.String when bool.TryParse(value.GetString(), out bool parsed) => parsed,
            _ => throw new UsageException($"options file '{shown}': '{name}' must be true or false", command),
        };
    }
}
