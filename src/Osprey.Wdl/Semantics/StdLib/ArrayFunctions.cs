using static Osprey.Wdl.Semantics.StdLib.SignatureNotation;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>
/// length, range, transpose, cross, zip, flatten, select_first, select_all (every version);
/// unzip (1.1+); contains, chunk (1.2). 1.2 lists length under "Other Functions" and widens it to
/// maps, objects and strings.
/// </summary>
internal static class ArrayFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        Function("length", FunctionFamily.Array,
            Overload(Draft2, WdlInt, Arg("array", ArrayOf(Var(X)))),
            Overload(V1_2, WdlInt, Arg("map", MapOf(Var(X), Var(Y)))),
            Overload(V1_2, WdlInt, Arg("object", WdlObject)),
            Overload(V1_2, WdlInt, Arg("string", WdlString))),

        Function("range", FunctionFamily.Array,
            Overload(Draft2, ArrayOf(WdlInt), Arg("length", WdlInt))),

        Function("transpose", FunctionFamily.Array,
            Overload(Draft2, ArrayOf(ArrayOf(Var(X))), Arg("array", ArrayOf(ArrayOf(Var(X)))))),

        Function("cross", FunctionFamily.Array,
            Overload(Draft2, ArrayOf(PairOf(Var(X), Var(Y))), Arg("left", ArrayOf(Var(X))), Arg("right", ArrayOf(Var(Y))))),

        Function("zip", FunctionFamily.Array,
            Overload(Draft2, ArrayOf(PairOf(Var(X), Var(Y))), Arg("left", ArrayOf(Var(X))), Arg("right", ArrayOf(Var(Y))))),

        Function("unzip", FunctionFamily.Array,
            Overload(V1_1, PairOf(ArrayOf(Var(X)), ArrayOf(Var(Y))), Arg("pairs", ArrayOf(PairOf(Var(X), Var(Y)))))),

        // The second variant lets an Array[P?] be searched for a P? (including None).
        Function("contains", FunctionFamily.Array,
            Overload(V1_2, WdlBoolean, Arg("array", ArrayOf(Var(P))), Arg("value", Var(P))),
            Overload(V1_2, WdlBoolean, Arg("array", ArrayOf(OptionalVar(P))), Arg("value", OptionalVar(P)))),

        Function("chunk", FunctionFamily.Array,
            Overload(V1_2, ArrayOf(ArrayOf(Var(X))), Arg("array", ArrayOf(Var(X))), Arg("size", WdlInt))),

        Function("flatten", FunctionFamily.Array,
            Overload(Draft2, ArrayOf(Var(X)), Arg("arrays", ArrayOf(ArrayOf(Var(X)))))),

        // draft-2/1.0 write Array[X?]; 1.1 adds the `+`, which is only checked at run time.
        Function("select_first", FunctionFamily.Array,
            Overload(Draft2, Var(X), Arg("array", NonEmptyArrayOf(OptionalVar(X)))),
            Overload(V1_2, Var(X), Arg("array", ArrayOf(OptionalVar(X))), Arg("default", Var(X)))),

        Function("select_all", FunctionFamily.Array,
            Overload(Draft2, ArrayOf(Var(X)), Arg("array", ArrayOf(OptionalVar(X))))),
    ];
}
