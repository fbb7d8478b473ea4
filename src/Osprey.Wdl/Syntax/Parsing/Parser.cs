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

    private void ReportUnexpected(string expected)
    {
        var token = Current;
        if (token.Kind == TokenKind.Bad)
        {
            // The lexer reported these characters already; recover as if this error had been reported.
            _panic = true;
            return;
        }
        if (!CanReport(token.Start)) return;
        if (Keywords.IsKeyword(token.Kind) && expected.Contains("name", StringComparison.Ordinal))
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

    /// <summary>
    /// Skips the token at the current position; an opener is skipped together with everything up to
    /// its matching closer. Strings, commands and placeholders are always balanced by the lexer, so a
    /// closer of those kinds that does not match stops the skip: it belongs to an enclosing construct.
    /// </summary>
    private void SkipBalanced()
    {
        var open = Kind;
        if (!Keywords.IsOpener(open))
        {
            Skip();
            return;
        }
        if (IsTemplateOpener(open))
        {
            var close = MatchingCloser(open);
            int same = 0;
            while (!AtEnd)
            {
                var kind = Kind;
                if (kind == open) same++;
                else if (kind == close) same--;
                Skip();
                if (same == 0) return;
            }
            return;
        }

        int brackets = 0;
        int templates = 0;
        while (!AtEnd)
        {
            var kind = Kind;
            if (IsTemplateOpener(kind)) templates++;
            else if (IsTemplateCloser(kind) && --templates < 0) return;
            else if (templates == 0 && kind is TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace) brackets++;
            else if (templates == 0 && kind is TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace) brackets--;
            Skip();
            if (brackets <= 0 && templates == 0) return;
        }
    }

    private static bool IsTemplateOpener(TokenKind kind) => kind is TokenKind.StringStart or TokenKind.MultilineStart
        or TokenKind.CommandStart or TokenKind.PlaceholderStart;

    private static bool IsTemplateCloser(TokenKind kind) => kind is TokenKind.StringEnd or TokenKind.MultilineEnd
        or TokenKind.CommandEnd or TokenKind.PlaceholderEnd;

    private static TokenKind MatchingCloser(TokenKind open) => open switch
    {
        TokenKind.StringStart => TokenKind.StringEnd,
        TokenKind.MultilineStart => TokenKind.MultilineEnd,
        TokenKind.CommandStart => TokenKind.CommandEnd,
        TokenKind.PlaceholderStart => TokenKind.PlaceholderEnd,
        TokenKind.LeftParen => TokenKind.RightParen,
        TokenKind.LeftBracket => TokenKind.RightBracket,
        _ => TokenKind.RightBrace,
    };

    /// <summary>
    /// Skips tokens until one that can start a body item (section keyword, statement keyword or
    /// declaration), a '}' that closes the current body, or a top-level keyword. Always moves at least one token.
    /// </summary>
    private void SkipToBodyItem(bool workflow)
    {
        int depth = 0;
        bool first = true;
        while (!AtEnd)
        {
            var token = Current;
            if (!first)
            {
                // Unclosed brackets are common in broken code; a section or definition keyword on a new line still ends the skip.
                if (AtTopLevelKeyword) return;
                if (token.NewlineBefore && Keywords.IsSectionKeyword(token.Kind) && Peek(1).Kind is TokenKind.LeftBrace or TokenKind.CommandStart) return;
                if (depth == 0)
                {
                    if (token.Kind == TokenKind.RightBrace) return;
                    if (token.NewlineBefore && StartsBodyItem(workflow)) return;
                }
            }
            if (token.Kind is TokenKind.LeftBrace or TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.CommandStart) depth++;
            else if (token.Kind is TokenKind.RightBrace or TokenKind.RightParen or TokenKind.RightBracket or TokenKind.CommandEnd)
            {
                if (depth == 0 && !first) return;
                depth = Math.Max(0, depth - 1);
            }
            Skip();
            first = false;
        }
    }

    /// <summary>Tokens that cannot continue an expression list when they begin a line: a list left open ends there.</summary>
    private bool StartsStatement()
    {
        var kind = Kind;
        return AtTopLevelKeyword || Keywords.IsSectionKeyword(kind) || kind is TokenKind.CallKeyword
            or TokenKind.ScatterKeyword || StartsDeclaration();
    }

    private bool StartsBodyItem(bool workflow)
    {
        var kind = Kind;
        if (Keywords.IsSectionKeyword(kind)) return true;
        if (workflow && kind is TokenKind.CallKeyword or TokenKind.ScatterKeyword or TokenKind.IfKeyword) return true;
        return StartsDeclaration();
    }

    /// <summary>
    /// Skips to the closer of the list being parsed (not consuming it), stopping early at an
    /// unbalanced closer of another kind or at the start of a new statement on its own line.
    /// </summary>
    private void SkipToListEnd(TokenKind closer, TokenKind separator = TokenKind.Comma)
    {
        int depth = 0;
        while (!AtEnd)
        {
            var kind = Kind;
            if (depth == 0)
            {
                if (kind == closer || kind == separator) return;
                if (Keywords.IsCloser(kind)) return;
                if (Current.NewlineBefore && StartsStatement()) return;
            }
            if (Keywords.IsOpener(kind)) depth++;
            else if (Keywords.IsCloser(kind)) depth--;
            Skip();
        }
    }
}
