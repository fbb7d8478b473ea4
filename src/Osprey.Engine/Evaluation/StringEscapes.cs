using System.Globalization;
using System.Text;

namespace Osprey.Engine.Evaluation;

/// <summary>
/// Resolves WDL string escapes: <c>\\ \n \t \' \" \~ \$</c>, octal <c>\ooo</c>, <c>\xHH</c>,
/// <c>\uHHHH</c> and <c>\UHHHHHHHH</c>. Used for multi-line strings, whose text the parser leaves
/// as written because line continuations must be found before escapes are resolved. An unknown
/// escape is kept as written.
/// </summary>
public static class StringEscapes
{
    public static string Decode(string text)
    {
        int slash = text.IndexOf('\\');
        if (slash < 0) return text;
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, slash);
        for (int i = slash; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                sb.Append(c);
                continue;
            }
            char e = text[i + 1];
            switch (e)
            {
                case '\\': sb.Append('\\'); i++; break;
                case 'n': sb.Append('\n'); i++; break;
                case 't': sb.Append('\t'); i++; break;
                case 'r': sb.Append('\r'); i++; break;
                case '\'': sb.Append('\''); i++; break;
                case '"': sb.Append('"'); i++; break;
                case '~': sb.Append('~'); i++; break;
                case '$': sb.Append('$'); i++; break;
                case 'x' when TryHex(text, i + 2, 2, out int x):
                    sb.Append((char)x);
                    i += 3;
                    break;
                case 'u' when TryHex(text, i + 2, 4, out int u):
                    sb.Append((char)u);
                    i += 5;
                    break;
                case 'U' when TryHex(text, i + 2, 8, out int cp) && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF):
                    sb.Append(char.ConvertFromUtf32(cp));
                    i += 9;
                    break;
                case >= '0' and <= '7' when TryOctal(text, i + 1, out int o):
                    sb.Append((char)o);
                    i += 3;
                    break;
                default:
                    sb.Append('\\');
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool TryHex(string text, int start, int length, out int value)
    {
        value = 0;
        return start + length <= text.Length
            && int.TryParse(text.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryOctal(string text, int start, out int value)
    {
        value = 0;
        if (start + 3 > text.Length) return false;
        for (int k = 0; k < 3; k++)
        {
            char d = text[start + k];
            if (d is < '0' or > '7') return false;
            value = value * 8 + (d - '0');
        }
        return true;
    }
}
