using System.Text;
using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// Resolves the escapes in one run of quoted-string text. 1.1+ follows the 1.2 table (octal
    /// exactly 3 digits, \x exactly 2); draft-2 and 1.0 follow their grammar (octal 1–3 digits,
    /// \x one or more, plus \b \f \a \v \?). Unknown escapes are kept as written with a warning.
    /// </summary>
    private string DecodeEscapes(Token token)
    {
        int start = token.Start;
        int end = token.End;
        int firstBackslash = _text.IndexOf('\\', start, end - start);
        if (firstBackslash < 0) return _text.Substring(start, end - start);

        bool legacy = _version <= WdlVersion.V1_0;
        var builder = new StringBuilder(end - start);
        builder.Append(_text, start, firstBackslash - start);
        int i = firstBackslash;
        while (i < end)
        {
            char c = _text[i];
            if (c != '\\' || i + 1 >= end)
            {
                builder.Append(c);
                i++;
                continue;
            }

            char n = _text[i + 1];
            switch (n)
            {
                case '\\': builder.Append('\\'); i += 2; continue;
                case 'n': builder.Append('\n'); i += 2; continue;
                case 't': builder.Append('\t'); i += 2; continue;
                case 'r': builder.Append('\r'); i += 2; continue;
                case '\'': builder.Append('\''); i += 2; continue;
                case '"': builder.Append('"'); i += 2; continue;
                case '~': builder.Append('~'); i += 2; continue;
                case '$': builder.Append('$'); i += 2; continue;
                case 'b' when legacy: builder.Append('\b'); i += 2; continue;
                case 'f' when legacy: builder.Append('\f'); i += 2; continue;
                case 'a' when legacy: builder.Append('\a'); i += 2; continue;
                case 'v' when legacy: builder.Append('\v'); i += 2; continue;
                case '?' when legacy: builder.Append('?'); i += 2; continue;
            }

            if (n >= '0' && n <= '7')
            {
                i = DecodeNumericEscape(builder, i, end, digitsStart: i + 1, radix: 8, min: legacy ? 1 : 3, max: 3, "3 octal digits");
            }
            else if (n == 'x')
            {
                i = DecodeNumericEscape(builder, i, end, digitsStart: i + 2, radix: 16, min: legacy ? 1 : 2, max: legacy ? 6 : 2, "2 hexadecimal digits");
            }
            else if (n == 'u')
            {
                i = DecodeNumericEscape(builder, i, end, digitsStart: i + 2, radix: 16, min: 4, max: 4, "4 hexadecimal digits");
            }
            else if (n == 'U')
            {
                i = DecodeNumericEscape(builder, i, end, digitsStart: i + 2, radix: 16, min: 8, max: 8, "8 hexadecimal digits");
            }
            else
            {
                var span = new TextSpan(i, 2);
                string escape = _text.Substring(i, 2);
                if (Standalone()) _diagnostics.UnknownEscape(span, escape);
                builder.Append('\\').Append(n);
                i += 2;
            }
        }
        return builder.ToString();
    }

    /// <summary>Decodes an octal/hex/unicode escape at <paramref name="at"/>; returns the offset after it.</summary>
    private int DecodeNumericEscape(StringBuilder builder, int at, int end, int digitsStart, int radix, int min, int max, string expected)
    {
        int i = digitsStart;
        long value = 0;
        bool overflow = false;
        while (i < end && i - digitsStart < max)
        {
            int digit = DigitValue(_text[i]);
            if (digit < 0 || digit >= radix) break;
            value = value * radix + digit;
            if (value > 0x10FFFF) overflow = true;
            i++;
        }

        int count = i - digitsStart;
        var span = TextSpan.FromBounds(at, Math.Max(i, Math.Min(end, at + 2)));
        string written = _text.Substring(span.Start, span.Length);
        if (count < min)
        {
            if (Standalone()) _diagnostics.MalformedEscape(span, written, expected);
            builder.Append(_text, span.Start, span.Length);
            return span.End;
        }
        if (overflow || value > 0x10FFFF || (radix == 16 && max == 8 && value is >= 0xD800 and <= 0xDFFF))
        {
            if (Standalone()) _diagnostics.MalformedEscape(span, written, "a Unicode code point up to U+10FFFF that is not a surrogate");
            builder.Append(_text, span.Start, span.Length);
            return span.End;
        }

        // \uD83D\uDE00 style pairs are kept as UTF-16 units; everything else is a scalar value.
        if (value <= 0xFFFF) builder.Append((char)value);
        else builder.Append(char.ConvertFromUtf32((int)value));
        return i;
    }

    private static int DigitValue(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        int lower = c | 0x20;
        if (lower >= 'a' && lower <= 'f') return lower - 'a' + 10;
        return -1;
    }
}
