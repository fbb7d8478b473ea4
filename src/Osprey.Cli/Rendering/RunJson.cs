using System.Buffers;
using System.Text;
using System.Text.Json;
using Osprey.Engine.Values;

namespace Osprey.Cli.Rendering;

/// <summary>
/// The pieces the run JSON of <c>osprey runs</c> and <c>osprey show</c> share, written with
/// <see cref="Utf8JsonWriter"/> (no reflection, for Native AOT): ISO-8601 times, null when unknown.
/// </summary>
internal static class RunJson
{
    /// <summary>Builds a JSON text with <paramref name="write"/> and prints it on its own line.</summary>
    public static void Print(TextWriter output, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, ValueJson.OutputWriterOptions))
            write(json);
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Write('\n');
    }

    public static void Time(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t) json.WriteString(name, t);
        else json.WriteNull(name);
    }

    public static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    public static void Seconds(Utf8JsonWriter json, string name, TimeSpan? duration)
    {
        // Microseconds are what the store keeps; more digits would be noise.
        if (duration is { } d) json.WriteNumber(name, Math.Round(d.TotalSeconds, 6));
        else json.WriteNull(name);
    }

    /// <summary>A stored JSON value, re-indented to fit the document around it; a value that does not
    /// parse (it should always) is written as a string rather than failing the whole command.</summary>
    public static void StoredValue(Utf8JsonWriter json, string valueJson)
    {
        try
        {
            using var document = JsonDocument.Parse(valueJson);
            document.RootElement.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteStringValue(valueJson);
        }
    }
}
