using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax;

/// <summary>A syntax tree and the lexical, syntax and version diagnostics found while building it.</summary>
public sealed record ParseResult(Document Document, IReadOnlyList<Diagnostic> Diagnostics);
