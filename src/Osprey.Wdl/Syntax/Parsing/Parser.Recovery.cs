namespace Osprey.Wdl.Syntax.Parsing;

/// <summary>Skipping after a syntax error: where to stop so the next construct parses normally.</summary>
internal sealed partial class Parser
{
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
