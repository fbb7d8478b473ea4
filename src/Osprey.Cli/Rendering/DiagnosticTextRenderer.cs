using System.Text;
using Osprey.Wdl.Diagnostics;

namespace Osprey.Cli.Rendering;

/// <summary>
/// Renders diagnostics the way compilers do, so editors and terminals can jump to them:
/// <code>
/// path:line:col: error CODE: message
///    4 |   Int x = "a"
///      |           ^~~
///   hint: ...
/// </code>
/// The caret line underlines the span, clipped to the first line of the span.
/// </summary>
public sealed class DiagnosticTextRenderer(AnsiStyle style, Func<string, string> displayPath)
{
    private const int TabWidth = 4;

    public void Write(TextWriter writer, Diagnostic diagnostic)
    {
        var (line, column) = diagnostic.Start;
        var (endLine, endColumn) = diagnostic.End;
        string severity = diagnostic.IsError ? "error" : "warning";
        string severityStyle = diagnostic.IsError ? style.Error : style.Warning;

        var text = new StringBuilder(256);
        text.Append(style.Bold).Append(displayPath(diagnostic.Source.Path)).Append(':').Append(line).Append(':').Append(column).Append(':').Append(style.Reset)
            .Append(' ').Append(severityStyle).Append(severity).Append(' ').Append(diagnostic.Code).Append(':').Append(style.Reset)
            .Append(' ').Append(style.Bold).Append(diagnostic.Message).Append(style.Reset).Append('\n');

        string source = diagnostic.Source.GetLineText(line);
        string gutter = line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        int start = Math.Clamp(column - 1, 0, source.Length);
        int end = endLine == line ? Math.Clamp(endColumn - 1, start, source.Length) : source.Length;

        var (shown, startCol, endCol) = ExpandTabs(source, start, end);
        text.Append(' ').Append(gutter).Append(" | ").Append(shown).Append('\n');
        text.Append(' ').Append(' ', gutter.Length).Append(" | ").Append(' ', startCol)
            .Append(style.Caret).Append('^').Append('~', Math.Max(0, endCol - startCol - 1)).Append(style.Reset).Append('\n');

        if (!string.IsNullOrEmpty(diagnostic.Hint))
            text.Append("  ").Append(style.Hint).Append("hint:").Append(style.Reset).Append(' ').Append(diagnostic.Hint).Append('\n');

        writer.Write(text.ToString());
    }

    /// <summary>"2 errors, 1 warning in 3 files".</summary>
    public static string Summary(int errors, int warnings, int files)
        => $"{Count(errors, "error")}, {Count(warnings, "warning")} in {Count(files, "file")}";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>
    /// Tabs become spaces so the caret line lines up with the source line whatever the
    /// terminal's tab stops; returns the display columns of the span's start and end.
    /// </summary>
    private static (string Text, int Start, int End) ExpandTabs(string line, int start, int end)
    {
        if (!line.Contains('\t')) return (line, start, end);
        var expanded = new StringBuilder(line.Length + 16);
        int startCol = 0, endCol = 0;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i == start) startCol = expanded.Length;
            if (i == end) endCol = expanded.Length;
            if (i == line.Length) break;
            if (line[i] == '\t') expanded.Append(' ', TabWidth - expanded.Length % TabWidth);
            else expanded.Append(line[i]);
        }
        return (expanded.ToString(), startCol, endCol);
    }
}
