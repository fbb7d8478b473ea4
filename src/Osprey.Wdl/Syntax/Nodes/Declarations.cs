namespace Osprey.Wdl.Syntax;

/// <summary>
/// A type as written: <c>Int</c>, <c>Array[File]+?</c>, <c>Map[String, Int]</c>, <c>Pair[A, B]</c>,
/// <c>Object</c>, or a struct name. <see cref="Name"/> is the keyword or struct name;
/// <see cref="Arguments"/> holds the bracketed type parameters.
/// </summary>
public sealed record TypeSyntax(
    string Name,
    IReadOnlyList<TypeSyntax> Arguments,
    bool IsOptional,
    bool IsNonEmpty,
    TextSpan NameSpan,
    TextSpan Span) : SyntaxNode(Span);

/// <summary>
/// <c>Type name</c> or <c>Type name = expr</c>; <see cref="IsEnv"/> for a 1.2 <c>env</c> declaration.
/// Used for inputs, private declarations, outputs and struct members.
/// </summary>
public sealed record Declaration(
    TypeSyntax Type,
    Identifier Name,
    Expression? Initializer,
    bool IsEnv,
    TextSpan Span) : SyntaxNode(Span);

/// <summary>An <c>input { ... }</c> section (draft-2 has none: its unbound declarations are inputs).</summary>
public sealed record InputSection(IReadOnlyList<Declaration> Declarations, TextSpan Span) : SyntaxNode(Span);

/// <summary>An <c>output { ... }</c> section.</summary>
public sealed record OutputSection(IReadOnlyList<Declaration> Declarations, TextSpan Span) : SyntaxNode(Span);
