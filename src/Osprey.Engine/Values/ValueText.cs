using System.Globalization;
using System.Text;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Values;

/// <summary>How values become text: in placeholders and string operations, and as WDL literals.</summary>
public static class ValueText
{
    /// <summary>
    /// A Float as a placeholder shows it. WDL 1.1 and 1.2 fix the style <c>[-]ddd.dddddd</c> (six
    /// decimals, e.g. <c>3.141</c> → <c>3.141000</c>). Draft-2 and 1.0 say nothing beyond an example
    /// where <c>1.3</c> is substituted as <c>1.3</c>, so there the shortest round-trip text is used,
    /// always with a fractional part (<c>2.0</c>, not <c>2</c>).
    /// </summary>
    public static string FormatFloat(double value, WdlVersion version) =>
        version >= WdlVersion.V1_1
            ? value.ToString("F6", CultureInfo.InvariantCulture)
            : RoundTrip(value);

    /// <summary>Shortest text that reads back as the same double, with <c>.0</c> added to whole numbers.</summary>
    public static string RoundTrip(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        foreach (char c in text)
            if (c is '.' or 'E' or 'e' or 'N' or 'I') return text;
        return text + ".0";
    }

    /// <summary>
    /// The text a primitive value contributes to string interpolation, <c>+</c> concatenation and
    /// the string functions (prefix, sep, write_lines...). Returns false for None and compound values.
    /// </summary>
    public static bool TryFormatPrimitive(WdlValue value, WdlVersion version, out string text)
    {
        switch (value)
        {
            case WdlString s: text = s.Value; return true;
            case WdlFile f: text = f.Location; return true;
            case WdlDirectory d: text = d.Location; return true;
            case WdlInt i: text = i.Value.ToString(CultureInfo.InvariantCulture); return true;
            case WdlFloat f: text = FormatFloat(f.Value, version); return true;
            case WdlBoolean b: text = b.Value ? "true" : "false"; return true;
            default: text = string.Empty; return false;
        }
    }

    /// <summary>Like <see cref="TryFormatPrimitive"/> but throws a clear error for other values.</summary>
    public static string FormatPrimitive(WdlValue value, WdlVersion version)
    {
        if (TryFormatPrimitive(value, version, out var text)) return text;
        if (value.IsNone) throw new WdlValueException("expected a value but got None");
        throw new WdlValueException($"a value of type {value.Type} cannot be converted to a String");
    }

    /// <summary>A string as a double-quoted WDL literal.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append(@"\n"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\r': sb.Append(@"\r"); break;
                case '~': sb.Append('~'); break;
                default:
                    if (char.IsControl(c)) sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
