using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary><c>prefix</c>, <c>suffix</c>, <c>quote</c>, <c>squote</c>, <c>sep</c>: arrays of primitives to text.</summary>
internal static class StringArrayFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        new("prefix", 2, 2, WdlVersion.Draft2, (a, c) =>
        {
            string prefix = Args.String(a, 0, c.Version);
            return Map(Args.Strings(Args.Array(a, 1), 1, c.Version), s => prefix + s);
        }),
        new("suffix", 2, 2, WdlVersion.V1_1, (a, c) =>
        {
            string suffix = Args.String(a, 0, c.Version);
            return Map(Args.Strings(Args.Array(a, 1), 1, c.Version), s => s + suffix);
        }),
        new("quote", 1, 1, WdlVersion.V1_1, (a, c) => Map(Args.Strings(Args.Array(a, 0), 0, c.Version), s => "\"" + s + "\"")),
        new("squote", 1, 1, WdlVersion.V1_1, (a, c) => Map(Args.Strings(Args.Array(a, 0), 0, c.Version), s => "'" + s + "'")),
        new("sep", 2, 2, WdlVersion.V1_1, (a, c) => WdlString.Of(string.Join(Args.String(a, 0, c.Version), Args.Strings(Args.Array(a, 1), 1, c.Version)))),
    ];

    private static WdlArray Map(List<string> items, Func<string, string> f)
    {
        var result = new WdlValue[items.Count];
        for (int i = 0; i < result.Length; i++) result[i] = WdlString.Of(f(items[i]));
        return WdlArray.Own(WdlType.ArrayOf(WdlType.String), result);
    }
}
