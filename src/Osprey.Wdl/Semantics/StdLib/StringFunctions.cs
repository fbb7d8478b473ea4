using static Osprey.Wdl.Semantics.StdLib.SignatureNotation;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>sub (every version); find and matches (1.2).</summary>
internal static class StringFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        // "Any arguments are allowed so long as they can be coerced to Strings" (e.g. a File input).
        Function("sub", FunctionFamily.String,
            Overload(Draft2, WdlString, Arg("input", WdlString), Arg("pattern", WdlString), Arg("replace", WdlString))),
        Function("find", FunctionFamily.String,
            Overload(V1_2, Optional(WdlString), Arg("input", WdlString), Arg("pattern", WdlString))),
        Function("matches", FunctionFamily.String,
            Overload(V1_2, WdlBoolean, Arg("input", WdlString), Arg("pattern", WdlString))),
    ];
}
