namespace Osprey.Wdl.Syntax;

/// <summary>
/// A <c>task</c>. <see cref="Declarations"/> are the private declarations (draft-2: every
/// declaration outside <c>output</c>, bound or not; the binder decides which are inputs).
/// Sections that may appear at most once are nullable; duplicates are reported by the parser.
/// </summary>
public sealed record TaskNode(
    Identifier Name,
    InputSection? Input,
    IReadOnlyList<Declaration> Declarations,
    CommandSection? Command,
    OutputSection? Output,
    KeyValueSection? Runtime,
    KeyValueSection? Requirements,
    KeyValueSection? Hints,
    MetaSection? Meta,
    MetaSection? ParameterMeta,
    TextSpan Span) : SyntaxNode(Span);
