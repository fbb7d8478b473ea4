using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

public static partial class DiagnosticCatalogue
{
    public const string TypeMismatch = "WDL201";
    public const string LenientCoercion = "WDL202";
    public const string InvalidOperands = "WDL203";
    public const string UnknownFunction = "WDL204";
    public const string FunctionNotInVersion = "WDL205";
    public const string WrongArgumentCount = "WDL206";
    public const string WrongArgumentType = "WDL207";
    public const string FunctionOnlyInOutputs = "WDL208";
    public const string NoSuchMember = "WDL209";
    public const string NotIndexable = "WDL210";
    public const string CallIsNotAValue = "WDL211";
    public const string MissingStructMember = "WDL212";
    public const string EmptyNonEmptyArray = "WDL213";
    public const string InvalidPlaceholderValue = "WDL214";
    public const string InvalidPlaceholderOption = "WDL215";
    public const string IncompatibleItemTypes = "WDL216";
    public const string OptionalMemberAccess = "WDL217";
    public const string ConditionNotBoolean = "WDL218";
    public const string ScatterNotArray = "WDL219";
    public const string UnknownStructForLiteral = "WDL220";
    public const string LenientOperands = "WDL221";

    public static void ReportTypeMismatch(this DiagnosticBag bag, TextSpan span, string what, string expected, string actual, string? reason = null)
        => bag.Error(TypeMismatch, span, $"{what} expects {expected} but the value is {actual}{(reason is null ? "" : $" ({reason})")}");

    public static void ReportLenientCoercion(this DiagnosticBag bag, TextSpan span, string what, string expected, string actual, string reason, bool strict)
        => bag.Report(LenientCoercion, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"{what} expects {expected} but the value is {actual}: {reason}",
            strict ? null : "Cromwell accepts this; it is an error with --strict");

    public static void ReportInvalidOperands(this DiagnosticBag bag, TextSpan span, string op, string left, string? right, string? reason = null)
        => bag.Error(InvalidOperands, span, right is null
            ? $"operator '{op}' cannot be applied to {left}{(reason is null ? "" : $" ({reason})")}"
            : $"operator '{op}' cannot be applied to {left} and {right}{(reason is null ? "" : $" ({reason})")}");

    public static void ReportUnknownFunction(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownFunction, span, $"unknown function '{name}'");

    public static void ReportFunctionNotInVersion(this DiagnosticBag bag, TextSpan span, string name, string since, WdlVersion version)
        => bag.Error(FunctionNotInVersion, span, $"function '{name}' requires WDL {since}, but this document is WDL {version.Display()}");

    public static void ReportWrongArgumentCount(this DiagnosticBag bag, TextSpan span, string name, string expected, int actual)
        => bag.Error(WrongArgumentCount, span, $"function '{name}' takes {expected} argument(s), but {actual} were given");

    public static void ReportWrongArgumentType(this DiagnosticBag bag, TextSpan span, string name, int index, string expected, string actual)
        => bag.Error(WrongArgumentType, span, $"argument {index + 1} of '{name}' must be {expected}, but is {actual}");

    public static void ReportFunctionOnlyInOutputs(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(FunctionOnlyInOutputs, span, $"function '{name}' may only be used in a task's output section");

    public static void ReportNoSuchMember(this DiagnosticBag bag, TextSpan span, string type, string member, string? hint = null)
        => bag.Error(NoSuchMember, span, $"{type} has no member '{member}'", hint);

    public static void ReportNotIndexable(this DiagnosticBag bag, TextSpan span, string type, string index)
        => bag.Error(NotIndexable, span, $"a value of type {type} cannot be indexed by {index}");

    public static void ReportCallIsNotAValue(this DiagnosticBag bag, TextSpan span, string call)
        => bag.Error(CallIsNotAValue, span, $"'{call}' is a call, not a value", $"refer to one of its outputs: {call}.<output>");

    public static void ReportMissingStructMember(this DiagnosticBag bag, TextSpan span, string structName, string member)
        => bag.Error(MissingStructMember, span, $"struct '{structName}' requires member '{member}'");

    public static void ReportEmptyNonEmptyArray(this DiagnosticBag bag, TextSpan span, string what)
        => bag.Error(EmptyNonEmptyArray, span, $"{what} is a non-empty array type (+) but the value is an empty array");

    public static void ReportInvalidPlaceholderValue(this DiagnosticBag bag, TextSpan span, string type, bool strict, bool hard)
        => bag.Report(InvalidPlaceholderValue, hard || strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"a placeholder cannot render a value of type {type}",
            hard ? null : "use the sep option, or sep(); Cromwell accepts this and it is an error with --strict");

    public static void ReportInvalidPlaceholderOption(this DiagnosticBag bag, TextSpan span, string message)
        => bag.Error(InvalidPlaceholderOption, span, message);

    public static void ReportIncompatibleItemTypes(this DiagnosticBag bag, TextSpan span, string what)
        => bag.Error(IncompatibleItemTypes, span, $"the {what} have no common type");

    public static void ReportOptionalMemberAccess(this DiagnosticBag bag, TextSpan span, string type, string member, bool strict)
        => bag.Report(OptionalMemberAccess, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"'{member}' is read from a value of optional type {type}", "use select_first() or a defined() check first");

    public static void ReportConditionNotBoolean(this DiagnosticBag bag, TextSpan span, string actual)
        => bag.Error(ConditionNotBoolean, span, $"a condition must be Boolean, but is {actual}");

    public static void ReportScatterNotArray(this DiagnosticBag bag, TextSpan span, string actual)
        => bag.Error(ScatterNotArray, span, $"scatter needs an Array, but the expression is {actual}");

    public static void ReportLenientOperands(this DiagnosticBag bag, TextSpan span, string op, string reason, bool strict)
        => bag.Report(LenientOperands, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"operator '{op}': {reason}", strict ? null : "Cromwell accepts this; it is an error with --strict");

    public static void ReportUnknownStructForLiteral(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownStructForLiteral, span, $"unknown struct '{name}'");
}
