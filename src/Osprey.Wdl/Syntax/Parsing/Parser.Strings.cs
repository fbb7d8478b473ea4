using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Parser
{
    private StringLiteral ParseStringLiteral()
    {
        var open = Consume();
        var parts = new List<StringPart>();
        while (true)
        {
            var token = Current;
            if (token.Kind == TokenKind.StringText)
            {
                Consume();
                parts.Add(new StringText(DecodeEscapes(token), token.Span));
            }
            else if (token.Kind == TokenKind.PlaceholderStart)
            {
                parts.Add(ParsePlaceholder());
            }
            else
            {
                // The lexer closes every string, so this is its StringEnd (possibly zero-length).
                TryConsume(TokenKind.StringEnd);
                break;
            }
        }
        return new StringLiteral(parts, IsMultiline: false, SpanFrom(open.Start));
    }

    /// <summary>A 1.2 <c>&lt;&lt;&lt; ... &gt;&gt;&gt;</c> string: parts stay as written for the evaluator to strip.</summary>
    private StringLiteral ParseMultilineString()
    {
        var open = Consume();
        var parts = ParseTemplateParts(TokenKind.MultilineEnd);
        return new StringLiteral(parts, IsMultiline: true, SpanFrom(open.Start));
    }

    private CommandSection? ParseCommand()
    {
        var keyword = Consume();
        if (!At(TokenKind.CommandStart))
        {
            ReportUnexpected("'{' or '<<<' to open the command");
            return null;
        }
        var open = Consume();
        var parts = ParseTemplateParts(TokenKind.CommandEnd);
        return new CommandSection(open.Length == 3, parts, SpanFrom(keyword.Start));
    }

    /// <summary>Raw text and placeholders up to and including <paramref name="end"/>.</summary>
    private List<StringPart> ParseTemplateParts(TokenKind end)
    {
        var parts = new List<StringPart>();
        while (true)
        {
            var token = Current;
            if (token.Kind == TokenKind.StringText)
            {
                Consume();
                parts.Add(new StringText(Text(token), token.Span));
            }
            else if (token.Kind == TokenKind.PlaceholderStart)
            {
                parts.Add(ParsePlaceholder());
            }
            else
            {
                TryConsume(end);
                return parts;
            }
        }
    }

    private Placeholder ParsePlaceholder()
    {
        var open = Current;
        int openIndex = _pos;
        bool tilde = _text[open.Start] == '~';
        if (!EnterNesting())
        {
            var skipped = ErrorFrom(openIndex);
            return new Placeholder(tilde, Array.Empty<PlaceholderOption>(), skipped, skipped.Span);
        }
        try
        {
            Consume();
            var options = new List<PlaceholderOption>();
            while (StartsPlaceholderOption()) options.Add(ParsePlaceholderOption());

            var expression = ParseExpression();
            if (!At(TokenKind.PlaceholderEnd))
            {
                ReportUnexpected("'}' to close the placeholder");
                SkipToPlaceholderEnd();
            }
            TryConsume(TokenKind.PlaceholderEnd);
            return new Placeholder(tilde, options, expression, SpanFrom(open.Start));
        }
        finally
        {
            ExitNesting();
        }
    }

    /// <summary>Placeholders are balanced by the lexer, so counting them alone finds the matching end.</summary>
    private void SkipToPlaceholderEnd()
    {
        int depth = 0;
        while (!AtEnd)
        {
            var kind = Kind;
            if (kind == TokenKind.PlaceholderStart) depth++;
            else if (kind == TokenKind.PlaceholderEnd && depth-- == 0) return;
            Skip();
        }
    }

    private bool StartsPlaceholderOption()
        => Kind is TokenKind.Identifier or TokenKind.TrueKeyword or TokenKind.FalseKeyword
            && Peek(1).Kind == TokenKind.Equals;

    private PlaceholderOption ParsePlaceholderOption()
    {
        var nameToken = Consume();
        var name = new Identifier(Text(nameToken), nameToken.Span);
        if (name.Name is not ("sep" or "true" or "false" or "default"))
        {
            if (Standalone()) _diagnostics.UnknownPlaceholderOption(name.Span, name.Name);
        }
        Consume();
        // Option values are literals: no postfix, so "sep=' ' [a, b]" does not index the separator.
        Expression value;
        if (At(TokenKind.Minus))
        {
            var minus = Consume();
            var operand = ParsePrimary();
            value = new UnaryExpression(UnaryOperator.Negate, operand, minus.Span, TextSpan.FromBounds(minus.Start, Math.Max(minus.End, operand.Span.End)));
        }
        else
        {
            value = ParsePrimary();
        }
        return new PlaceholderOption(name, value, TextSpan.FromBounds(nameToken.Start, Math.Max(nameToken.End, value.Span.End)));
    }
}
