using System.Text;

namespace Osprey.Cli.Rendering;

/// <summary>
/// Columns aligned by padding, two spaces apart, under a header row; the last column is not
/// padded so that lines carry no trailing spaces. A row may carry a note: lines printed indented
/// under it (a failed call's message), which do not widen the columns.
/// </summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<(string[] Cells, string? Note)> _rows = [];

    public void Add(string[] cells, string? note = null)
    {
        if (cells.Length != headers.Length) throw new ArgumentException($"a row needs {headers.Length} cells", nameof(cells));
        _rows.Add((cells, note));
    }

    public void Write(TextWriter writer)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var (cells, _) in _rows)
            for (int i = 0; i < cells.Length; i++) widths[i] = Math.Max(widths[i], cells[i].Length);

        var line = new StringBuilder();
        WriteLine(writer, line, headers, widths);
        foreach (var (cells, note) in _rows)
        {
            WriteLine(writer, line, cells, widths);
            if (string.IsNullOrEmpty(note)) continue;
            foreach (string noteLine in note.TrimEnd().Split('\n'))
                writer.Write("    " + noteLine.TrimEnd('\r') + "\n");
        }
    }

    private static void WriteLine(TextWriter writer, StringBuilder line, string[] cells, int[] widths)
    {
        line.Clear();
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append("  ");
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i]));
        }
        writer.Write(line.Append('\n'));
    }
}
