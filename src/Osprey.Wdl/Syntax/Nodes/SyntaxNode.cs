namespace Osprey.Wdl.Syntax;

/// <summary>
/// Base of every syntax tree node. Nodes are immutable and carry the span of source they cover.
/// Semantic information is kept beside the tree (keyed by node identity, with
/// <see cref="ReferenceEqualityComparer"/>), never inside it.
/// </summary>
public abstract record SyntaxNode(TextSpan Span);

/// <summary>A name as written, with its span.</summary>
public sealed record Identifier(string Name, TextSpan Span) : SyntaxNode(Span)
{
    public override string ToString() => Name;
}

/// <summary>A comment (from <c>#</c> to end of line), kept as trivia on the document.</summary>
public sealed record Comment(string Text, TextSpan Span) : SyntaxNode(Span);
