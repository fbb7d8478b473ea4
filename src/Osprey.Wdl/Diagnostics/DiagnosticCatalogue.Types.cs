using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

public static partial class DiagnosticCatalogue
{
    public const string TypeMismatchCode = "WDL201";
    public const string LenientCoercionCode = "WDL202";
    public const string InvalidOperandsCode = "WDL203";
    public const string UnknownFunctionCode = "WDL204";
    public const string FunctionNotInVersionCode = "WDL205";
    public const string WrongArgumentCountCode = "WDL206";
    public const string WrongArgumentTypeCode = "WDL207";
    public const string FunctionOnlyInOutputsCode = "WDL208";
    public const string NoSuchMemberCode = "WDL209";
    public const string NotIndexableCode = "WDL210";
    public const string CallIsNotAValueCode = "WDL211";
    public const string MissingStructMemberCode = "WDL212";
    public const string EmptyNonEmptyArrayCode = "WDL213";
    public const string InvalidPlaceholderValueCode = "WDL214";
    public const string InvalidPlaceholderOptionCode = "WDL215";
    public const string IncompatibleItemTypesCode = "WDL216";
    public const string OptionalMemberAccessCode = "WDL217";
    public const string ConditionNotBooleanCode = "WDL218";
    public const string ScatterNotArrayCode = "WDL219";
    public const string UnknownStructForLiteralCode = "WDL220";
    public const string LenientOperandsCode = "WDL221";

    public static void TypeMismatch(this DiagnosticBag bag, TextSpan span, string what, string expected, string actual, string? reason = null)
        => bag.Error(TypeMismatchCode, span, $"{what} expects {expected} but the value is {actual}{(reason is null ? "" : $" ({reason})")}");

    public static void LenientCoercion(this DiagnosticBag bag, TextSpan span, string what, string expected, string actual, string reason, bool strict)
        => bag.Report(LenientCoercionCode, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"{what} expects {expected} but the value is {actual}: {reason}",
            strict ? null : "Cromwell accepts this; it is an error with --strict");

    public static void InvalidOperands(this DiagnosticBag bag, TextSpan span, string op, string left, string? right, string? reason = null)
        => bag.Error(InvalidOperandsCode, span, right is null
            ? $"operator '{op}' cannot be applied to {left}{(reason is null ? "" : $" ({reason})")}"
            : $"operator '{op}' cannot be applied to {left} and {right}{(reason is null ? "" : $" ({reason})")}");

    public static void UnknownFunction(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownFunctionCode, span, $"unknown function '{name}'");

    public static void FunctionNotInVersion(this DiagnosticBag bag, TextSpan span, string name, string since, WdlVersion version)
        => bag.Error(FunctionNotInVersionCode, span, $"function '{name}' requires WDL {since}, but this document is WDL {version.Display()}");

    public static void WrongArgumentCount(this DiagnosticBag bag, TextSpan span, string name, string expected, int actual)
        => bag.Error(WrongArgumentCountCode, span, $"function '{name}' takes {expected} argument(s), but {actual} were given");

    public static void WrongArgumentType(this DiagnosticBag bag, TextSpan span, string name, int index, string expected, string actual)
        => bag.Error(WrongArgumentTypeCode, span, $"argument {index + 1} of '{name}' must be {expected}, but is {actual}");

    public static void FunctionOnlyInOutputs(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(FunctionOnlyInOutputsCode, span, $"function '{name}' may only be used in a task's output section");

    public static void NoSuchMember(this DiagnosticBag bag, TextSpan span, string type, string member, string? hint = null)
        => bag.Error(NoSuchMemberCode, span, $"{type} has no member '{member}'", hint);

    public static void NotIndexable(this DiagnosticBag bag, TextSpan span, string type, string index)
        => bag.Error(NotIndexableCode, span, $"a value of type {type} cannot be indexed by {index}");

    public static void CallIsNotAValue(this DiagnosticBag bag, TextSpan span, string call)
        => bag.Error(CallIsNotAValueCode, span, $"'{call}' is a call, not a value", $"refer to one of its outputs: {call}.<output>");

    public static void MissingStructMember(this DiagnosticBag bag, TextSpan span, string structName, string member)
        => bag.Error(MissingStructMemberCode, span, $"struct '{structName}' requires member '{member}'");

    public static void EmptyNonEmptyArray(this DiagnosticBag bag, TextSpan span, string what)
        => bag.Error(EmptyNonEmptyArrayCode, span, $"{what} is a non-empty array type (+) but the value is an empty array");

    public static void InvalidPlaceholderValue(this DiagnosticBag bag, TextSpan span, string type, bool strict, bool hard)
        => bag.Report(InvalidPlaceholderValueCode, hard || strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"a placeholder cannot render a value of type {type}",
            hard ? null : "use the sep option, or sep(); Cromwell accepts this and it is an error with --strict");

    public static void InvalidPlaceholderOption(this DiagnosticBag bag, TextSpan span, string message)
        => bag.Error(InvalidPlaceholderOptionCode, span, message);

    public static void IncompatibleItemTypes(this DiagnosticBag bag, TextSpan span, string what)
        => bag.Error(IncompatibleItemTypesCode, span, $"the {what} have no common type");

    public static void OptionalMemberAccess(this DiagnosticBag bag, TextSpan span, string type, string member, bool strict)
        => bag.Report(OptionalMemberAccessCode, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"'{member}' is read from a value of optional type {type}", "use select_first() or a defined() check first");

    public static void ConditionNotBoolean(this DiagnosticBag bag, TextSpan span, string actual)
        => bag.Error(ConditionNotBooleanCode, span, $"a condition must be Boolean, but is {actual}");

    public static void ScatterNotArray(this DiagnosticBag bag, TextSpan span, string actual)
        => bag.Error(ScatterNotArrayCode, span, $"scatter needs an Array, but the expression is {actual}");

    public static void LenientOperands(this DiagnosticBag bag, TextSpan span, string op, string reason, bool strict)
        => bag.Report(LenientOperandsCode, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"operator '{op}': {reason}", strict ? null : "Cromwell accepts this; it is an error with --strict");

    public static void UnknownStructForLiteral(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownStructForLiteralCode, span, $"unknown struct '{name}'");
}
