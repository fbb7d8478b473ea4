using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary><c>floor</c>, <c>ceil</c>, <c>round</c>, <c>min</c>, <c>max</c>.</summary>
internal static class NumericFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        new("floor", 1, 1, WdlVersion.Draft2, (a, _) => ToInt(Math.Floor(Args.Float(a, 0)))),
        new("ceil", 1, 1, WdlVersion.Draft2, (a, _) => ToInt(Math.Ceiling(Args.Float(a, 0)))),
        new("round", 1, 1, WdlVersion.Draft2, (a, _) => ToInt(RoundHalfUp(Args.Float(a, 0)))),
        new("min", 2, 2, WdlVersion.V1_1, (a, _) => MinMax(a, max: false)),
        new("max", 2, 2, WdlVersion.V1_1, (a, _) => MinMax(a, max: true)),
    ];

    /// <summary>"Round half up": x.5 goes toward positive infinity (-2.5 → -2), as the spec names it.</summary>
    internal static double RoundHalfUp(double x)
    {
        double floor = Math.Floor(x);
        return x - floor >= 0.5 ? floor + 1 : floor;
    }

    private static WdlInt ToInt(double d)
    {
        if (!ValueCoercion.IsExactInt(d))
            throw new WdlValueException($"{ValueText.RoundTrip(d)} is out of the range of Int");
        return WdlInt.Of((long)d);
    }

    private static WdlValue MinMax(IReadOnlyList<WdlValue> args, bool max)
    {
        if (args[0] is WdlInt a && args[1] is WdlInt b)
            return max ? (a.Value >= b.Value ? a : b) : (a.Value <= b.Value ? a : b);
        double x = Args.Float(args, 0), y = Args.Float(args, 1);
        return WdlFloat.Of(max ? Math.Max(x, y) : Math.Min(x, y));
    }
}
