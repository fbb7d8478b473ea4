using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

/// <summary>
/// The one catalogue of diagnostic codes. Each kind of problem has one method (an extension on
/// <see cref="DiagnosticBag"/>) and one stable code. The catalogue is split across partial files
/// by area; codes are grouped by range:
///   WDL0xx  lexical and syntax errors          (DiagnosticCatalogue.Syntax.cs)
///   WDL1xx  names, declarations, imports        (DiagnosticCatalogue.Names.cs)
///   WDL2xx  types, expressions, stdlib calls    (DiagnosticCatalogue.Types.cs)
///   WDL3xx  calls, workflow graph, sections     (DiagnosticCatalogue.Workflow.cs)
///   WDL4xx  features not in the document's version (DiagnosticCatalogue.Versions.cs)
/// Codes are never reused for a different meaning.
/// </summary>
public static partial class DiagnosticCatalogue
{
    private static void Report(this DiagnosticBag bag, string code, DiagnosticSeverity severity, TextSpan span, string message, string? hint = null)
        => bag.Add(new Diagnostic(code, severity, message, bag.Source, span, hint));

    private static void Error(this DiagnosticBag bag, string code, TextSpan span, string message, string? hint = null)
        => bag.Report(code, DiagnosticSeverity.Error, span, message, hint);

    private static void Warning(this DiagnosticBag bag, string code, TextSpan span, string message, string? hint = null)
        => bag.Report(code, DiagnosticSeverity.Warning, span, message, hint);
}
