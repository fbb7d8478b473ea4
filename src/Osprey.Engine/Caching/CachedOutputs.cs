using System.Text;
using System.Text.Json;

namespace Osprey.Engine.Caching;

/// <summary>
/// What a cache entry keeps of a call's result (the entry's outputs JSON): the attempt directory
/// the outputs were made in, the output values as JSON, and the digest of every file and
/// directory they name (relative to the attempt directory when inside it), so that a hit can
/// check the files are still what they were.
/// </summary>
public sealed record CachedOutputs(string AttemptDirectory, string ValuesJson, IReadOnlyDictionary<string, string> Files)
{
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("attempt", AttemptDirectory);
            writer.WritePropertyName("outputs");
            writer.WriteRawValue(ValuesJson);
            writer.WriteStartObject("files");
            foreach (var (path, digest) in Files) writer.WriteString(path, digest);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static CachedOutputs Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in root.GetProperty("files").EnumerateObject()) files[file.Name] = file.Value.GetString()!;
        return new CachedOutputs(root.GetProperty("attempt").GetString()!, root.GetProperty("outputs").GetRawText(), files);
    }
}
