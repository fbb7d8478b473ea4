using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

public static partial class DiagnosticCatalogue
{
    public const string ImportNotFoundCode = "WDL101";
    public const string ImportCycleCode = "WDL102";
    public const string ImportVersionMismatchCode = "WDL103";
    public const string DuplicateNamespaceCode = "WDL104";
    public const string UnknownNamespaceCode = "WDL105";
    public const string DuplicateStructCode = "WDL106";
    public const string ConflictingImportedStructCode = "WDL107";
    public const string UnknownStructAliasCode = "WDL108";
    public const string UnknownTypeCode = "WDL109";
    public const string RecursiveStructCode = "WDL110";
    public const string DuplicateNameCode = "WDL112";
    public const string UnknownNameCode = "WDL113";
    public const string DuplicateTaskCode = "WDL114";
    public const string TaskWorkflowNameClashCode = "WDL115";
    public const string UnboundDeclarationCode = "WDL116";
    public const string InvalidNamespaceNameCode = "WDL117";
    public const string UnknownParameterMetaKeyCode = "WDL118";

    public static void ImportNotFound(this DiagnosticBag bag, TextSpan span, string uri, string reason)
        => bag.Error(ImportNotFoundCode, span, $"cannot import '{uri}': {reason}");

    public static void ImportCycle(this DiagnosticBag bag, TextSpan span, string chain)
        => bag.Error(ImportCycleCode, span, $"import cycle: {chain}");

    public static void ImportVersionMismatch(this DiagnosticBag bag, TextSpan span, string uri, WdlVersion imported, WdlVersion importer, bool strict)
        => bag.Report(ImportVersionMismatchCode, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"'{uri}' is WDL {imported.Display()} but this document is WDL {importer.Display()}; the spec requires imports of the same version");

    public static void DuplicateNamespace(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(DuplicateNamespaceCode, span, $"namespace '{name}' is already used by another import", "give one of the imports a different name with 'as'");

    public static void InvalidNamespaceName(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(InvalidNamespaceNameCode, span, $"the file name '{name}' is not a valid namespace", "name the import with 'as <name>'");

    public static void UnknownNamespace(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownNamespaceCode, span, $"unknown namespace '{name}'");

    public static void DuplicateStruct(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(DuplicateStructCode, span, $"struct '{name}' is defined more than once");

    public static void ConflictingImportedStruct(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(ConflictingImportedStructCode, span, $"struct '{name}' from this import differs from another struct of the same name",
            $"import it under another name: alias {name} as <NewName>");

    public static void UnknownStructAlias(this DiagnosticBag bag, TextSpan span, string name, string uri)
        => bag.Error(UnknownStructAliasCode, span, $"'{uri}' has no struct named '{name}'");

    public static void UnknownType(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownTypeCode, span, $"unknown type '{name}'");

    public static void RecursiveStruct(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(RecursiveStructCode, span, $"struct '{name}' contains itself");


    public static void DuplicateName(this DiagnosticBag bag, TextSpan span, string name, string scope)
        => bag.Error(DuplicateNameCode, span, $"'{name}' is already declared in {scope}");

    public static void UnknownName(this DiagnosticBag bag, TextSpan span, string name, string? hint = null)
        => bag.Error(UnknownNameCode, span, $"unknown name '{name}'", hint);

    public static void DuplicateTask(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(DuplicateTaskCode, span, $"task '{name}' is defined more than once");

    public static void TaskWorkflowNameClash(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(TaskWorkflowNameClashCode, span, $"the workflow and a task are both named '{name}'");

    public static void UnboundDeclaration(this DiagnosticBag bag, TextSpan span, string name, bool strict)
        => bag.Report(UnboundDeclarationCode, strict ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, span,
            $"'{name}' has no value and is outside the input section; it is treated as an input",
            "move it into the input section, or give it a value");

    public static void UnknownParameterMetaKey(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Warning(UnknownParameterMetaKeyCode, span, $"parameter_meta names '{name}', which is not an input or output");
}
