using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Lexer
{
    /// <summary>Lexes text inside a quoted string up to its closing quote, a placeholder, or the end of the line.</summary>
    private void LexStringText()
    {
        var frame = _frames[^1];
        int start = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == frame.Quote)
            {
                EmitText(start);
                Emit(TokenKind.StringEnd, _pos, 1);
                _pos++;
                _frames.RemoveAt(_frames.Count - 1);
                return;
            }
            if (c == '\n' || c == '\r')
            {
                EmitText(start);
                var span = new TextSpan(frame.Start, _pos - frame.Start);
                if (CanReport()) _diagnostics.UnterminatedString(span, frame.Quote);
                Emit(TokenKind.StringEnd, _pos, 0);
                _frames.RemoveAt(_frames.Count - 1);
                return;
            }
            if (c == '\\')
            {
                // The escaped character never ends the string or opens a placeholder; a line break does end it.
                char next = PeekChar(1);
                _pos += next == '\n' || next == '\r' || next == '\0' ? 1 : 2;
                continue;
            }
            if (OpensPlaceholder(c, dollar: true, tilde: TildePlaceholders))
            {
                EmitText(start);
                OpenPlaceholder();
                return;
            }
            _pos++;
        }
        EmitText(start);
    }

    /// <summary>Lexes raw text of a command or multi-line string up to its end or a placeholder.</summary>
    private void LexTemplateText()
    {
        var frame = _frames[^1];
        bool draft2 = Version == WdlVersion.Draft2;
        // Placeholder styles: draft-2 knows only ${}; a heredoc command (1.0+) only ~{}; the rest both.
        bool dollar = draft2 || frame.Kind != FrameKind.HeredocCommand;
        bool tilde = !draft2;
        int start = _pos;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\\')
            {
                _pos = Math.Min(_pos + 2, _text.Length);
                continue;
            }
            if (frame.Kind == FrameKind.BraceCommand)
            {
                if (c == '{')
                {
                    frame.BraceDepth++;
                }
                else if (c == '}')
                {
                    if (frame.BraceDepth == 0)
                    {
                        EmitText(start);
                        Emit(TokenKind.CommandEnd, _pos, 1);
                        _pos++;
                        _frames.RemoveAt(_frames.Count - 1);
                        return;
                    }
                    frame.BraceDepth--;
                }
            }
            else if (c == '>' && PeekChar(1) == '>' && PeekChar(2) == '>')
            {
                EmitText(start);
                Emit(frame.Kind == FrameKind.HeredocCommand ? TokenKind.CommandEnd : TokenKind.MultilineEnd, _pos, 3);
                _pos += 3;
                _frames.RemoveAt(_frames.Count - 1);
                return;
            }
            if (OpensPlaceholder(c, dollar, tilde))
            {
                EmitText(start);
                _frames[^1] = frame;
                OpenPlaceholder();
                return;
            }
            _pos++;
        }
        _frames[^1] = frame;
        EmitText(start);
    }

    private bool OpensPlaceholder(char c, bool dollar, bool tilde)
        => ((c == '~' && tilde) || (c == '$' && dollar)) && PeekChar(1) == '{';

    private void OpenPlaceholder()
    {
        int start = _pos;
        _pos += 2;
        Emit(TokenKind.PlaceholderStart, start, 2);
        Push(FrameKind.Placeholder, start, 2);
    }

    private void EmitText(int start)
    {
        if (_pos > start) Emit(TokenKind.StringText, start, _pos - start);
    }
}
