using System.Buffers;
using System.Text;
using System.Text.Json;
using Osprey.Wdl.Semantics;

namespace Osprey.Cli.Rendering;

/// <summary>
/// A Cromwell-style inputs template: every input a user may set, keyed <c>target.input</c> (and
/// <c>target.call.input</c> for call inputs the workflow leaves open), valued by a description
/// of what to put there. Required inputs come first.
/// </summary>
public static class InputsTemplateRenderer
{
    public static IReadOnlyList<KeyValuePair<string, string>> Entries(CallableModel target)
    {
        var required = new List<KeyValuePair<string, string>>();
        var optional = new List<KeyValuePair<string, string>>();
        foreach (var input in target.Inputs)
            Add(input.IsRequired ? required : optional, $"{target.Name}.{input.Name}", Describe(input, target.Document));

        if (target is WorkflowModel workflow)
        {
            foreach (var call in workflow.Calls)
                foreach (var input in call.Callee.Inputs)
                    if (!call.SuppliedInputs.Contains(input.Name))
                        Add(input.IsRequired ? required : optional, $"{target.Name}.{call.Name}.{input.Name}", Describe(input, call.Callee.Document));
        }

        required.AddRange(optional);
        return required;
    }

    public static void Write(TextWriter writer, IReadOnlyList<KeyValuePair<string, string>> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, DiagnosticJsonRenderer.WriterOptions))
        {
            json.WriteStartObject();
            foreach (var (key, value) in entries) json.WriteString(key, value);
            json.WriteEndObject();
        }
        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    /// <summary><c>Int</c>, <c>String? (optional)</c> or <c>Int (optional, default = 5)</c>.</summary>
    public static string Describe(InputModel input, DocumentModel document)
    {
        string type = input.Type.Display;
        if (input.IsRequired) return type;
        if (input.Default is null) return $"{type} (optional)";
        string source = document.Syntax.Source.GetText(input.Default.Span);
        return $"{type} (optional, default = {OneLine(source)})";
    }

    private static void Add(List<KeyValuePair<string, string>> list, string key, string value) => list.Add(new(key, value));

    /// <summary>A default written over several lines is shown on one line: each line break and the
    /// indentation around it become one space.</summary>
    private static string OneLine(string source)
    {
        source = source.Trim();
        if (!source.Contains('\n')) return source;
        var text = new StringBuilder(source.Length);
        foreach (string line in source.Split('\n'))
        {
            string part = line.Trim();
            if (part.Length == 0) continue;
            if (text.Length > 0) text.Append(' ');
            text.Append(part);
        }
        return text.ToString();
    }
}
