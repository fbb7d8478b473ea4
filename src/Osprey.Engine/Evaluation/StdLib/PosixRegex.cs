using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Osprey.Engine.Values;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>
/// POSIX extended regular expressions, translated to .NET regexes as closely as .NET allows.
/// </summary>
/// <remarks>
/// Translation: POSIX classes (<c>[[:alpha:]]</c> and, as the spec's own <c>sub</c> example expects,
/// a bare <c>[:alpha:]</c>) become explicit ASCII ranges; <c>]</c> first in a bracket is literal;
/// <c>[</c> inside a bracket is escaped (it would start .NET class subtraction); <c>$</c> matches only at
/// the very end (.NET's also matches before a final newline); <c>.</c> matches newlines (POSIX without
/// REG_NEWLINE). Remaining differences: POSIX picks the leftmost-longest alternative where .NET picks
/// the leftmost-first one; backslash escapes such as <c>\t</c>, <c>\d</c> keep their .NET meaning
/// (which is what WDL authors expect when they write <c>"\\t"</c>); inside brackets a backslash
/// escapes as in .NET rather than being literal.
/// Matching never goes catastrophic: patterns run on the linear-time non-backtracking engine, and
/// the few that need backtracking (back-references) run with a match timeout.
/// </remarks>
internal static class PosixRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);

    private const int CacheLimit = 256;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static Regex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached)) return cached;
        var regex = Create(pattern);
        if (Cache.Count >= CacheLimit) Cache.Clear();
        Cache[pattern] = regex;
        return regex;
    }

    private static Regex Create(string pattern)
    {
        string translated = Translate(pattern);
        try
        {
            return new Regex(translated, RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            // Back-references and the like: the backtracking engine, bounded by the timeout.
        }
        catch (ArgumentException e)
        {
            throw new WdlValueException($"invalid regular expression \"{pattern}\": {e.Message}");
        }
        try
        {
            return new Regex(translated, RegexOptions.Singleline | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new WdlValueException($"invalid regular expression \"{pattern}\": {e.Message}");
        }
    }

    internal static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 8);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '\\':
                    sb.Append(c);
                    if (i + 1 < pattern.Length) sb.Append(pattern[++i]);
                    break;
                case '$':
                    sb.Append(@"\z");
                    break;
                case '[':
                    {
                        if (TryClassName(pattern, i, out string? name, out int end))
                        {
                            // A bare [:alpha:] outside a bracket expression: read as [[:alpha:]].
                            sb.Append('[').Append(ClassBody(name!)).Append(']');
                            i = end;
                            break;
                        }
                        i = TranslateBracket(pattern, i, sb);
                        break;
                    }
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Copies a bracket expression starting at <paramref name="start"/>; returns the index of its closing ']'.</summary>
    private static int TranslateBracket(string pattern, int start, StringBuilder sb)
    {
        int i = start + 1;
        var body = new StringBuilder();
        bool negate = false;
        if (i < pattern.Length && pattern[i] == '^')
        {
            negate = true;
            i++;
        }
        bool first = true;
        for (; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == ']' && !first)
            {
                sb.Append('[').Append(negate ? "^" : "").Append(body).Append(']');
                return i;
            }
            first = false;
            if (c == '[' && i + 1 < pattern.Length && pattern[i + 1] is ':' or '.' or '=')
            {
                char kind = pattern[i + 1];
                int close = pattern.IndexOf(kind + "]", i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    string inner = pattern[(i + 2)..close];
                    if (kind == ':') body.Append(ClassBody(inner));
                    else body.Append(Regex.Escape(inner).Replace("]", "\\]").Replace("-", "\\-"));
                    i = close + 1;
                    continue;
                }
            }
            switch (c)
            {
                case ']': body.Append(@"\]"); break;
                case '[': body.Append(@"\["); break;
                case '\\':
                    body.Append('\\');
                    if (i + 1 < pattern.Length) body.Append(pattern[++i]);
                    break;
                default: body.Append(c); break;
            }
        }
        throw new WdlValueException($"invalid regular expression \"{pattern}\": unterminated bracket expression");
    }

    private static bool TryClassName(string pattern, int i, out string? name, out int end)
    {
        name = null;
        end = -1;
        if (i + 1 >= pattern.Length || pattern[i + 1] != ':') return false;
        int close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
        if (close < 0) return false;
        string candidate = pattern[(i + 2)..close];
        if (ClassBodyOrNull(candidate) is null) return false;
        name = candidate;
        end = close + 1;
        return true;
    }

    private static string ClassBody(string name) =>
        ClassBodyOrNull(name) ?? throw new WdlValueException($"unknown character class [:{name}:]");

    private static string? ClassBodyOrNull(string name) => name switch
    {
        "alpha" => "a-zA-Z",
        "digit" => "0-9",
        "alnum" => "a-zA-Z0-9",
        "upper" => "A-Z",
        "lower" => "a-z",
        "space" => @" \t\n\r\f\v",
        "blank" => @" \t",
        "punct" => @"!-/:-@\[-`{-~",
        "print" => @" -~",
        "graph" => @"!-~",
        "cntrl" => @"\x00-\x1F\x7F",
        "xdigit" => "0-9A-Fa-f",
        "word" => @"\w",
        _ => null,
    };

    /// <summary>
    /// Converts a replacement string: <c>\1</c>…<c>\9</c> and <c>$1</c>/<c>${name}</c> refer to groups
    /// (both common conventions), <c>\\</c> is a backslash, <c>\n</c>/<c>\t</c> are newline/tab, any other
    /// <c>$</c> is literal.
    /// </summary>
    public static string TranslateReplacement(string replacement)
    {
        if (replacement.IndexOfAny(['\\', '$']) < 0) return replacement;
        var sb = new StringBuilder(replacement.Length + 4);
        for (int i = 0; i < replacement.Length; i++)
        {
            char c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length)
            {
                char n = replacement[++i];
                switch (n)
                {
                    case >= '0' and <= '9': sb.Append("${").Append(n).Append('}'); break;
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case '$': sb.Append("$$"); break;
                    default: sb.Append(n); break;
                }
            }
            else if (c == '$')
            {
                bool group = i + 1 < replacement.Length && (char.IsAsciiDigit(replacement[i + 1]) || replacement[i + 1] == '{');
                sb.Append(group ? "$" : "$$");
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
