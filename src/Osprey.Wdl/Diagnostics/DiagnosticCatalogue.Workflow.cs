using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

public static partial class DiagnosticCatalogue
{
    public const string UnknownCallTargetCode = "WDL301";
    public const string UnknownCallInputCode = "WDL302";
    public const string MissingCallInputCode = "WDL303";
    public const string DuplicateCallInputCode = "WDL304";
    public const string UnknownAfterCallCode = "WDL305";
    public const string DependencyCycleCode = "WDL306";
    public const string NoSuchCallOutputCode = "WDL307";
    public const string CallsOwnWorkflowCode = "WDL309";

    public static void UnknownCallTarget(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownCallTargetCode, span, $"no task or workflow named '{name}'");

    public static void UnknownCallInput(this DiagnosticBag bag, TextSpan span, string callee, string input, string? hint)
        => bag.Error(UnknownCallInputCode, span, $"'{callee}' has no input named '{input}'", hint);

    public static void MissingCallInput(this DiagnosticBag bag, TextSpan span, string call, string input, string type, bool strict)
        => bag.Report(MissingCallInputCode, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"call '{call}' does not set required input '{input}' ({type})",
            strict ? null : $"it must then be given at run time as '<workflow>.{call}.{input}'; an error with --strict");

    public static void DuplicateCallInput(this DiagnosticBag bag, TextSpan span, string input)
        => bag.Error(DuplicateCallInputCode, span, $"input '{input}' is set more than once");

    public static void UnknownAfterCall(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownAfterCallCode, span, $"'after {name}' names no call in this workflow");

    public static void DependencyCycle(this DiagnosticBag bag, TextSpan span, string chain)
        => bag.Error(DependencyCycleCode, span, $"circular dependency: {chain}");

    public static void NoSuchCallOutput(this DiagnosticBag bag, TextSpan span, string call, string output, string? hint)
        => bag.Error(NoSuchCallOutputCode, span, $"call '{call}' has no output '{output}'", hint);


    public static void CallsOwnWorkflow(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(CallsOwnWorkflowCode, span, $"workflow '{name}' cannot call itself");

}
