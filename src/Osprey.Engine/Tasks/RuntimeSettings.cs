using System.Globalization;
using Osprey.Engine.Values;

namespace Osprey.Engine.Tasks;

/// <summary>
/// The runtime attributes Osprey acts on, read from a task's evaluated <c>runtime</c> (or 1.2
/// <c>requirements</c>/<c>hints</c>) entries under both their old and new names. Anything else is
/// kept in <see cref="All"/> for backends that understand it.
/// </summary>
public sealed record RuntimeSettings(
    double Cpu,
    long? MemoryBytes,
    string? Container,
    Func<int, bool> AcceptsReturnCode,
    string ReturnCodesDisplay,
    int MaxRetries,
    bool FailOnStderr,
    IReadOnlyDictionary<string, WdlValue> All)
{
    public static RuntimeSettings From(IReadOnlyDictionary<string, WdlValue> values)
    {
        double cpu = values.TryGetValue("cpu", out var c) ? ToDouble(c, "cpu") : 1;
        if (cpu <= 0) throw new RuntimeSettingException("cpu must be greater than 0");

        long? memory = values.TryGetValue("memory", out var m) ? ParseMemory(m) : null;

        string? container = null;
        if (values.TryGetValue("container", out var image) || values.TryGetValue("docker", out image))
        {
            container = image switch
            {
                WdlString s => s.Value,
                WdlArray { Count: > 0 } a when a[0] is WdlString first => first.Value,
                WdlNone => null,
                _ => throw new RuntimeSettingException($"container must be a String or Array[String], not {ValueCoercion.Describe(image)}"),
            };
            if (container is "" or "*") container = null;
        }

        var (accepts, display) = ReturnCodes(values);

        int retries = 0;
        if (values.TryGetValue("maxRetries", out var r) || values.TryGetValue("max_retries", out r))
            retries = (int)Math.Max(0, ToLong(r, "maxRetries"));

        bool failOnStderr = values.TryGetValue("failOnStderr", out var f) && f is WdlBoolean { Value: true };
        return new RuntimeSettings(cpu, memory, container, accepts, display, retries, failOnStderr, values);
    }

    private static (Func<int, bool>, string) ReturnCodes(IReadOnlyDictionary<string, WdlValue> values)
    {
        if (values.TryGetValue("continueOnReturnCode", out var cont))
        {
            if (cont is WdlBoolean b) return b.Value ? (_ => true, "any") : (rc => rc == 0, "0");
            return Codes(cont, "continueOnReturnCode");
        }
        if (values.TryGetValue("returnCodes", out var codes) || values.TryGetValue("return_codes", out codes))
            return Codes(codes, "returnCodes");
        return (rc => rc == 0, "0");
    }

    private static (Func<int, bool>, string) Codes(WdlValue value, string key)
    {
        switch (value)
        {
            case WdlString { Value: "*" }:
                return (_ => true, "any");
            case WdlArray array:
                var set = array.Items.Select(i => (int)ToLong(i, key)).ToHashSet();
                return (set.Contains, string.Join(", ", set.Order()));
            default:
                int code = (int)ToLong(value, key);
                return (rc => rc == code, code.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static double ToDouble(WdlValue value, string key) => value switch
    {
        WdlInt i => i.Value,
        WdlFloat f => f.Value,
        WdlString s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
        _ => throw new RuntimeSettingException($"{key} must be a number, not {ValueCoercion.Describe(value)}"),
    };

    private static long ToLong(WdlValue value, string key) => value switch
    {
        WdlInt i => i.Value,
        WdlFloat f => (long)f.Value,
        WdlString s when long.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => l,
        _ => throw new RuntimeSettingException($"{key} must be an integer, not {ValueCoercion.Describe(value)}"),
    };

    /// <summary>An Int is bytes; a String is a number and a unit such as "4 GiB", "512 MB" or "2G".</summary>
    public static long ParseMemory(WdlValue value)
    {
        if (value is WdlInt i) return i.Value;
        if (value is WdlFloat f) return (long)f.Value;
        if (value is not WdlString s) throw new RuntimeSettingException($"memory must be an Int or a String, not {ValueCoercion.Describe(value)}");
        string text = s.Value.Trim();
        int split = 0;
        while (split < text.Length && (char.IsAsciiDigit(text[split]) || text[split] == '.')) split++;
        if (split == 0 || !double.TryParse(text[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out double amount))
            throw new RuntimeSettingException($"memory '{s.Value}' is not a number with a unit such as \"4 GiB\"");
        double factor = text[split..].Trim() switch
        {
            "" or "B" => 1,
            "K" or "KB" => 1e3,
            "M" or "MB" => 1e6,
            "G" or "GB" => 1e9,
            "T" or "TB" => 1e12,
            "Ki" or "KiB" => 1L << 10,
            "Mi" or "MiB" => 1L << 20,
            "Gi" or "GiB" => 1L << 30,
            "Ti" or "TiB" => 1L << 40,
            var unit => throw new RuntimeSettingException($"memory '{s.Value}' has an unknown unit '{unit}'"),
        };
        return (long)(amount * factor);
    }
}

public sealed class RuntimeSettingException(string message) : Exception(message);
