using System.Text;
using System.Text.RegularExpressions;
using Osprey.Engine.Values;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>
/// Bash-style pathname expansion for <c>glob</c>: <c>*</c>, <c>?</c> and <c>[...]</c> within one path
/// segment (no recursion, <c>*</c> does not cross <c>/</c>), dot-files matched only by a pattern that
/// starts with a dot, only files returned, in sorted order (ordinal, as Bash in the C locale).
/// </summary>
internal static class Glob
{
    /// <summary>Absolute paths of the files matching <paramref name="pattern"/> relative to <paramref name="baseDirectory"/>.</summary>
    public static List<string> Expand(string pattern, string baseDirectory, CancellationToken cancellationToken)
    {
        if (pattern.Length == 0) throw new WdlValueException("the glob pattern is empty");
        bool absolute = pattern.StartsWith('/');
        string root = absolute ? "/" : baseDirectory;
        var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { root };
        for (int s = 0; s < segments.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool last = s == segments.Length - 1;
            string segment = segments[s];
            var next = new List<string>();
            foreach (var dir in current)
            {
                if (!HasMagic(segment))
                {
                    string literal = Path.Combine(dir, Unescape(segment));
                    if (last ? File.Exists(literal) : Directory.Exists(literal)) next.Add(literal);
                    continue;
                }
                if (!Directory.Exists(dir)) continue;
                var regex = SegmentRegex(segment);
                IEnumerable<string> entries = last ? Directory.EnumerateFiles(dir) : Directory.EnumerateDirectories(dir);
                foreach (var entry in entries)
                {
                    string name = Path.GetFileName(entry);
                    if (name.StartsWith('.') && !segment.StartsWith('.')) continue;
                    if (regex.IsMatch(name)) next.Add(entry);
                }
            }
            current = next;
        }
        var result = current.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static bool HasMagic(string segment) => segment.IndexOfAny(['*', '?', '[']) >= 0;

    private static string Unescape(string segment) => segment.Replace("\\", string.Empty);

    private static Regex SegmentRegex(string segment)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            switch (c)
            {
                case '*': sb.Append(".*"); break;
                case '?': sb.Append('.'); break;
                case '\\' when i + 1 < segment.Length: sb.Append(Regex.Escape(segment[++i].ToString())); break;
                case '[':
                    {
                        int close = segment.IndexOf(']', i + 2);
                        if (close < 0)
                        {
                            sb.Append(@"\[");
                            break;
                        }
                        string body = segment[(i + 1)..close];
                        if (body.StartsWith('!')) body = "^" + body[1..];
                        sb.Append('[').Append(body.Replace("\\", @"\\").Replace("[", @"\[")).Append(']');
                        i = close;
                        break;
                    }
                default: sb.Append(Regex.Escape(c.ToString())); break;
            }
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}
