using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax.Parsing;

namespace Osprey.Wdl.Syntax;

/// <summary>Parses WDL documents of every supported version (draft-2, 1.0, 1.1, 1.2).</summary>
public static class WdlParser
{
    /// <summary>
    /// Parses one document. Never throws: problems become diagnostics (sorted by position) and the
    /// tree holds whatever could be recovered.
    /// </summary>
    public static ParseResult Parse(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new DiagnosticBag(source);
        var lexed = Lexer.Lex(source, diagnostics);
        var document = new Parser(source, lexed, diagnostics).ParseDocument();

        var list = new List<Diagnostic>(diagnostics);
        // Lexical diagnostics are produced before syntax ones; readers expect source order. Stable by construction order.
        var order = new int[list.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            int byStart = list[a].Span.Start.CompareTo(list[b].Span.Start);
            return byStart != 0 ? byStart : a.CompareTo(b);
        });
        var sorted = new Diagnostic[list.Count];
        for (int i = 0; i < order.Length; i++) sorted[i] = list[order[i]];
        return new ParseResult(document, sorted);
    }
}
