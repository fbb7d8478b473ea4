using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary><c>defined</c> and <c>length</c>.</summary>
internal static class OtherFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        new("defined", 1, 1, WdlVersion.Draft2, (a, _) => WdlBoolean.Of(!a[0].IsNone)),
        new("length", 1, 1, WdlVersion.Draft2, Length),
    ];

    /// <summary>
    /// Arrays, Maps and Objects count elements; a String counts characters, taken as Unicode
    /// scalar values (so an emoji is one character, not two UTF-16 units).
    /// </summary>
    private static WdlValue Length(IReadOnlyList<WdlValue> args, IFunctionContext context) => args[0] switch
    {
        WdlArray a => WdlInt.Of(a.Count),
        WdlMap m => WdlInt.Of(m.Count),
        WdlObject o => WdlInt.Of(o.Count),
        WdlString s => WdlInt.Of(CountScalars(s.Value)),
        var other => throw Args.Wrong(0, "Array, Map, Object or String", other),
    };

    private static long CountScalars(string text)
    {
        long n = 0;
        foreach (var _ in text.EnumerateRunes()) n++;
        return n;
    }

}
