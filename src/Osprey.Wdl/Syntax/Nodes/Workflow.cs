namespace Osprey.Wdl.Syntax;

/// <summary>A <c>workflow</c>. <see cref="Body"/> holds declarations, calls, scatters and conditionals in order.</summary>
public sealed record WorkflowNode(
    Identifier Name,
    InputSection? Input,
    IReadOnlyList<WorkflowElement> Body,
    OutputSection? Output,
    MetaSection? Meta,
    MetaSection? ParameterMeta,
    KeyValueSection? Hints,
    TextSpan Span) : SyntaxNode(Span);

/// <summary>An element of a workflow body (or of a scatter/conditional body).</summary>
public abstract record WorkflowElement(TextSpan Span) : SyntaxNode(Span);

/// <summary>A private declaration in a workflow body (draft-2: may also be an input when unbound).</summary>
public sealed record DeclarationElement(Declaration Declaration) : WorkflowElement(Declaration.Span);

/// <summary>
/// <c>call ns.task as alias after a after b { input: x = 1, y }</c>.
/// <see cref="Target"/> holds the dotted name parts. <see cref="HasBody"/> is true when braces were written.
/// An input written alone (<c>{ y }</c>) has a null <see cref="CallInput.Value"/>.
/// </summary>
public sealed record CallNode(
    IReadOnlyList<Identifier> Target,
    Identifier? Alias,
    IReadOnlyList<Identifier> After,
    IReadOnlyList<CallInput> Inputs,
    bool HasBody,
    bool HasInputKeyword,
    TextSpan Span) : WorkflowElement(Span)
{
    public string TargetName => string.Join('.', Target.Select(t => t.Name));

    /// <summary>The name this call is known by: the alias, else the last part of the target.</summary>
    public Identifier CallName => Alias ?? Target[^1];
}

public sealed record CallInput(Identifier Name, Expression? Value, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>scatter (x in expr) { ... }</c>.</summary>
public sealed record ScatterNode(Identifier Variable, Expression Collection, IReadOnlyList<WorkflowElement> Body, TextSpan Span) : WorkflowElement(Span);

/// <summary><c>if (expr) { ... }</c>.</summary>
public sealed record ConditionalNode(Expression Condition, IReadOnlyList<WorkflowElement> Body, TextSpan Span) : WorkflowElement(Span);
