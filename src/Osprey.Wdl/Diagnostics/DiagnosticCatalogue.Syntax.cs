using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

/// <summary>
/// Lexical and syntax errors (WDL001..WDL099) and version problems that the parser can see
/// without types (WDL401..WDL449).
/// </summary>
public static partial class DiagnosticCatalogue
{
    public const string InvalidCharacterCode = "WDL001";
    public const string UnterminatedStringCode = "WDL002";
    public const string UnterminatedCommandCode = "WDL003";
    public const string UnterminatedPlaceholderCode = "WDL004";
    public const string UnterminatedMultilineStringCode = "WDL005";
    public const string UnknownEscapeCode = "WDL006";
    public const string MalformedEscapeCode = "WDL007";
    public const string InvalidNumberCode = "WDL008";
    public const string UnexpectedTokenCode = "WDL009";
    public const string InvalidVersionCode = "WDL010";
    public const string VersionNotFirstCode = "WDL011";
    public const string DuplicateSectionCode = "WDL012";
    public const string MissingCommandCode = "WDL013";
    public const string DuplicateWorkflowCode = "WDL014";
    public const string MissingInitializerCode = "WDL015";
    public const string StructMemberInitializerCode = "WDL016";
    public const string UntypedWorkflowOutputCode = "WDL017";
    public const string NestingTooDeepCode = "WDL018";
    public const string TooManyErrorsCode = "WDL019";
    public const string WrongTypeArgumentCountCode = "WDL020";
    public const string NonEmptyOnNonArrayCode = "WDL021";
    public const string PlaceholderInMetadataCode = "WDL022";
    public const string ImportUriNotConstantCode = "WDL023";
    public const string UnknownPlaceholderOptionCode = "WDL024";
    public const string CallOnNonNameCode = "WDL025";
    public const string HintsLiteralOutsideHintsCode = "WDL026";
    public const string EnvNotAllowedCode = "WDL027";
    public const string RuntimeWithRequirementsCode = "WDL028";
    public const string InvalidTupleCode = "WDL029";
    public const string WhileLoopUnsupportedCode = "WDL030";
    public const string ReservedKeywordAsNameCode = "WDL031";
    public const string MissingVersionNumberCode = "WDL032";
    public const string QuotedMemberNameCode = "WDL033";
    public const string WorkflowHintNotLiteralCode = "WDL034";

    public const string ExponentiationRequiresV12Code = "WDL401";
    public const string NoneLiteralRequiresV11Code = "WDL402";
    public const string StructLiteralRequiresV11Code = "WDL403";
    public const string EnvRequiresV12Code = "WDL404";
    public const string RequirementsRequiresV12Code = "WDL405";
    public const string MultilineStringRequiresV12Code = "WDL406";
    public const string AfterClauseRequiresV11Code = "WDL407";
    public const string HintsSectionRequiresV12Code = "WDL408";
    public const string CallWithoutInputKeywordRequiresV11Code = "WDL409";
    public const string CallInputShorthandRequiresV11Code = "WDL410";
    public const string DirectoryRequiresV12Code = "WDL411";
    public const string StructRequiresV10Code = "WDL412";
    public const string InputSectionRequiresV10Code = "WDL413";
    public const string ImportAliasRequiresV10Code = "WDL414";
    public const string StructMetadataRequiresV12Code = "WDL415";
    public const string ObjectLiteralRequiresV10Code = "WDL416";

    // ---- lexical ----

    public static void InvalidCharacter(this DiagnosticBag bag, TextSpan span, string text)
        => bag.Error(InvalidCharacterCode, span,
            text.Length == 1 ? $"unexpected character '{text}'" : $"unexpected characters '{text}'",
            "WDL code may contain only names, numbers, strings, operators and brackets here");

    public static void UnterminatedString(this DiagnosticBag bag, TextSpan span, char quote)
        => bag.Error(UnterminatedStringCode, span,
            $"unterminated string: expected a closing {quote} before the end of the line");

    public static void UnterminatedCommand(this DiagnosticBag bag, TextSpan span, bool heredoc)
        => bag.Error(UnterminatedCommandCode, span,
            heredoc
                ? "unterminated command section: expected '>>>' before the end of the file"
                : "unterminated command section: expected '}' before the end of the file",
            heredoc ? null : "a '}' in a 'command { }' section that is not part of a placeholder must be balanced or escaped as '\\}'");

    public static void UnterminatedPlaceholder(this DiagnosticBag bag, TextSpan span, string opener, string end)
        => bag.Error(UnterminatedPlaceholderCode, span,
            $"unterminated placeholder: expected '}}' to close '{opener}' before {end}");

    public static void UnterminatedMultilineString(this DiagnosticBag bag, TextSpan span)
        => bag.Error(UnterminatedMultilineStringCode, span,
            "unterminated multi-line string: expected '>>>' before the end of the file");

