using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Parser
{
    private Expression ParseExpression()
    {
        int start = _pos;
        if (!EnterNesting()) return ErrorFrom(start);
        try
        {
            return ParseBinary(1);
        }
        finally
        {
            ExitNesting();
        }
    }

    /// <summary>An error node covering the tokens skipped since token index <paramref name="startIndex"/>, or empty where the parser stands.</summary>
    private ErrorExpression ErrorFrom(int startIndex)
    {
        if (_pos == startIndex) return Missing();
        return new ErrorExpression(TextSpan.FromBounds(_tokens[startIndex].Start, _tokens[_pos - 1].End));
    }

    /// <summary>Stands in for an expression that is missing: empty, right after the last token read, so it stays inside its parent.</summary>
    private ErrorExpression Missing() => new(Here);

    /// <summary>Binding strength of binary operators, from the spec's precedence table (higher binds tighter).</summary>
    private static int BinaryPrecedence(TokenKind kind) => kind switch
    {
        TokenKind.PipePipe => 1,
        TokenKind.AmpAmp => 2,
        TokenKind.EqualEqual or TokenKind.BangEqual => 3,
        TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual => 4,
        TokenKind.Plus or TokenKind.Minus => 5,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => 6,
        TokenKind.StarStar => 7,
        _ => 0,
    };

    private static BinaryOperator ToBinaryOperator(TokenKind kind) => kind switch
    {
        TokenKind.PipePipe => BinaryOperator.Or,
        TokenKind.AmpAmp => BinaryOperator.And,
        TokenKind.EqualEqual => BinaryOperator.Equal,
        TokenKind.BangEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterEqual => BinaryOperator.GreaterOrEqual,
        TokenKind.Plus => BinaryOperator.Add,
        TokenKind.Minus => BinaryOperator.Subtract,
        TokenKind.Star => BinaryOperator.Multiply,
        TokenKind.Slash => BinaryOperator.Divide,
        TokenKind.Percent => BinaryOperator.Remainder,
        _ => BinaryOperator.Power,
    };

    /// <summary>
    /// Precedence climbing. Every binary operator is left-associative (the 1.2 table lists '**' as
    /// left-to-right too), so the right operand is parsed one level tighter; recursion depth is
    /// bounded by the number of levels, not by the length of the chain.
    /// </summary>
    private Expression ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        while (true)
        {
            int precedence = BinaryPrecedence(Kind);
            if (precedence == 0 || precedence < minPrecedence) return left;
            var op = Consume();
            if (op.Kind == TokenKind.StarStar && Below(WdlVersion.V1_2))
            {
                if (Standalone()) _diagnostics.ExponentiationRequiresV12(op.Span, _version);
            }
            var right = ParseBinary(precedence + 1);
            left = new BinaryExpression(ToBinaryOperator(op.Kind), left, right, op.Span, left.Span.Cover(right.Span));
        }
    }

    private Expression ParseUnary()
    {
        var kind = Kind;
        if (kind is not (TokenKind.Bang or TokenKind.Minus or TokenKind.Plus)) return ParsePostfix();

        int start = _pos;
        if (!EnterNesting()) return ErrorFrom(start);
        try
        {
            var op = Consume();
            var operand = ParseUnary();
            var unary = kind switch
            {
                TokenKind.Bang => UnaryOperator.Not,
                TokenKind.Minus => UnaryOperator.Negate,
                _ => UnaryOperator.Plus,
            };
            return new UnaryExpression(unary, operand, op.Span, TextSpan.FromBounds(op.Start, Math.Max(op.End, operand.Span.End)));
        }
        finally
        {
            ExitNesting();
        }
    }

    private Expression ParsePostfix()
    {
        var expression = ParsePrimary();
        while (true)
        {
            switch (Kind)
            {
                case TokenKind.Dot:
                    Consume();
                    var member = ExpectMemberName();
                    if (member is null) return expression;
                    expression = new MemberAccessExpression(expression, member, TextSpan.FromBounds(expression.Span.Start, member.Span.End));
                    break;
                case TokenKind.LeftBracket:
                    Consume();
                    var index = ParseExpression();
                    CloseList(TokenKind.RightBracket, "']' to close the index");
                    expression = new IndexExpression(expression, index, SpanFrom(expression.Span.Start));
                    break;
                case TokenKind.LeftParen:
                    expression = ParseCall(expression);
                    break;
                default:
                    return expression;
            }
        }
    }

    private Expression ParseCall(Expression callee)
    {
        var open = Consume();
        var arguments = new List<Expression>();
        if (!At(TokenKind.RightParen))
        {
            do
            {
                arguments.Add(ParseExpression());
            }
            while (ListSeparator(TokenKind.RightParen, "')' to close the argument list"));
        }
        CloseList(TokenKind.RightParen, "')' to close the argument list");
        var span = SpanFrom(callee.Span.Start);
        if (callee is NameExpression name) return new CallExpression(name.Name, arguments, span);

        if (Standalone()) _diagnostics.CallOnNonName(open.Span);
        return new ErrorExpression(span);
    }

    private Identifier? ExpectMemberName()
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier || Keywords.IsKeyword(token.Kind))
        {
            Consume();
            return new Identifier(Text(token), token.Span);
        }
        ReportUnexpected("a member name after '.'");
        return null;
    }

    /// <summary>
    /// After a list item: consumes a separator and says whether another item follows (a trailing
    /// comma before the closer is allowed). On anything else it reports and skips to the list's end.
    /// </summary>
    private bool ListSeparator(TokenKind closer, string closerDescription)
    {
        if (TryConsume(TokenKind.Comma)) return !At(closer);
        if (At(closer)) return false;
        ReportUnexpected($"',' or {closerDescription}");
        SkipToListEnd(closer);
        if (TryConsume(TokenKind.Comma)) return !At(closer);
        return false;
    }

    private void CloseList(TokenKind closer, string description)
    {
        if (!TryConsume(closer)) ReportUnexpected(description);
    }

    private Expression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.IntLiteral:
                Consume();
                return new IntLiteral(ParseIntValue(token), token.Span);
            case TokenKind.FloatLiteral:
                Consume();
                return new FloatLiteral(ParseFloatValue(token), token.Span);
            case TokenKind.TrueKeyword:
            case TokenKind.FalseKeyword:
                Consume();
                return new BooleanLiteral(token.Kind == TokenKind.TrueKeyword, token.Span);
            case TokenKind.NoneKeyword:
                Consume();
                if (Below(WdlVersion.V1_1) && Standalone()) _diagnostics.NoneLiteralRequiresV11(token.Span, _version);
                return new NoneLiteral(token.Span);
            case TokenKind.StringStart:
                return ParseStringLiteral();
            case TokenKind.MultilineStart:
                if (Below(WdlVersion.V1_2) && Standalone()) _diagnostics.MultilineStringRequiresV12(token.Span, _version);
                return ParseMultilineString();
            case TokenKind.LeftBracket:
                return ParseArrayLiteral();
            case TokenKind.LeftBrace:
                return ParseMapLiteral();
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.IfKeyword:
                return ParseIfExpression();
            case TokenKind.ObjectKeyword when Peek(1).Kind == TokenKind.LeftBrace:
                if (Below(WdlVersion.V1_0) && Standalone()) _diagnostics.ObjectLiteralRequiresV10(token.Span, _version);
                Consume();
                return new ObjectLiteral(ParseMemberEntries(dottedKeys: false), SpanFrom(token.Start));
            case TokenKind.HintsKeyword or TokenKind.InputKeyword or TokenKind.OutputKeyword when Peek(1).Kind == TokenKind.LeftBrace:
                return ParseHintsLiteral();
            case TokenKind.Identifier when Peek(1).Kind == TokenKind.LeftBrace:
                Consume();
                if (Below(WdlVersion.V1_1) && Standalone()) _diagnostics.StructLiteralRequiresV11(token.Span, _version);
                var typeName = new Identifier(Text(token), token.Span);
                return new StructLiteral(typeName, ParseMemberEntries(dottedKeys: false), SpanFrom(token.Start));
            case TokenKind.Identifier:
            case TokenKind.TaskKeyword when Peek(1).Kind == TokenKind.Dot:
                // 'task' is also the 1.2 runtime variable (task.name, task.return_code); the binder scopes it.
                Consume();
                return new NameExpression(new Identifier(Text(token), token.Span));
        }

        if (IsUnreservedInVersion(token.Kind))
        {
            Consume();
            return new NameExpression(new Identifier(Text(token), token.Span));
        }
        ReportUnexpected("an expression");
        return Missing();
    }
}
