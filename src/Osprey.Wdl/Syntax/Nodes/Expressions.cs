namespace Osprey.Wdl.Syntax;

/// <summary>Base of all expressions.</summary>
public abstract record Expression(TextSpan Span) : SyntaxNode(Span);

/// <summary>Stands in for an expression that failed to parse, so later stages can go on.</summary>
public sealed record ErrorExpression(TextSpan Span) : Expression(Span);

public sealed record BooleanLiteral(bool Value, TextSpan Span) : Expression(Span);

public sealed record IntLiteral(long Value, TextSpan Span) : Expression(Span);

public sealed record FloatLiteral(double Value, TextSpan Span) : Expression(Span);

/// <summary>The <c>None</c> literal (1.1+).</summary>
public sealed record NoneLiteral(TextSpan Span) : Expression(Span);

/// <summary>
/// A string literal, possibly interpolated: <c>"a ~{b}"</c>, <c>'...'</c>, or a 1.2 multi-line
/// string <c>&lt;&lt;&lt; ... &gt;&gt;&gt;</c>. Text parts have escapes already resolved; for a
/// multi-line string the parts are as written and <see cref="IsMultiline"/> tells the evaluator
/// to apply the spec's line-continuation and indentation stripping.
/// </summary>
public sealed record StringLiteral(IReadOnlyList<StringPart> Parts, bool IsMultiline, TextSpan Span) : Expression(Span)
{
    /// <summary>The value when there are no placeholders, else null.</summary>
    public string? ConstantValue => Parts.All(p => p is StringText)
        ? string.Concat(Parts.Select(p => ((StringText)p).Text))
        : null;
}

/// <summary>A piece of a string or command: literal text or a placeholder.</summary>
public abstract record StringPart(TextSpan Span) : SyntaxNode(Span);

public sealed record StringText(string Text, TextSpan Span) : StringPart(Span);

/// <summary>
/// <c>~{expr}</c> or <c>${expr}</c>, with options such as <c>sep=", "</c>, <c>true="y" false="n"</c>,
/// <c>default="x"</c> before the expression.
/// </summary>
public sealed record Placeholder(bool IsTilde, IReadOnlyList<PlaceholderOption> Options, Expression Expression, TextSpan Span) : StringPart(Span);

/// <summary><c>name=value</c> in a placeholder; <see cref="Name"/> is sep, true, false or default.</summary>
public sealed record PlaceholderOption(Identifier Name, Expression Value, TextSpan Span) : SyntaxNode(Span);

/// <summary>A bare name: a declaration, call, or scatter variable.</summary>
public sealed record NameExpression(Identifier Name) : Expression(Name.Span);

/// <summary><c>target.member</c>: call output, struct member, pair <c>left</c>/<c>right</c>, object member.</summary>
public sealed record MemberAccessExpression(Expression Target, Identifier Member, TextSpan Span) : Expression(Span);

/// <summary><c>target[index]</c>.</summary>
public sealed record IndexExpression(Expression Target, Expression Index, TextSpan Span) : Expression(Span);

/// <summary>A standard-library function call <c>name(args)</c>.</summary>
public sealed record CallExpression(Identifier Function, IReadOnlyList<Expression> Arguments, TextSpan Span) : Expression(Span);

public enum UnaryOperator
{
    Not,
    Negate,
    Plus,
}

public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, TextSpan OperatorSpan, TextSpan Span) : Expression(Span);

public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    /// <summary><c>**</c>, WDL 1.2.</summary>
    Power,
}

public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, TextSpan OperatorSpan, TextSpan Span) : Expression(Span);

/// <summary><c>if c then a else b</c>.</summary>
public sealed record IfExpression(Expression Condition, Expression Then, Expression Else, TextSpan Span) : Expression(Span);

/// <summary>A parenthesized expression, kept so spans and the source shape are exact.</summary>
public sealed record ParenthesizedExpression(Expression Inner, TextSpan Span) : Expression(Span);

public sealed record ArrayLiteral(IReadOnlyList<Expression> Items, TextSpan Span) : Expression(Span);

public sealed record MapLiteral(IReadOnlyList<MapEntry> Entries, TextSpan Span) : Expression(Span);

public sealed record MapEntry(Expression Key, Expression Value, TextSpan Span) : SyntaxNode(Span);

public sealed record PairLiteral(Expression Left, Expression Right, TextSpan Span) : Expression(Span);

/// <summary><c>object { a: 1 }</c>.</summary>
public sealed record ObjectLiteral(IReadOnlyList<MemberEntry> Members, TextSpan Span) : Expression(Span);

/// <summary><c>StructName { a: 1 }</c> (1.1+).</summary>
public sealed record StructLiteral(Identifier TypeName, IReadOnlyList<MemberEntry> Members, TextSpan Span) : Expression(Span);

/// <summary>
/// A 1.2 hints-scoped literal inside a <c>hints</c> section: <c>hints { ... }</c>,
/// <c>input { ... }</c> or <c>output { ... }</c>. Keys of input/output literals may be dotted
/// (<c>a.b</c>); <see cref="MemberEntry.Key"/> then holds the dotted text.
/// </summary>
public sealed record HintsLiteral(string Kind, IReadOnlyList<MemberEntry> Members, TextSpan Span) : Expression(Span);

/// <summary><c>key: value</c> in an object, struct or hints literal.</summary>
public sealed record MemberEntry(Identifier Key, Expression Value, TextSpan Span) : SyntaxNode(Span);