    public static void UnknownEscape(this DiagnosticBag bag, TextSpan span, string escape)
        => bag.Warning(UnknownEscapeCode, span,
            $"unknown escape sequence '{escape}' in string; it is kept as written",
            "write '\\\\' for a literal backslash");

    public static void MalformedEscape(this DiagnosticBag bag, TextSpan span, string escape, string expected)
        => bag.Error(MalformedEscapeCode, span, $"malformed escape sequence '{escape}': expected {expected}");

    public static void InvalidNumber(this DiagnosticBag bag, TextSpan span, string text, string reason)
        => bag.Error(InvalidNumberCode, span, $"invalid number '{text}': {reason}");

    // ---- syntax ----

    public static void UnexpectedToken(this DiagnosticBag bag, TextSpan span, string expected, string found)
        => bag.Error(UnexpectedTokenCode, span, $"expected {expected}, found {found}");

    public static void InvalidVersion(this DiagnosticBag bag, TextSpan span, string text)
        => bag.Error(InvalidVersionCode, span,
            $"unsupported WDL version '{text}': expected 1.0, 1.1 or 1.2; the document is read as WDL 1.2");

    public static void MissingVersionNumber(this DiagnosticBag bag, TextSpan span)
        => bag.Error(MissingVersionNumberCode, span,
            "expected a version number (1.0, 1.1 or 1.2) after 'version'");

    public static void VersionNotFirst(this DiagnosticBag bag, TextSpan span)
        => bag.Error(VersionNotFirstCode, span,
            "the version statement must come before anything else in the document (only comments may precede it)");

    public static void DuplicateSection(this DiagnosticBag bag, TextSpan span, string section, string owner)
        => bag.Error(DuplicateSectionCode, span,
            $"duplicate '{section}' section in {owner}: at most one is allowed; this one is ignored");

    public static void MissingCommand(this DiagnosticBag bag, TextSpan span, string task)
        => bag.Error(MissingCommandCode, span, $"task '{task}' has no command section; every task needs exactly one");

    public static void DuplicateWorkflow(this DiagnosticBag bag, TextSpan span, string name, string first)
        => bag.Error(DuplicateWorkflowCode, span,
            $"a document may contain at most one workflow: '{name}' follows workflow '{first}' and is ignored");

    public static void MissingInitializer(this DiagnosticBag bag, TextSpan span, string name, string where)
        => bag.Error(MissingInitializerCode, span,
            $"declaration '{name}' in {where} must be initialized with '= expression'",
            "only declarations in an 'input' section may be left unbound");

