using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Osprey.Wdl.Diagnostics;

namespace Osprey.Cli.Rendering;

/// <summary>
/// Renders diagnostics as one JSON array of objects with <c>file</c>, <c>line</c>,
/// <c>column</c>, <c>endLine</c>, <c>endColumn</c>, <c>severity</c>, <c>code</c>,
/// <c>message</c> and, when present, <c>hint</c>. Written with <see cref="Utf8JsonWriter"/>
/// so it needs no reflection (Native AOT).
/// </summary>
public static class DiagnosticJsonRenderer
{
    /// <summary>Relaxed escaping: the output is for tools, not HTML, so quotes like 'x' stay readable.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics, Func<string, string> displayPath)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            foreach (var d in diagnostics)
            {
                var (line, column) = d.Start;
                var (endLine, endColumn) = d.End;
                json.WriteStartObject();
                json.WriteString("file", displayPath(d.Source.Path));
                json.WriteNumber("line", line);
                json.WriteNumber("column", column);
                json.WriteNumber("endLine", endLine);
                json.WriteNumber("endColumn", endColumn);
                json.WriteString("severity", d.IsError ? "error" : "warning");
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                if (!string.IsNullOrEmpty(d.Hint)) json.WriteString("hint", d.Hint);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }
}
