using System.Globalization;
using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

/// <summary>Compound and numeric literals, and the keys of member lists.</summary>
internal sealed partial class Parser
{
    private Expression ParseArrayLiteral()
    {
        int start = Consume().Start;
        var items = new List<Expression>();
        if (!At(TokenKind.RightBracket))
        {
            do
            {
                items.Add(ParseExpression());
            }
            while (ListSeparator(TokenKind.RightBracket, "']' to close the array"));
        }
        CloseList(TokenKind.RightBracket, "']' to close the array");
        return new ArrayLiteral(items, SpanFrom(start));
    }

    private Expression ParseMapLiteral()
    {
        int start = Consume().Start;
        var entries = new List<MapEntry>();
        if (!At(TokenKind.RightBrace))
        {
            do
            {
                var key = ParseExpression();
                Expression value;
                if (TryConsume(TokenKind.Colon))
                {
                    value = ParseExpression();
                }
                else
                {
                    ReportUnexpected("':' between a map key and its value");
                    value = Missing();
                }
                entries.Add(new MapEntry(key, value, key.Span.Cover(value.Span)));
            }
            while (ListSeparator(TokenKind.RightBrace, "'}' to close the map"));
        }
        CloseList(TokenKind.RightBrace, "'}' to close the map");
        return new MapLiteral(entries, SpanFrom(start));
    }

    /// <summary><c>(x)</c> is grouping, <c>(a, b)</c> a pair; anything else is reported.</summary>
    private Expression ParseParenthesized()
    {
        var open = Consume();
        var items = new List<Expression>(2);
        if (!At(TokenKind.RightParen))
        {
            do
            {
                items.Add(ParseExpression());
            }
            while (ListSeparator(TokenKind.RightParen, "')'"));
        }
        bool trailingComma = _pos > 0 && _tokens[_pos - 1].Kind == TokenKind.Comma;
        CloseList(TokenKind.RightParen, "')'");
        var span = SpanFrom(open.Start);
        if (items.Count == 1 && !trailingComma) return new ParenthesizedExpression(items[0], span);
        if (items.Count == 2) return new PairLiteral(items[0], items[1], span);

        int count = items.Count;
        if (Standalone()) _diagnostics.InvalidTuple(span, count);
        return new ErrorExpression(span);
    }

    private Expression ParseIfExpression()
    {
        int start = Consume().Start;
        var condition = ParseExpression();
        Expression then;
        Expression otherwise;
        if (Expect(TokenKind.ThenKeyword, "'then' after the condition of 'if'"))
        {
            then = ParseExpression();
        }
        else
        {
            then = Missing();
        }
        if (Expect(TokenKind.ElseKeyword, "'else' in 'if ... then ... else ...'"))
        {
            otherwise = ParseExpression();
        }
        else
        {
            otherwise = Missing();
        }
        return new IfExpression(condition, then, otherwise, SpanFrom(start));
    }

    private Expression ParseHintsLiteral()
    {
        var keyword = Consume();
        string kind = Keywords.KeywordText(keyword.Kind);
        if (!_inHintsSection && Standalone()) _diagnostics.HintsLiteralOutsideHints(keyword.Span, kind);
        var members = ParseMemberEntries(dottedKeys: keyword.Kind != TokenKind.HintsKeyword);
        return new HintsLiteral(kind, members, SpanFrom(keyword.Start));
    }

    /// <summary><c>{ key: value, ... }</c> of object, struct and hints literals; input/output hints may use dotted keys.</summary>
    private List<MemberEntry> ParseMemberEntries(bool dottedKeys)
    {
        Consume();
        var members = new List<MemberEntry>();
        while (!At(TokenKind.RightBrace) && !AtEnd)
        {
            var key = ParseMemberKey(dottedKeys);
            if (key is null)
            {
                SkipToListEnd(TokenKind.RightBrace);
                if (TryConsume(TokenKind.Comma)) continue;
                break;
            }
            Expression value;
            if (TryConsume(TokenKind.Colon))
            {
                value = ParseExpression();
            }
            else
            {
                ReportUnexpected($"':' after member '{key.Name}'");
                value = Missing();
            }
            members.Add(new MemberEntry(key, value, TextSpan.FromBounds(key.Span.Start, Math.Max(key.Span.End, value.Span.End))));
            if (!ListSeparator(TokenKind.RightBrace, "'}'")) break;
        }
        CloseList(TokenKind.RightBrace, "'}'");
        return members;
    }

    /// <summary>
    /// A member name in an object, struct, hints or metadata object literal. The spec's own examples
    /// sometimes quote member names, so a plain quoted name is accepted with a warning.
    /// </summary>
    private Identifier? ParseMemberKey(bool dotted)
    {
        if (!At(TokenKind.StringStart)) return ParseKey(dotted);
        var literal = ParseStringLiteral();
        if (literal.ConstantValue is not { Length: > 0 } name)
        {
            if (CanReport(literal.Span.Start)) _diagnostics.UnexpectedToken(literal.Span, "a member name", "a string with placeholders");
            return null;
        }
        if (Standalone()) _diagnostics.QuotedMemberName(literal.Span, name);
        return new Identifier(name, literal.Span);
    }

    /// <summary>A key in a section, object, struct or hints literal. Keywords are accepted: keys are not declarations.</summary>
    private Identifier? ParseKey(bool dotted = false)
    {
        var token = Current;
        if (token.Kind != TokenKind.Identifier && !Keywords.IsKeyword(token.Kind))
        {
            ReportUnexpected("a key name");
            return null;
        }
        Consume();
        if (!dotted || !At(TokenKind.Dot)) return new Identifier(Text(token), token.Span);

        while (At(TokenKind.Dot) && (Peek(1).Kind == TokenKind.Identifier || Keywords.IsKeyword(Peek(1).Kind)))
        {
            Consume();
            Consume();
        }
        var span = SpanFrom(token.Start);
        return new Identifier(Text(span), span);
    }

    private long ParseIntValue(Token token)
    {
        var text = _text.AsSpan(token.Start, token.Length);
        int radix = 10;
        var digits = text;
        if (text.Length > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            radix = 16;
            digits = text.Slice(2);
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            radix = 8;
            digits = text.Slice(1);
        }

        if (digits.IsEmpty) return InvalidInt(token, "a hexadecimal number needs at least one digit after '0x'");
        ulong value = 0;
        foreach (char c in digits)
        {
            int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            if (digit >= radix) return InvalidInt(token, $"'{c}' is not an octal digit (a leading 0 makes the number octal)");
            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix) return InvalidInt(token, "it does not fit in a 64-bit Int");
            value = value * (ulong)radix + (ulong)digit;
        }
        if (value > long.MaxValue) return InvalidInt(token, "it does not fit in a 64-bit Int");
        return (long)value;
    }

    private long InvalidInt(Token token, string reason)
    {
        string text = Text(token);
        if (Standalone()) _diagnostics.InvalidNumber(token.Span, text, reason);
        return 0;
    }

    private double ParseFloatValue(Token token)
    {
        string text = Text(token);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            return value;
        }
        if (Standalone()) _diagnostics.InvalidNumber(token.Span, text, "it is outside the range of a 64-bit Float");
        return 0;
    }
}