    public static void StructMemberInitializer(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(StructMemberInitializerCode, span, $"struct member '{name}' cannot have an initializer");

    public static void UntypedWorkflowOutput(this DiagnosticBag bag, TextSpan span, string text)
        => bag.Error(UntypedWorkflowOutputCode, span,
            $"untyped workflow output '{text}' (draft-2 wildcard style) is not supported",
            "declare each output with a type, e.g. 'File out = call_name.out'");

    public static void NestingTooDeep(this DiagnosticBag bag, TextSpan span, int limit)
        => bag.Error(NestingTooDeepCode, span,
            $"nesting is deeper than {limit} levels; this construct is skipped");

    public static void TooManyErrors(this DiagnosticBag bag, TextSpan span, int limit)
        => bag.Error(TooManyErrorsCode, span, $"too many syntax errors (more than {limit}); the rest of the document is not checked");

    public static void WrongTypeArgumentCount(this DiagnosticBag bag, TextSpan span, string type, int expected, int found)
        => bag.Error(WrongTypeArgumentCountCode, span,
            expected == 0
                ? $"type '{type}' takes no type parameters, found {found}"
                : $"type '{type}' takes {expected} type parameter{(expected == 1 ? "" : "s")}, found {found}");

    public static void NonEmptyOnNonArray(this DiagnosticBag bag, TextSpan span, string type)
        => bag.Error(NonEmptyOnNonArrayCode, span,
            $"the non-empty quantifier '+' applies only to Array types, found it on '{type}'");

    public static void PlaceholderInMetadata(this DiagnosticBag bag, TextSpan span)
        => bag.Warning(PlaceholderInMetadataCode, span,
            "placeholders are not evaluated in metadata; the placeholder is kept as plain text");

    public static void ImportUriNotConstant(this DiagnosticBag bag, TextSpan span)
        => bag.Error(ImportUriNotConstantCode, span, "an import URI must be a plain string without placeholders");

    public static void UnknownPlaceholderOption(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Error(UnknownPlaceholderOptionCode, span,
            $"unknown placeholder option '{name}': expected 'sep', 'true', 'false' or 'default'");

    public static void CallOnNonName(this DiagnosticBag bag, TextSpan span)
        => bag.Error(CallOnNonNameCode, span,
            "only a function name can be called: expected 'name(arguments)'");

    public static void HintsLiteralOutsideHints(this DiagnosticBag bag, TextSpan span, string kind)
        => bag.Error(HintsLiteralOutsideHintsCode, span,
            $"a '{kind} {{ ... }}' literal is only allowed inside a 'hints' section");

    public static void EnvNotAllowed(this DiagnosticBag bag, TextSpan span)
        => bag.Error(EnvNotAllowedCode, span,
            "'env' is only allowed on task input and private declarations");

    public static void RuntimeWithRequirements(this DiagnosticBag bag, TextSpan span, string section)
        => bag.Error(RuntimeWithRequirementsCode, span,
            $"a task cannot have both a 'runtime' section and a '{section}' section");

    public static void InvalidTuple(this DiagnosticBag bag, TextSpan span, int count)
        => bag.Error(InvalidTupleCode, span,
            count == 0
                ? "empty parentheses: expected an expression or a pair '(left, right)'"
                : $"a pair literal has exactly two elements, found {count}");

    public static void WhileLoopUnsupported(this DiagnosticBag bag, TextSpan span)
        => bag.Error(WhileLoopUnsupportedCode, span,
            "'while' loops (draft-2) are not supported; the loop is skipped");

    public static void ReservedKeywordAsName(this DiagnosticBag bag, TextSpan span, string keyword, string expected)
        => bag.Error(ReservedKeywordAsNameCode, span,
            $"expected {expected}, found the reserved keyword '{keyword}'", "reserved keywords cannot be used as names");

    public static void QuotedMemberName(this DiagnosticBag bag, TextSpan span, string name)
        => bag.Warning(QuotedMemberNameCode, span,
            $"member names are not quoted: write {name} instead of \"{name}\"; the quoted name is accepted");

    public static void WorkflowHintNotLiteral(this DiagnosticBag bag, TextSpan span, string key)
        => bag.Error(WorkflowHintNotLiteralCode, span,
            $"workflow hint '{key}' must be a literal value, found an expression",
            "unlike task hints, workflow hints cannot refer to declarations or call functions");

    // ---- features not in the document's version ----

    private static void RequiresVersion(this DiagnosticBag bag, string code, TextSpan span, string feature, WdlVersion required, WdlVersion actual)
        => bag.Error(code, span,
            $"{feature} requires WDL {required.Display()} or later, but the document is WDL {actual.Display()}",
            required == WdlVersion.V1_0 ? "add 'version 1.0' (or later) as the first line" : $"change the version statement to 'version {required.Display()}'");

    public static void ExponentiationRequiresV12(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(ExponentiationRequiresV12Code, span, "the exponentiation operator '**'", WdlVersion.V1_2, actual);

    public static void NoneLiteralRequiresV11(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(NoneLiteralRequiresV11Code, span, "the 'None' literal", WdlVersion.V1_1, actual);

    public static void StructLiteralRequiresV11(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(StructLiteralRequiresV11Code, span, "a struct literal 'Name { member: value }'", WdlVersion.V1_1, actual);

    public static void EnvRequiresV12(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(EnvRequiresV12Code, span, "an 'env' declaration", WdlVersion.V1_2, actual);

    public static void RequirementsRequiresV12(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(RequirementsRequiresV12Code, span, "a 'requirements' section", WdlVersion.V1_2, actual);

    public static void MultilineStringRequiresV12(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(MultilineStringRequiresV12Code, span, "a multi-line string '<<< ... >>>'", WdlVersion.V1_2, actual);

    public static void AfterClauseRequiresV11(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(AfterClauseRequiresV11Code, span, "an 'after' clause on a call", WdlVersion.V1_1, actual);

    public static void HintsSectionRequiresV12(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(HintsSectionRequiresV12Code, span, "a 'hints' section", WdlVersion.V1_2, actual);

    public static void CallWithoutInputKeywordRequiresV11(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(CallWithoutInputKeywordRequiresV11Code, span, "call inputs without the 'input:' keyword", WdlVersion.V1_1, actual);

    public static void CallInputShorthandRequiresV11(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(CallInputShorthandRequiresV11Code, span, "a call input without '= expression'", WdlVersion.V1_1, actual);

    public static void DirectoryRequiresV12(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(DirectoryRequiresV12Code, span, "the 'Directory' type", WdlVersion.V1_2, actual);

    public static void StructRequiresV10(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(StructRequiresV10Code, span, "a struct definition", WdlVersion.V1_0, actual);

    public static void InputSectionRequiresV10(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(InputSectionRequiresV10Code, span, "an 'input' section", WdlVersion.V1_0, actual);

    public static void ImportAliasRequiresV10(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(ImportAliasRequiresV10Code, span, "an import 'alias' clause", WdlVersion.V1_0, actual);

    public static void StructMetadataRequiresV12(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(StructMetadataRequiresV12Code, span, "a 'meta' or 'parameter_meta' section in a struct", WdlVersion.V1_2, actual);

    public static void ObjectLiteralRequiresV10(this DiagnosticBag bag, TextSpan span, WdlVersion actual)
        => bag.RequiresVersion(ObjectLiteralRequiresV10Code, span, "an object literal 'object { ... }'", WdlVersion.V1_0, actual);
}
