using static Osprey.Wdl.Semantics.StdLib.SignatureNotation;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>defined (every version).</summary>
internal static class OtherFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        // A non-optional argument is accepted (T coerces to T?); the result is then always true.
        Function("defined", FunctionFamily.Other, Overload(Draft2, WdlBoolean, Arg("value", OptionalVar(X)))),
    ];
}
