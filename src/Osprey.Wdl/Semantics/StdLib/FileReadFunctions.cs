using static Osprey.Wdl.Semantics.StdLib.SignatureNotation;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>
/// read_string, read_int, read_float, read_boolean, read_lines, read_tsv, read_map, read_json,
/// read_object, read_objects. draft-2/1.0 write the parameter as <c>String|File</c>; String
/// coerces to File, so <c>File</c> covers both.
/// </summary>
internal static class FileReadFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        Reader("read_string", WdlString),
        Reader("read_int", WdlInt),
        Reader("read_float", WdlFloat),
        Reader("read_boolean", WdlBoolean),

        // The spec lets read_lines' Array[String] be coerced to other Array[P] (Appendix A); the
        // checker must special-case it, since String -> Int is otherwise only a lenient rule.
        Reader("read_lines", ArrayOf(WdlString)),

        // 1.2 adds header variants. `read_tsv(File, true)` requires the literal true; with a literal
        // false the result is Array[Array[String]] (variant 1, `read_tsv(File, [false])`): types
        // alone cannot tell, so the checker must look at the literal.
        Function("read_tsv", FunctionFamily.File,
            Overload(Draft2, ArrayOf(ArrayOf(WdlString)), Arg("file", WdlFile)),
            Overload(V1_2, ArrayOf(WdlObject), Arg("file", WdlFile), LiteralArg("header", WdlBoolean, "true")),
            Overload(V1_2, ArrayOf(WdlObject), Arg("file", WdlFile), Arg("header", WdlBoolean), Arg("columns", ArrayOf(WdlString))))
            with { Effects = FunctionEffects.ReadsFiles },

        Reader("read_map", MapOf(WdlString, WdlString)),

        // The spec's return type is the hidden Union ("mixed" in draft-2/1.0): known at run time only.
        Reader("read_json", Of(WdlType.Any)),
        Reader("read_object", WdlObject),
        Reader("read_objects", ArrayOf(WdlObject)),
    ];

    private static FunctionDefinition Reader(string name, TypePattern returns)
        => Function(name, FunctionFamily.File, Overload(Draft2, returns, Arg("file", WdlFile)))
            with
        { Effects = FunctionEffects.ReadsFiles };
}
