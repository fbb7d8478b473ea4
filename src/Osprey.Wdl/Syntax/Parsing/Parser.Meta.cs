using System.Text;
using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

/// <summary>meta and parameter_meta sections: JSON-like values, never expressions.</summary>
internal sealed partial class Parser
{
    private MetaSection ParseMetaSection()
    {
        var keyword = Consume();
        string name = Keywords.KeywordText(keyword.Kind);
        var entries = new List<MetaEntry>();
        if (Expect(TokenKind.LeftBrace, $"'{{' to open the {name} section"))
        {
            while (true)
            {
                if (TryConsume(TokenKind.RightBrace)) break;
                if (AtEnd || AtTopLevelKeyword || (Current.NewlineBefore && Keywords.IsSectionKeyword(Kind) && Peek(1).Kind != TokenKind.Colon))
                {
                    ReportUnexpected($"'}}' to close the {name} section");
                    break;
                }
                int before = _pos;
                var key = ParseKey();
                if (key is not null && ExpectKeySeparator(key))
                {
                    var value = ParseMetaValue();
                    entries.Add(new MetaEntry(key, value, TextSpan.FromBounds(key.Span.Start, Math.Max(key.Span.End, value.Span.End))));
                }
                else
                {
                    SkipToSectionEntry();
                }
                if (_pos == before) Skip();
            }
        }
        return new MetaSection(name, entries, SpanFrom(keyword.Start));
    }

    private MetaValue ParseMetaValue()
    {
        var token = Current;
        int startIndex = _pos;
        if (!EnterNesting()) return new MetaNull(ErrorFrom(startIndex).Span);
        try
        {
            switch (token.Kind)
            {
                case TokenKind.Identifier when token.Length == 4 && string.CompareOrdinal(_text, token.Start, "null", 0, 4) == 0:
                    Consume();
                    return new MetaNull(token.Span);
                case TokenKind.TrueKeyword:
                case TokenKind.FalseKeyword:
                    Consume();
                    return new MetaBool(token.Kind == TokenKind.TrueKeyword, token.Span);
                case TokenKind.IntLiteral:
                    Consume();
                    return new MetaInt(ParseIntValue(token), token.Span);
                case TokenKind.FloatLiteral:
                    Consume();
                    return new MetaFloat(ParseFloatValue(token), token.Span);
                case TokenKind.Minus or TokenKind.Plus when Peek(1).Kind is TokenKind.IntLiteral or TokenKind.FloatLiteral:
                    return ParseSignedMetaNumber();
                case TokenKind.StringStart:
                case TokenKind.MultilineStart:
                    return ParseMetaString();
                case TokenKind.LeftBracket:
                    return ParseMetaArray();
                case TokenKind.LeftBrace:
                    return ParseMetaObject();
                default:
                    ReportUnexpected("a metadata value (string, number, true, false, null, array or object)");
                    return new MetaNull(Here);
            }
        }
        finally
        {
            ExitNesting();
        }
    }

    private MetaValue ParseSignedMetaNumber()
    {
        var sign = Consume();
        var number = Consume();
        var span = TextSpan.FromBounds(sign.Start, number.End);
        bool negative = sign.Kind == TokenKind.Minus;
        if (number.Kind == TokenKind.FloatLiteral)
        {
            double value = ParseFloatValue(number);
            return new MetaFloat(negative ? -value : value, span);
        }
        long magnitude = ParseIntValue(number);
        return new MetaInt(negative ? -magnitude : magnitude, span);
    }

    /// <summary>Metadata strings are plain text: a placeholder is kept verbatim (and warned about).</summary>
    private MetaString ParseMetaString()
    {
        var open = Consume();
        var closer = open.Kind == TokenKind.StringStart ? TokenKind.StringEnd : TokenKind.MultilineEnd;
        var builder = new StringBuilder();
        while (true)
        {
            var token = Current;
            if (token.Kind == TokenKind.StringText)
            {
                Consume();
                builder.Append(closer == TokenKind.StringEnd ? DecodeEscapes(token) : Text(token));
            }
            else if (token.Kind == TokenKind.PlaceholderStart)
            {
                int start = token.Start;
                Skip();
                SkipToPlaceholderEnd();
                int end = At(TokenKind.PlaceholderEnd) ? Current.End : Current.Start;
                TryConsume(TokenKind.PlaceholderEnd);
                var span = TextSpan.FromBounds(start, end);
                builder.Append(_text, span.Start, span.Length);
                if (Standalone()) _diagnostics.PlaceholderInMetadata(span);
            }
            else
            {
                TryConsume(closer);
                break;
            }
        }
        return new MetaString(builder.ToString(), SpanFrom(open.Start));
    }

    private MetaArray ParseMetaArray()
    {
        int start = Consume().Start;
        var items = new List<MetaValue>();
        if (!At(TokenKind.RightBracket))
        {
            do
            {
                items.Add(ParseMetaValue());
            }
            while (ListSeparator(TokenKind.RightBracket, "']' to close the array"));
        }
        CloseList(TokenKind.RightBracket, "']' to close the array");
        return new MetaArray(items, SpanFrom(start));
    }

    private MetaObject ParseMetaObject()
    {
        int start = Consume().Start;
        var entries = new List<MetaEntry>();
        while (!At(TokenKind.RightBrace) && !AtEnd)
        {
            var key = ParseMemberKey(dotted: false);
            if (key is null || !ExpectKeySeparator(key))
            {
                SkipToListEnd(TokenKind.RightBrace);
                if (TryConsume(TokenKind.Comma)) continue;
                break;
            }
            var value = ParseMetaValue();
            entries.Add(new MetaEntry(key, value, TextSpan.FromBounds(key.Span.Start, Math.Max(key.Span.End, value.Span.End))));
            if (!ListSeparator(TokenKind.RightBrace, "'}' to close the object")) break;
        }
        CloseList(TokenKind.RightBrace, "'}' to close the object");
        return new MetaObject(entries, SpanFrom(start));
    }
}
