namespace Osprey.Wdl.Syntax;

/// <summary>The root of a parsed WDL file.</summary>
public sealed record Document(
    SourceText Source,
    VersionStatement? VersionStatement,
    WdlVersion Version,
    IReadOnlyList<ImportNode> Imports,
    IReadOnlyList<StructNode> Structs,
    IReadOnlyList<TaskNode> Tasks,
    WorkflowNode? Workflow,
    IReadOnlyList<Comment> Comments,
    TextSpan Span) : SyntaxNode(Span);

/// <summary><c>version 1.1</c>. <see cref="Text"/> is what followed the keyword.</summary>
public sealed record VersionStatement(string Text, TextSpan TextSpan, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>import "uri" as ns alias A as B</c>.</summary>
public sealed record ImportNode(
    string Uri,
    TextSpan UriSpan,
    Identifier? Namespace,
    IReadOnlyList<ImportAlias> Aliases,
    TextSpan Span) : SyntaxNode(Span);

/// <summary><c>alias Source as Target</c> inside an import.</summary>
public sealed record ImportAlias(Identifier Source, Identifier Target, TextSpan Span) : SyntaxNode(Span);

/// <summary>
/// <c>struct Name { members }</c>. Members are declarations without initializers (an initializer
/// is parsed so it can be reported). 1.2 allows <c>meta</c>/<c>parameter_meta</c>.
/// </summary>
public sealed record StructNode(
    Identifier Name,
    IReadOnlyList<Declaration> Members,
    MetaSection? Meta,
    MetaSection? ParameterMeta,
    TextSpan Span) : SyntaxNode(Span);
