using static Osprey.Wdl.Semantics.StdLib.SignatureNotation;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>floor, ceil, round (every version); min, max (1.1+, four variants each).</summary>
internal static class NumericFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        Function("floor", FunctionFamily.Numeric, Overload(Draft2, WdlInt, Arg("value", WdlFloat))),
        Function("ceil", FunctionFamily.Numeric, Overload(Draft2, WdlInt, Arg("value", WdlFloat))),
        Function("round", FunctionFamily.Numeric, Overload(Draft2, WdlInt, Arg("value", WdlFloat))),
        MinOrMax("min"),
        MinOrMax("max"),
    ];

    // Int only when both are Int: listing all four variants lets exact matches pick the result type.
    private static FunctionDefinition MinOrMax(string name) => Function(name, FunctionFamily.Numeric,
        Overload(V1_1, WdlInt, Arg("a", WdlInt), Arg("b", WdlInt)),
        Overload(V1_1, WdlFloat, Arg("a", WdlInt), Arg("b", WdlFloat)),
        Overload(V1_1, WdlFloat, Arg("a", WdlFloat), Arg("b", WdlInt)),
        Overload(V1_1, WdlFloat, Arg("a", WdlFloat), Arg("b", WdlFloat)));
}
