using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

public static partial class DiagnosticCatalogue
{
    public const string ImportNotFound = "WDL101";
    public const string ImportCycle = "WDL102";
    public const string ImportVersionMismatch = "WDL103";
    public const string DuplicateNamespace = "WDL104";
    public const string UnknownNamespace = "WDL105";
    public const string DuplicateStruct = "WDL106";
    public const string ConflictingImportedStruct = "WDL107";
    public const string UnknownStructAlias = "WDL108";
    public const string UnknownType = "WDL109";
    public const string RecursiveStruct = "WDL110";
    public const string StructMemberInitializer = "WDL111";
    public const string DuplicateName = "WDL112";
    public const string UnknownName = "WDL113";
    public const string DuplicateTask = "WDL114";
    public const string TaskWorkflowNameClash = "WDL115";
    public const string UnboundDeclaration = "WDL116";
    public const string InvalidNamespaceName = "WDL117";
    public const string UnknownParameterMetaKey = "WDL118";

    public static void ReportImportNotFound(this DiagnosticBag bag, TextSpan span, string uri, string reason)
        => bag.Error(ImportNotFound, span, $"cannot import '{uri}': {reason}");

    public static void ReportImportCycle(this DiagnosticBag bag, TextSpan span, string chain)
        => bag.Error(ImportCycle, span, $"import cycle: {chain}");

    public static void ReportImportVersionMismatch(this DiagnosticBag bag, TextSpan span, string uri, WdlVersion imported, WdlVersion importer, bool strict)
        => bag.Report(ImportVersionMismatch, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"'{uri}' is WDL {imported.Display()} but this document is WDL {importer.Display()}; the spec requires imports of the same version");

    public static void ReportDuplicateNamespace(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(DuplicateNamespace, span, $"namespace '{name}' is already used by another import", "give one of the imports a different name with 'as'");

    public static void ReportInvalidNamespaceName(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(InvalidNamespaceName, span, $"the file name '{name}' is not a valid namespace", "name the import with 'as <name>'");

    public static void ReportUnknownNamespace(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownNamespace, span, $"unknown namespace '{name}'");

    public static void ReportDuplicateStruct(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(DuplicateStruct, span, $"struct '{name}' is defined more than once");

    public static void ReportConflictingImportedStruct(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(ConflictingImportedStruct, span, $"struct '{name}' from this import differs from another struct of the same name",
            $"import it under another name: alias {name} as <NewName>");

    public static void ReportUnknownStructAlias(this DiagnosticBag bag, TextSpan span, string name, string uri)
        => bag.Error(UnknownStructAlias, span, $"'{uri}' has no struct named '{name}'");

    public static void ReportUnknownType(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownType, span, $"unknown type '{name}'");

    public static void ReportRecursiveStruct(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(RecursiveStruct, span, $"struct '{name}' contains itself");

    public static void ReportStructMemberInitializer(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(StructMemberInitializer, span, $"struct member '{name}' cannot have a default value");

    public static void ReportDuplicateName(this DiagnosticBag bag, TextSpan span, string name, string scope)
        => bag.Error(DuplicateName, span, $"'{name}' is already declared in {scope}");

    public static void ReportUnknownName(this DiagnosticBag bag, TextSpan span, string name, string? hint = null)
        => bag.Error(UnknownName, span, $"unknown name '{name}'", hint);

    public static void ReportDuplicateTask(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(DuplicateTask, span, $"task '{name}' is defined more than once");

    public static void ReportTaskWorkflowNameClash(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(TaskWorkflowNameClash, span, $"the workflow and a task are both named '{name}'");

    public static void ReportUnboundDeclaration(this DiagnosticBag bag, TextSpan span, string name, bool strict)
        => bag.Report(UnboundDeclaration, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"'{name}' has no value and is outside the input section; it is treated as an input",
            "move it into the input section, or give it a value");

    public static void ReportUnknownParameterMetaKey(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Warning(UnknownParameterMetaKey, span, $"parameter_meta names '{name}', which is not an input or output");
}
