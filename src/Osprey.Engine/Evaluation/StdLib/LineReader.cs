using System.Text;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>
/// Reads a file one line at a time, so reading never holds more than the lines produced. Lines end
/// at <c>\n</c>; trailing <c>\r</c> characters are removed (so CRLF files read cleanly); a final line
/// without a newline is kept; a file ending in a newline has no extra empty line. Unlike
/// <see cref="TextReader.ReadLine"/>, a lone <c>\r</c> inside a line does not split it.
/// </summary>
internal static class LineReader
{
    public static IEnumerable<string> ReadLines(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var line = new StringBuilder();
        var buffer = new char[1 << 14];
        int read;
        long count = 0;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            for (int i = 0; i < read; i++)
            {
                if (buffer[i] != '\n') continue;
                line.Append(buffer, start, i - start);
                start = i + 1;
                yield return TrimEnd(line);
                line.Clear();
                if ((++count & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            }
            line.Append(buffer, start, read - start);
        }
        if (line.Length > 0) yield return TrimEnd(line);
    }

    private static string TrimEnd(StringBuilder line)
    {
        int end = line.Length;
        while (end > 0 && line[end - 1] == '\r') end--;
        return line.ToString(0, end);
    }
}
