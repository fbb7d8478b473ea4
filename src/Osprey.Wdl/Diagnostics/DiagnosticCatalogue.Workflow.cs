using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

public static partial class DiagnosticCatalogue
{
    public const string UnknownCallTarget = "WDL301";
    public const string UnknownCallInput = "WDL302";
    public const string MissingCallInput = "WDL303";
    public const string DuplicateCallInput = "WDL304";
    public const string UnknownAfterCall = "WDL305";
    public const string DependencyCycle = "WDL306";
    public const string NoSuchCallOutput = "WDL307";
    public const string MissingCommand = "WDL308";
    public const string CallsOwnWorkflow = "WDL309";
    public const string NoWorkflowOrTask = "WDL310";

    public static void ReportUnknownCallTarget(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownCallTarget, span, $"no task or workflow named '{name}'");

    public static void ReportUnknownCallInput(this DiagnosticBag bag, TextSpan span, string callee, string input, string? hint)
        => bag.Error(UnknownCallInput, span, $"'{callee}' has no input named '{input}'", hint);

    public static void ReportMissingCallInput(this DiagnosticBag bag, TextSpan span, string call, string input, string type, bool strict)
        => bag.Report(MissingCallInput, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"call '{call}' does not set required input '{input}' ({type})",
            strict ? null : $"it must then be given at run time as '<workflow>.{call}.{input}'; an error with --strict");

    public static void ReportDuplicateCallInput(this DiagnosticBag bag, TextSpan span, string input)
        => bag.Error(DuplicateCallInput, span, $"input '{input}' is set more than once");

    public static void ReportUnknownAfterCall(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownAfterCall, span, $"'after {name}' names no call in this workflow");

    public static void ReportDependencyCycle(this DiagnosticBag bag, TextSpan span, string chain)
        => bag.Error(DependencyCycle, span, $"circular dependency: {chain}");

    public static void ReportNoSuchCallOutput(this DiagnosticBag bag, TextSpan span, string call, string output, string? hint)
        => bag.Error(NoSuchCallOutput, span, $"call '{call}' has no output '{output}'", hint);

    public static void ReportMissingCommand(this DiagnosticBag bag, TextSpan span, string task)
        => bag.Error(MissingCommand, span, $"task '{task}' has no command section");

    public static void ReportCallsOwnWorkflow(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(CallsOwnWorkflow, span, $"workflow '{name}' cannot call itself");

    public static void ReportNoWorkflowOrTask(this DiagnosticBag bag, TextSpan span)
        => bag.Warning(NoWorkflowOrTask, span, "the document defines no workflow and no task");
}
