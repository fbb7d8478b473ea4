using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

/// <summary>
/// Turns a document into tokens in one pass. The lexer keeps a stack of modes (string, command,
/// placeholder, multi-line string) so that the parser receives a flat token list in which every
/// string, command and placeholder is bracketed by start/end tokens, even when unterminated.
/// </summary>
internal sealed partial class Lexer
{
    /// <summary>Lexical errors beyond this count are not reported (random input would otherwise report thousands).</summary>
    public const int MaxDiagnostics = 100;

    private readonly string _text;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<Token> _tokens;
    private readonly List<Comment> _comments = new();
    private readonly List<Frame> _frames = new();
    private int _pos;
    private bool _newlineBefore = true;
    private bool _afterCommandKeyword;
    private int _reported;

    private Lexer(SourceText source, DiagnosticBag diagnostics)
    {
        _text = source.Text;
        _diagnostics = diagnostics;
        _tokens = new List<Token>(Math.Max(16, _text.Length / 5));
    }

    /// <summary>True when the input ended inside a string, command or placeholder (already reported).</summary>
    public bool UnterminatedAtEnd { get; private set; }

    /// <summary>The version read from a leading <c>version</c> statement; draft-2 when there is none.</summary>
    public WdlVersion Version { get; private set; } = WdlVersion.Draft2;

    public static LexedDocument Lex(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new Lexer(source, diagnostics);
        lexer.Run();
        return new LexedDocument(lexer._tokens, lexer._comments, lexer.Version, lexer.UnterminatedAtEnd);
    }

    private enum FrameKind : byte
    {
        Placeholder,
        String,
        Multiline,
        BraceCommand,
        HeredocCommand,
    }

    /// <summary>One open string, command or placeholder. BraceDepth counts unclosed '{' inside a placeholder or brace command.</summary>
    private struct Frame
    {
        public FrameKind Kind;
        public char Quote;
        public int BraceDepth;
        public int Start;
        public int OpenerLength;
    }

    private bool TildePlaceholders => Version != WdlVersion.Draft2;

    private void Run()
    {
        while (true)
        {
            if (_frames.Count == 0)
            {
                if (!LexCode()) break;
                continue;
            }

            if (_pos >= _text.Length)
            {
                CloseAllAtEnd();
                continue;
            }

            switch (_frames[^1].Kind)
            {
                case FrameKind.Placeholder:
                    LexCode();
                    break;
                case FrameKind.String:
                    LexStringText();
                    break;
                case FrameKind.Multiline:
                case FrameKind.HeredocCommand:
                case FrameKind.BraceCommand:
                    LexTemplateText();
                    break;
            }
        }
        _tokens.Add(new Token(TokenKind.EndOfFile, _text.Length, 0, _newlineBefore));
    }

    /// <summary>At end of input, report the innermost open construct once and close every frame so the token stream stays balanced.</summary>
    private void CloseAllAtEnd()
    {
        var inner = _frames[^1];
        var span = new TextSpan(inner.Start, inner.OpenerLength);
        switch (inner.Kind)
        {
            case FrameKind.Placeholder:
                if (CanReport()) _diagnostics.UnterminatedPlaceholder(span, _text.Substring(inner.Start, 2), "the end of the file");
                break;
            case FrameKind.String:
                if (CanReport()) _diagnostics.UnterminatedString(span, inner.Quote);
                break;
            case FrameKind.Multiline:
                if (CanReport()) _diagnostics.UnterminatedMultilineString(span);
                break;
            default:
                if (CanReport()) _diagnostics.UnterminatedCommand(span, inner.Kind == FrameKind.HeredocCommand);
                break;
        }
        UnterminatedAtEnd = true;
        while (_frames.Count > 0) PopWithZeroLengthCloser();
    }

    private void PopWithZeroLengthCloser()
    {
        var frame = _frames[^1];
        _frames.RemoveAt(_frames.Count - 1);
        var kind = frame.Kind switch
        {
            FrameKind.Placeholder => TokenKind.PlaceholderEnd,
            FrameKind.String => TokenKind.StringEnd,
            FrameKind.Multiline => TokenKind.MultilineEnd,
            _ => TokenKind.CommandEnd,
        };
        Emit(kind, _pos, 0);
    }

    private void Push(FrameKind kind, int start, int openerLength, char quote = '\0')
        => _frames.Add(new Frame { Kind = kind, Start = start, OpenerLength = openerLength, Quote = quote });

    private void Emit(TokenKind kind, int start, int length)
    {
        _tokens.Add(new Token(kind, start, length, _newlineBefore));
        _newlineBefore = false;
    }

    /// <summary>Caps lexical diagnostics; the first one past the cap says so.</summary>
    private bool CanReport()
    {
        if (_reported > MaxDiagnostics) return false;
        if (++_reported > MaxDiagnostics)
        {
            _diagnostics.TooManyErrors(new TextSpan(_pos, 0), MaxDiagnostics);
            return false;
        }
        return true;
    }

    private char PeekChar(int offset)
    {
        int i = _pos + offset;
        return i < _text.Length ? _text[i] : '\0';
    }
}

/// <summary>What the lexer hands to the parser.</summary>
internal sealed record LexedDocument(List<Token> Tokens, IReadOnlyList<Comment> Comments, WdlVersion Version, bool UnterminatedAtEnd);
