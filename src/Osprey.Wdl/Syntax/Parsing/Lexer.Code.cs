using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Lexer
{
    /// <summary>
    /// Lexes one token of WDL code (at top level or inside a placeholder). Returns false at the end of
    /// the input when no frame is open.
    /// </summary>
    private bool LexCode()
    {
        if (!SkipTrivia()) return true;
        if (_pos >= _text.Length)
        {
            if (_frames.Count == 0) return false;
            CloseAllAtEnd();
            return true;
        }

        bool afterCommand = _afterCommandKeyword;
        _afterCommandKeyword = false;
        int start = _pos;
        char c = _text[_pos];

        if (afterCommand && _frames.Count == 0)
        {
            if (c == '{')
            {
                _pos++;
                Emit(TokenKind.CommandStart, start, 1);
                Push(FrameKind.BraceCommand, start, 1);
                return true;
            }
            if (c == '<' && PeekChar(1) == '<' && PeekChar(2) == '<')
            {
                _pos += 3;
                Emit(TokenKind.CommandStart, start, 3);
                Push(FrameKind.HeredocCommand, start, 3);
                return true;
            }
        }

        if (IsLetter(c))
        {
            LexWord(start);
            return true;
        }
        if (IsDigit(c) || (c == '.' && IsDigit(PeekChar(1))))
        {
            LexNumber(start);
            return true;
        }

        switch (c)
        {
            case '"':
            case '\'':
                _pos++;
                Emit(TokenKind.StringStart, start, 1);
                Push(FrameKind.String, start, 1, c);
                return true;
            case '{':
                _pos++;
                if (_frames.Count > 0) BumpPlaceholderDepth(+1);
                Emit(TokenKind.LeftBrace, start, 1);
                return true;
            case '}':
                _pos++;
                if (_frames.Count > 0 && _frames[^1].BraceDepth == 0)
                {
                    Emit(TokenKind.PlaceholderEnd, start, 1);
                    _frames.RemoveAt(_frames.Count - 1);
                    return true;
                }
                if (_frames.Count > 0) BumpPlaceholderDepth(-1);
                Emit(TokenKind.RightBrace, start, 1);
                return true;
            case '<':
                if (PeekChar(1) == '<' && PeekChar(2) == '<')
                {
                    _pos += 3;
                    Emit(TokenKind.MultilineStart, start, 3);
                    Push(FrameKind.Multiline, start, 3);
                    return true;
                }
                return Operator(start, PeekChar(1) == '=' ? TokenKind.LessEqual : TokenKind.Less);
            case '>':
                if (PeekChar(1) == '>' && PeekChar(2) == '>' && CloseTemplateFromPlaceholder(start)) return true;
                return Operator(start, PeekChar(1) == '=' ? TokenKind.GreaterEqual : TokenKind.Greater);
            case '(': return Operator(start, TokenKind.LeftParen);
            case ')': return Operator(start, TokenKind.RightParen);
            case '[': return Operator(start, TokenKind.LeftBracket);
            case ']': return Operator(start, TokenKind.RightBracket);
            case ',': return Operator(start, TokenKind.Comma);
            case ':': return Operator(start, TokenKind.Colon);
            case '.': return Operator(start, TokenKind.Dot);
            case '?': return Operator(start, TokenKind.Question);
            case '=': return Operator(start, PeekChar(1) == '=' ? TokenKind.EqualEqual : TokenKind.Equals);
            case '!': return Operator(start, PeekChar(1) == '=' ? TokenKind.BangEqual : TokenKind.Bang);
            case '+': return Operator(start, TokenKind.Plus);
            case '-': return Operator(start, TokenKind.Minus);
            case '*': return Operator(start, PeekChar(1) == '*' ? TokenKind.StarStar : TokenKind.Star);
            case '/': return Operator(start, TokenKind.Slash);
            case '%': return Operator(start, TokenKind.Percent);
            case '&' when PeekChar(1) == '&': return Operator(start, TokenKind.AmpAmp);
            case '|' when PeekChar(1) == '|': return Operator(start, TokenKind.PipePipe);
        }

        LexBadRun(start);
        return true;
    }

    private bool Operator(int start, TokenKind kind)
    {
        int length = kind is TokenKind.LessEqual or TokenKind.GreaterEqual or TokenKind.EqualEqual or TokenKind.BangEqual
            or TokenKind.StarStar or TokenKind.AmpAmp or TokenKind.PipePipe ? 2 : 1;
        _pos += length;
        Emit(kind, start, length);
        return true;
    }

    private void BumpPlaceholderDepth(int delta)
    {
        var frame = _frames[^1];
        frame.BraceDepth += delta;
        _frames[^1] = frame;
    }

    /// <summary>
    /// Skips whitespace and comments. Returns false when it closed an unterminated placeholder
    /// (a line break inside a placeholder of a one-line string ends both), so the caller yields.
    /// </summary>
    private bool SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n' || c == '\r')
            {
                if (InPlaceholderOfQuotedString())
                {
                    ClosePlaceholderAndStringAtLineEnd();
                    return false;
                }
                _newlineBefore = true;
                _pos++;
            }
            else if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\uFEFF')
            {
                _pos++;
            }
            else if (c == '#')
            {
                int start = _pos;
                while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r') _pos++;
                _comments.Add(new Comment(_text.Substring(start, _pos - start), new TextSpan(start, _pos - start)));
            }
            else
            {
                break;
            }
        }
        return true;
    }

    private bool InPlaceholderOfQuotedString()
        => _frames.Count >= 2 && _frames[^1].Kind == FrameKind.Placeholder && _frames[^2].Kind == FrameKind.String;

    private void ClosePlaceholderAndStringAtLineEnd()
    {
        var placeholder = _frames[^1];
        if (CanReport()) _diagnostics.UnterminatedPlaceholder(new TextSpan(placeholder.Start, 2),
            _text.Substring(placeholder.Start, 2), "the end of the line");
        PopWithZeroLengthCloser();
        PopWithZeroLengthCloser();
    }

    /// <summary>
    /// A '>>>' inside a placeholder that sits directly in a heredoc command or multi-line string can
    /// only mean the placeholder was left open: report it and close both, instead of lexing the
    /// rest of the file as code.
    /// </summary>
    private bool CloseTemplateFromPlaceholder(int start)
    {
        if (_frames.Count < 2 || _frames[^1].Kind != FrameKind.Placeholder) return false;
        var outer = _frames[^2].Kind;
        if (outer != FrameKind.HeredocCommand && outer != FrameKind.Multiline) return false;

        var placeholder = _frames[^1];
        if (CanReport()) _diagnostics.UnterminatedPlaceholder(new TextSpan(placeholder.Start, 2),
            _text.Substring(placeholder.Start, 2), "'>>>'");
        PopWithZeroLengthCloser();
        _frames.RemoveAt(_frames.Count - 1);
        _pos += 3;
        Emit(outer == FrameKind.HeredocCommand ? TokenKind.CommandEnd : TokenKind.MultilineEnd, start, 3);
        return true;
    }

    private void LexWord(int start)
    {
        while (_pos < _text.Length && IsWordChar(_text[_pos])) _pos++;
        var kind = Keywords.Classify(_text.AsSpan(start, _pos - start));
        bool first = _tokens.Count == 0;
        Emit(kind, start, _pos - start);

        if (kind == TokenKind.CommandKeyword) _afterCommandKeyword = true;
        if (kind == TokenKind.VersionKeyword && first) LexVersionText();
    }

    /// <summary>The version word is not an ordinary token ('1.0' would lex as a float), so it is read raw here.</summary>
    private void LexVersionText()
    {
        while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t')) _pos++;
        int start = _pos;
        while (_pos < _text.Length && !char.IsWhiteSpace(_text[_pos]) && _text[_pos] != '#') _pos++;
        if (_pos == start) return;
        Emit(TokenKind.VersionText, start, _pos - start);
        Version = WdlVersions.Parse(_text.Substring(start, _pos - start)) ?? WdlVersion.V1_2;
    }

    private void LexNumber(int start)
    {
        bool isFloat = false;
        if (_text[_pos] == '0' && (PeekChar(1) == 'x' || PeekChar(1) == 'X'))
        {
            _pos += 2;
            while (_pos < _text.Length && IsHexDigit(_text[_pos])) _pos++;
            Emit(TokenKind.IntLiteral, start, _pos - start);
            return;
        }

        while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
        if (_pos < _text.Length && _text[_pos] == '.')
        {
            isFloat = true;
            _pos++;
            while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
        }
        if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            int digits = _pos + 1;
            if (digits < _text.Length && (_text[digits] == '+' || _text[digits] == '-')) digits++;
            if (digits < _text.Length && IsDigit(_text[digits]))
            {
                isFloat = true;
                _pos = digits;
                while (_pos < _text.Length && IsDigit(_text[_pos])) _pos++;
            }
        }
        Emit(isFloat ? TokenKind.FloatLiteral : TokenKind.IntLiteral, start, _pos - start);
    }

    /// <summary>Consecutive invalid characters become one token and one diagnostic.</summary>
    private void LexBadRun(int start)
    {
        _pos++;
        while (_pos < _text.Length && !StartsToken(_text[_pos])) _pos++;
        int length = _pos - start;
        string shown = length <= 20 ? _text.Substring(start, length) : _text.Substring(start, 20) + "...";
        if (CanReport()) _diagnostics.InvalidCharacter(new TextSpan(start, length), shown);
        Emit(TokenKind.Bad, start, length);
    }

    private static bool StartsToken(char c)
        => char.IsWhiteSpace(c) || IsLetter(c) || IsDigit(c) || c is '"' or '\'' or '{' or '}' or '(' or ')' or '[' or ']'
            or ',' or ':' or '.' or '?' or '=' or '!' or '<' or '>' or '+' or '-' or '*' or '/' or '%' or '#';

    private static bool IsLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool IsWordChar(char c) => IsLetter(c) || IsDigit(c) || c == '_';

    internal static bool IsHexDigit(char c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';
}
