using static Osprey.Wdl.Semantics.StdLib.SignatureNotation;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>write_lines, write_tsv, write_map, write_json, write_object, write_objects: each returns the written File.</summary>
internal static class FileWriteFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        Writer("write_lines", Overload(Draft2, WdlFile, Arg("lines", ArrayOf(WdlString)))),

        // 1.2 adds a header row and Array[Struct] rows. For the (Array[Array[String]], true, ...)
        // variant the spec requires the literal true.
        Writer("write_tsv",
            Overload(Draft2, WdlFile, Arg("rows", ArrayOf(ArrayOf(WdlString)))),
            Overload(V1_2, WdlFile, Arg("rows", ArrayOf(ArrayOf(WdlString))), LiteralArg("header", WdlBoolean, "true"), Arg("columns", ArrayOf(WdlString))),
            Overload(V1_2, WdlFile, Arg("rows", ArrayOf(AnyStruct)), OptionalArg("header", WdlBoolean), OptionalArg("columns", ArrayOf(WdlString)))),

        Writer("write_map", Overload(Draft2, WdlFile, Arg("map", MapOf(WdlString, WdlString)))),
        Writer("write_json", Overload(Draft2, WdlFile, Arg("value", Var(X)))),

        // draft-2/1.0: Object only; 1.1 adds Struct.
        Writer("write_object",
            Overload(Draft2, WdlFile, Arg("object", WdlObject)),
            Overload(V1_1, WdlFile, Arg("object", AnyStruct))),
        Writer("write_objects",
            Overload(Draft2, WdlFile, Arg("objects", ArrayOf(WdlObject))),
            Overload(V1_1, WdlFile, Arg("objects", ArrayOf(AnyStruct)))),
    ];

    private static FunctionDefinition Writer(string name, params SignatureNotation.OverloadSpec[] overloads)
        => Function(name, FunctionFamily.File, overloads) with { Effects = FunctionEffects.WritesFiles };
}
