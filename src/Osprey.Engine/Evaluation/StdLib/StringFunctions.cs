using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary><c>sub</c>, <c>find</c> and <c>matches</c> (POSIX ERE, see <see cref="PosixRegex"/>).</summary>
internal static class StringFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        new("sub", 3, 3, WdlVersion.Draft2, Sub),
        new("find", 2, 2, WdlVersion.V1_2, Find),
        new("matches", 2, 2, WdlVersion.V1_2, Matches),
    ];

    private static WdlValue Sub(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string input = Args.String(args, 0, context.Version);
        var regex = PosixRegex.Get(Args.String(args, 1, context.Version));
        string replacement = PosixRegex.TranslateReplacement(Args.String(args, 2, context.Version));
        return WdlString.Of(regex.Replace(input, replacement));
    }

    private static WdlValue Find(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var match = PosixRegex.Get(Args.String(args, 1, context.Version)).Match(Args.String(args, 0, context.Version));
        return match.Success ? WdlString.Of(match.Value) : WdlNone.Instance;
    }

    private static WdlValue Matches(IReadOnlyList<WdlValue> args, IFunctionContext context) =>
        WdlBoolean.Of(PosixRegex.Get(Args.String(args, 1, context.Version)).IsMatch(Args.String(args, 0, context.Version)));
}
