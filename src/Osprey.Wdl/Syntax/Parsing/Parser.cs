using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

/// <summary>
/// Recursive-descent parser over the lexer's token array. Error handling: after a syntax error the
/// parser is "in panic" and reports nothing more until it accepts a token again, so one mistake
/// gives one diagnostic; list and body loops resynchronise at statement starts.
/// </summary>
internal sealed partial class Parser
{
    public const int MaxDepth = 256;
    public const int MaxErrors = 100;

    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly IReadOnlyList<Comment> _comments;
    private readonly DiagnosticBag _diagnostics;
    private WdlVersion _version;
    private int _pos;
    private int _lastEnd;
    private bool _panic;
    private int _lastErrorStart = -1;
    private int _errorCount;
    private int _syntaxErrorCount;
    private bool _stopped;
    private int _depth;
    private bool _depthReported;

    /// <summary>Set while parsing the value of a 'hints' section entry, where hints/input/output literals are allowed.</summary>
    private bool _inHintsSection;

    public Parser(SourceText source, LexedDocument lexed, DiagnosticBag diagnostics)
    {
        _source = source;
        _text = source.Text;
        _tokens = lexed.Tokens;
        _comments = lexed.Comments;
        _version = lexed.Version;
        _diagnostics = diagnostics;
        // The lexer already reported what was left open at the end; "expected '}', found end of file" would repeat it.
        if (lexed.UnterminatedAtEnd) _lastErrorStart = source.Length;
    }

    private Token Current => _tokens[_pos];

    private TokenKind Kind => _tokens[_pos].Kind;

    private Token Peek(int offset) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];

    private bool At(TokenKind kind) => _tokens[_pos].Kind == kind;

    /// <summary>A definition keyword; <c>task.name</c> (the 1.2 task variable) is an expression, not a task.</summary>
    private bool AtTopLevelKeyword => Keywords.IsTopLevelKeyword(Kind) && !(Kind == TokenKind.TaskKeyword && Peek(1).Kind == TokenKind.Dot);

    private bool AtEnd => _stopped || Kind == TokenKind.EndOfFile;

    /// <summary>Accepts the current token as part of the tree: ends panic mode.</summary>
    private Token Consume()
    {
        var token = _tokens[_pos];
        if (token.Kind != TokenKind.EndOfFile)
        {
            _pos++;
            _lastEnd = token.End;
        }
        _panic = false;
        return token;
    }

    /// <summary>
    /// Passes over a token during recovery; panic mode stays on. The token still counts as text of
    /// the node being built (a skipped list item is inside its list).
    /// </summary>
    private void Skip()
    {
        var token = _tokens[_pos];
        if (token.Kind == TokenKind.EndOfFile) return;
        _pos++;
        _lastEnd = token.End;
    }

    private bool TryConsume(TokenKind kind)
    {
        if (!At(kind)) return false;
        Consume();
        return true;
    }

    private bool TryConsume(TokenKind kind, out Token token)
    {
        token = Current;
        if (!At(kind)) return false;
        Consume();
        return true;
    }

    /// <summary>Consumes a token of the given kind or reports "expected {what}" and consumes nothing.</summary>
    private bool Expect(TokenKind kind, string what)
    {
        if (TryConsume(kind)) return true;
        ReportUnexpected(what);
        return false;
    }

    private string Text(Token token) => _text.Substring(token.Start, token.Length);

    private string Text(TextSpan span) => _text.Substring(span.Start, span.Length);

    /// <summary>An empty span just after the last token read: where missing pieces are placed.</summary>
    private TextSpan Here => new(_lastEnd, 0);

    private TextSpan SpanFrom(int start) => TextSpan.FromBounds(start, Math.Max(start, _lastEnd));

    /// <summary>How the current token is named in "found ..." messages.</summary>
    private string DescribeCurrent()
    {
        var token = Current;
        return token.Kind switch
        {
            TokenKind.Identifier => $"'{Shorten(Text(token))}'",
            TokenKind.IntLiteral or TokenKind.FloatLiteral or TokenKind.VersionText => $"'{Shorten(Text(token))}'",
            TokenKind.Bad => "invalid characters",
            _ => Keywords.Describe(token.Kind),
        };
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text.Substring(0, 30) + "...";

    /// <summary>
    /// Gate for syntax errors: none while in panic mode, at most one per position, and a global cap
    /// after which parsing stops.
    /// </summary>
    private bool CanReport(int start)
    {
        if (_panic || _stopped || start == _lastErrorStart) return false;
        _panic = true;
        _lastErrorStart = start;
        if (++_errorCount > MaxErrors)
        {
            _diagnostics.TooManyErrors(new TextSpan(start, 0), MaxErrors);
            _stopped = true;
            _pos = _tokens.Count - 1;
            return false;
        }
        _syntaxErrorCount++;
        return true;
    }

    /// <summary>Reports "expected X, found Y" at the current token; a keyword where a name belongs gets its own message.</summary>
    private void ReportUnexpected(string expected, bool nameExpected = false)
    {
        var token = Current;
        if (token.Kind == TokenKind.Bad)
        {
            // The lexer reported these characters already; recover as if this error had been reported.
            _panic = true;
            return;
        }
        if (!CanReport(token.Start)) return;
        if (nameExpected && Keywords.IsKeyword(token.Kind))
        {
            _diagnostics.ReservedKeywordAsName(token.Span, Keywords.KeywordText(token.Kind), expected);
        }
        else
        {
            _diagnostics.UnexpectedToken(token.Span, expected, DescribeCurrent());
        }
    }

    /// <summary>
    /// For problems found in well-formed syntax (version features, duplicates): they neither start
    /// nor obey panic mode, only the global cap.
    /// </summary>
    private bool Standalone()
    {
        if (_stopped || _errorCount >= MaxErrors) return false;
        _errorCount++;
        return true;
    }

    private bool Below(WdlVersion version) => _version < version;

    /// <summary>
    /// Enters one level of nesting. Past the limit it reports once, skips the construct at the
    /// current token (balanced) and returns false; the caller then returns an error node.
    /// </summary>
    private bool EnterNesting()
    {
        if (_depth >= MaxDepth)
        {
            if (!_depthReported)
            {
                _depthReported = true;
                _errorCount++;
                _syntaxErrorCount++;
                _diagnostics.NestingTooDeep(Current.Span, MaxDepth);
                _panic = true;
                _lastErrorStart = Current.Start;
            }
            SkipBalanced();
            return false;
        }
        _depth++;
        return true;
    }

    private void ExitNesting() => _depth--;
}
