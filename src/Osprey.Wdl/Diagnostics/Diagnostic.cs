using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found in a document. Diagnostics are data: created only through
/// <see cref="DiagnosticCatalogue"/> so that every kind of problem has one stable code.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceText Source, TextSpan Span, string? Hint = null)
{
    public (int Line, int Column) Start => Source.GetLineColumn(Span.Start);

    public (int Line, int Column) End => Source.GetLineColumn(Span.End);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public Diagnostic AsError() => this with { Severity = DiagnosticSeverity.Error };
}
