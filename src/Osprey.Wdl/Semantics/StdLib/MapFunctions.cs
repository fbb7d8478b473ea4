using static Osprey.Wdl.Semantics.StdLib.SignatureNotation;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>
/// as_pairs, as_map, keys, collect_by_key (1.1+); contains_key, values (1.2). 1.2 extends keys and
/// contains_key to structs and objects.
/// </summary>
internal static class MapFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        Function("as_pairs", FunctionFamily.Map,
            Overload(V1_1, ArrayOf(PairOf(Var(P), Var(Y))), Arg("map", MapOf(Var(P), Var(Y))))),

        Function("as_map", FunctionFamily.Map,
            Overload(V1_1, MapOf(Var(P), Var(Y)), Arg("pairs", ArrayOf(PairOf(Var(P), Var(Y)))))),

        Function("keys", FunctionFamily.Map,
            Overload(V1_1, ArrayOf(Var(P)), Arg("map", MapOf(Var(P), Var(Y)))),
            Overload(V1_2, ArrayOf(WdlString), Arg("struct", AnyStruct)),
            Overload(V1_2, ArrayOf(WdlString), Arg("object", WdlObject))),

        // "If P is an optional type (e.g., String?), then the second argument may be None":
        // the key parameter takes the map's key type as it is, optional or not.
        Function("contains_key", FunctionFamily.Map,
            Overload(V1_2, WdlBoolean, Arg("map", MapOf(Var(K), Var(Y))), Arg("key", Var(K))),
            Overload(V1_2, WdlBoolean, Arg("object", WdlObject), Arg("key", WdlString)),
            Overload(V1_2, WdlBoolean, Arg("map", MapOf(WdlString, Var(Y))), Arg("keys", ArrayOf(WdlString))),
            Overload(V1_2, WdlBoolean, Arg("struct", AnyStruct), Arg("keys", ArrayOf(WdlString))),
            Overload(V1_2, WdlBoolean, Arg("object", WdlObject), Arg("keys", ArrayOf(WdlString)))),

        Function("values", FunctionFamily.Map,
            Overload(V1_2, ArrayOf(Var(Y)), Arg("map", MapOf(Var(P), Var(Y))))),

        Function("collect_by_key", FunctionFamily.Map,
            Overload(V1_1, MapOf(Var(P), ArrayOf(Var(Y))), Arg("pairs", ArrayOf(PairOf(Var(P), Var(Y)))))),
    ];
}
