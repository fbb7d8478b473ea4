using System.Text;
using System.Text.Json;
using Osprey.Engine.Running;
using Osprey.Engine.Values;

namespace Osprey.Engine.Inputs;

/// <summary>
/// Bound inputs written back as a Cromwell-style inputs document (<c>wf.x</c>, <c>wf.call.y</c>),
/// with File paths already absolute: what the run store keeps, so that a resumed run binds
/// exactly the inputs the run started with, from any directory.
/// </summary>
public static class InputsJson
{
    public static string Serialize(string targetName, CallInputs inputs)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ValueJson.OutputWriterOptions with { Indented = true }))
        {
            writer.WriteStartObject();
            Write(writer, targetName, inputs);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, string prefix, CallInputs inputs)
    {
        foreach (var (name, value) in inputs.Values)
        {
            writer.WritePropertyName($"{prefix}.{name}");
            ValueJson.Write(writer, value);
        }
        foreach (var (call, inner) in inputs.Calls) Write(writer, $"{prefix}.{call}", inner);
    }
}
