namespace Osprey.Wdl.Syntax;

/// <summary>
/// <c>runtime { k: expr }</c>, <c>requirements { ... }</c> or <c>hints { ... }</c>:
/// key/expression pairs. <see cref="Keyword"/> says which.
/// </summary>
public sealed record KeyValueSection(string Keyword, IReadOnlyList<KeyValueEntry> Entries, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>key: expr</c>.</summary>
public sealed record KeyValueEntry(Identifier Key, Expression Value, TextSpan Span) : SyntaxNode(Span);

/// <summary><c>meta { ... }</c> or <c>parameter_meta { ... }</c>.</summary>
public sealed record MetaSection(string Keyword, IReadOnlyList<MetaEntry> Entries, TextSpan Span) : SyntaxNode(Span);

public sealed record MetaEntry(Identifier Key, MetaValue Value, TextSpan Span) : SyntaxNode(Span);

/// <summary>A metadata value: JSON-like, no expressions.</summary>
public abstract record MetaValue(TextSpan Span) : SyntaxNode(Span);

public sealed record MetaNull(TextSpan Span) : MetaValue(Span);

public sealed record MetaBool(bool Value, TextSpan Span) : MetaValue(Span);

public sealed record MetaInt(long Value, TextSpan Span) : MetaValue(Span);

public sealed record MetaFloat(double Value, TextSpan Span) : MetaValue(Span);

/// <summary>A string in metadata: no placeholders allowed; <see cref="Value"/> has escapes resolved.</summary>
public sealed record MetaString(string Value, TextSpan Span) : MetaValue(Span);

public sealed record MetaArray(IReadOnlyList<MetaValue> Items, TextSpan Span) : MetaValue(Span);

public sealed record MetaObject(IReadOnlyList<MetaEntry> Entries, TextSpan Span) : MetaValue(Span);

/// <summary>
/// A task's command: <c>command { ... }</c> or <c>command &lt;&lt;&lt; ... &gt;&gt;&gt;</c>.
/// <see cref="Parts"/> alternate literal text and placeholders in source order; the text is raw
/// (no escape processing, no whitespace stripping: that is the engine's job at render time).
/// </summary>
public sealed record CommandSection(bool IsHeredoc, IReadOnlyList<StringPart> Parts, TextSpan Span) : SyntaxNode(Span);
