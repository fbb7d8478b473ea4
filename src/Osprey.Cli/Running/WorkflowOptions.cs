using System.Text.Json;
using Osprey.Cli.Arguments;

namespace Osprey.Cli.Running;

/// <summary>
/// Cromwell workflow options (<c>-o OPTIONS.json</c>). None changes a local run yet (call
/// caching options come with the run store); the file is read so a bad one is reported up front.
/// </summary>
public static class WorkflowOptions
{
    public static async Task ValidateAsync(string path, string shown)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read options file '{shown}': {e.Message}", "run");
        }
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException($"options file '{shown}' must hold a JSON object", "run");
        }
        catch (JsonException e)
        {
            throw new UsageException($"options file '{shown}' is not valid JSON (line {e.LineNumber + 1})", "run");
        }
    }
}
