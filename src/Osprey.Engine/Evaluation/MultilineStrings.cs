using System.Runtime.CompilerServices;
using System.Text;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation;

/// <summary>
/// WDL 1.2 multi-line strings (<c>&lt;&lt;&lt; ... &gt;&gt;&gt;</c>): turns the parts as written into the
/// parts to interpolate, applying the spec's rules in order before any placeholder is evaluated:
/// remove line continuations (an odd run of backslashes before a newline) with the whitespace that
/// starts the next line; remove whitespace after <c>&lt;&lt;&lt;</c> up to and including a newline;
/// remove whitespace before <c>&gt;&gt;&gt;</c> up to and including a newline; remove the common
/// leading whitespace of the non-blank lines from every line; then resolve escapes.
/// Placeholders count as non-whitespace content.
/// </summary>
public static class MultilineStrings
{
    private static readonly ConditionalWeakTable<StringLiteral, IReadOnlyList<StringPart>> Cache = new();

    /// <summary>The processed parts of a multi-line literal (computed once per literal).</summary>
    public static IReadOnlyList<StringPart> Process(StringLiteral literal) =>
        Cache.GetValue(literal, static l => Process(l.Parts, l.Span));

    public static IReadOnlyList<StringPart> Process(IReadOnlyList<StringPart> parts, TextSpan span)
    {
        // Work on one string with each placeholder replaced by a marker character that does not
        // occur in the text, then cut it back into parts.
        char marker = ChooseMarker(parts);
        var placeholders = new List<Placeholder>();
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is StringText t) sb.Append(t.Text.Replace("\r\n", "\n"));
            else if (part is Placeholder p)
            {
                placeholders.Add(p);
                sb.Append(marker);
            }
        }

        string text = RemoveContinuations(sb.ToString());
        text = TrimOpening(text);
        text = TrimClosing(text);
        text = StripCommonIndent(text);

        var result = new List<StringPart>();
        int index = 0;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == marker)
            {
                if (i > start) result.Add(new StringText(StringEscapes.Decode(text[start..i]), span));
                if (i < text.Length) result.Add(placeholders[index++]);
                start = i + 1;
            }
        }
        return result;
    }

    private static char ChooseMarker(IReadOnlyList<StringPart> parts)
    {
        for (char c = '\uE000'; c < '\uF8FF'; c++)
        {
            bool used = false;
            foreach (var part in parts)
                if (part is StringText t && t.Text.Contains(c)) { used = true; break; }
            if (!used) return c;
        }
        throw new InvalidOperationException("no free marker character for a multi-line string");
    }

    private static string RemoveContinuations(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                int slashes = 0;
                for (int k = sb.Length - 1; k >= 0 && sb[k] == '\\'; k--) slashes++;
                if (slashes % 2 == 1)
                {
                    sb.Length--; // the continuing backslash
                    while (i + 1 < text.Length && text[i + 1] is ' ' or '\t') i++;
                    continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string TrimOpening(string text)
    {
        int i = 0;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        if (i < text.Length && text[i] == '\n') i++;
        return text[i..];
    }

    private static string TrimClosing(string text)
    {
        int end = text.Length;
        while (end > 0 && text[end - 1] is ' ' or '\t') end--;
        if (end > 0 && text[end - 1] == '\n') end--;
        return text[..end];
    }

    private static string StripCommonIndent(string text)
    {
        string[] lines = text.Split('\n');
        int common = int.MaxValue;
        foreach (var line in lines)
        {
            int ws = LeadingWhitespace(line);
            if (ws < line.Length) common = Math.Min(common, ws); // non-blank (a marker is content)
        }
        if (common == int.MaxValue || common == 0) return text;
        for (int i = 0; i < lines.Length; i++)
            lines[i] = lines[i][Math.Min(common, LeadingWhitespace(lines[i]))..];
        return string.Join('\n', lines);
    }

    private static int LeadingWhitespace(string line)
    {
        int n = 0;
        while (n < line.Length && line[n] is ' ' or '\t') n++;
        return n;
    }
}
