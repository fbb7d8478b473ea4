using System.Text;
using Osprey.Engine.Evaluation;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tasks;

/// <summary>
/// Renders a task's command section to the script text: strips the common leading whitespace of
/// the template (computed on the literal text, before placeholders are filled in, so a value
/// with newlines never changes the indentation), drops the blank first and last lines left by
/// the delimiters, then renders each placeholder.
/// </summary>
public static class CommandTemplate
{
    public static string Render(CommandSection command, ExpressionEvaluator evaluator, IEvaluationScope scope)
    {
        var lines = Lines(command);
        int indent = CommonIndent(lines, out bool mixed);
        // The spec: indentation that mixes tabs and spaces is left unmodified (what a tab is
        // worth is unknown, so stripping could break a heredoc or a Python script).
        if (mixed) indent = 0;

        var script = new StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            int strip = indent;
            foreach (var part in lines[i])
            {
                if (part is StringText text)
                {
                    int skip = 0;
                    while (strip > 0 && skip < text.Text.Length && text.Text[skip] is ' ' or '\t')
                    {
                        skip++;
                        strip--;
                    }
                    script.Append(text.Text, skip, text.Text.Length - skip);
                }
                else
                {
                    strip = 0;
                    script.Append(evaluator.RenderPlaceholder((Placeholder)part, scope));
                }
            }
            script.Append('\n');
        }
        return script.ToString();
    }

    /// <summary>
    /// True when the lines' common indentation is not the same characters on every line (a tab
    /// on one, spaces on another): then nothing is stripped, and the engine should warn.
    /// </summary>
    public static bool MixesTabsAndSpaces(CommandSection command)
    {
        CommonIndent(Lines(command), out bool mixed);
        return mixed;
    }

    /// <summary>The template's lines without the blank first and last ones the delimiters leave.</summary>
    private static List<List<StringPart>> Lines(CommandSection command)
    {
        var lines = SplitLines(command.Parts);
        if (lines.Count > 0 && IsBlank(lines[0])) lines.RemoveAt(0);
        if (lines.Count > 0 && IsBlank(lines[^1])) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>The least leading whitespace of the non-blank lines, in characters; <paramref name="mixed"/> when those characters differ between lines.</summary>
    private static int CommonIndent(List<List<StringPart>> lines, out bool mixed)
    {
        int indent = int.MaxValue;
        foreach (var line in lines)
            if (!IsBlank(line)) indent = Math.Min(indent, LeadingWhitespace(line));
        if (indent == int.MaxValue) indent = 0;

        mixed = false;
        string? first = null;
        foreach (var line in lines)
        {
            if (indent == 0 || IsBlank(line)) continue;
            string prefix = Indentation(line, indent);
            if (first is null) first = prefix;
            else if (prefix != first) mixed = true;
        }
        return indent;
    }

    /// <summary>The first <paramref name="length"/> characters of a line (all leading whitespace, in literal text).</summary>
    private static string Indentation(List<StringPart> line, int length)
    {
        var text = new StringBuilder(length);
        foreach (var part in line)
        {
            if (text.Length == length || part is not StringText t) break;
            text.Append(t.Text, 0, Math.Min(t.Text.Length, length - text.Length));
        }
        return text.ToString();
    }

    /// <summary>Splits the parts at newlines in literal text; placeholders stay whole.</summary>
    private static List<List<StringPart>> SplitLines(IReadOnlyList<StringPart> parts)
    {
        var lines = new List<List<StringPart>> { new() };
        foreach (var part in parts)
        {
            if (part is not StringText text)
            {
                lines[^1].Add(part);
                continue;
            }
            int start = 0;
            string s = text.Text;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] != '\n') continue;
                int end = i > start && s[i - 1] == '\r' ? i - 1 : i;
                if (end > start) lines[^1].Add(new StringText(s[start..end], text.Span));
                lines.Add(new List<StringPart>());
                start = i + 1;
            }
            if (start < s.Length) lines[^1].Add(new StringText(s[start..], text.Span));
        }
        return lines;
    }

    private static bool IsBlank(List<StringPart> line)
    {
        foreach (var part in line)
        {
            if (part is not StringText t) return false;
            foreach (char c in t.Text)
                if (c is not (' ' or '\t')) return false;
        }
        return true;
    }

    private static int LeadingWhitespace(List<StringPart> line)
    {
        int count = 0;
        foreach (var part in line)
        {
            if (part is not StringText t) return count;
            foreach (char c in t.Text)
            {
                if (c is not (' ' or '\t')) return count;
                count++;
            }
        }
        return count;
    }
}
