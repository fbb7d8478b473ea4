using static Osprey.Wdl.Semantics.StdLib.SignatureNotation;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>prefix (every version); suffix, quote, squote, sep (1.1+). The array may hold any primitive.</summary>
internal static class StringArrayFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        Function("prefix", FunctionFamily.StringArray,
            Overload(Draft2, ArrayOf(WdlString), Arg("prefix", WdlString), Arg("array", ArrayOf(Var(P))))),
        Function("suffix", FunctionFamily.StringArray,
            Overload(V1_1, ArrayOf(WdlString), Arg("suffix", WdlString), Arg("array", ArrayOf(Var(P))))),
        Function("quote", FunctionFamily.StringArray,
            Overload(V1_1, ArrayOf(WdlString), Arg("array", ArrayOf(Var(P))))),
        Function("squote", FunctionFamily.StringArray,
            Overload(V1_1, ArrayOf(WdlString), Arg("array", ArrayOf(Var(P))))),
        Function("sep", FunctionFamily.StringArray,
            Overload(V1_1, WdlString, Arg("separator", WdlString), Arg("array", ArrayOf(Var(P))))),
    ];
}
