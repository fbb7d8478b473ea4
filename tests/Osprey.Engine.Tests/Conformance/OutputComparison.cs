using System.Text.Json;

namespace Osprey.Engine.Tests.Conformance;

/// <summary>
/// The suite's comparison rules: numbers as numbers (3 equals 3.0), a File or Directory by the
/// file name of an existing path, everything else exactly.
/// </summary>
internal static class OutputComparison
{
    public static bool Matches(JsonElement expected, JsonElement actual)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                return actual.ValueKind == JsonValueKind.Number && Math.Abs(expected.GetDouble() - actual.GetDouble()) < 1e-9;
            case JsonValueKind.String:
                if (actual.ValueKind != JsonValueKind.String) return false;
                string e = expected.GetString()!, a = actual.GetString()!;
                return e == a || ((File.Exists(a) || Directory.Exists(a)) && Path.GetFileName(a.TrimEnd('/')) == e);
            case JsonValueKind.Array:
                return actual.ValueKind == JsonValueKind.Array && expected.GetArrayLength() == actual.GetArrayLength()
                    && expected.EnumerateArray().Zip(actual.EnumerateArray()).All(p => Matches(p.First, p.Second));
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object) return false;
                var members = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                return members.Count == expected.EnumerateObject().Count()
                    && expected.EnumerateObject().All(p => members.TryGetValue(p.Name, out var v) && Matches(p.Value, v));
            default:
                return expected.ValueKind == actual.ValueKind;
        }
    }
}
