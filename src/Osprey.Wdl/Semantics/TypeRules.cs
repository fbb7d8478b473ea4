using Osprey.Wdl.Semantics.StdLib;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

internal enum AssignKind { Allowed, Lenient, Forbidden }

internal readonly record struct AssignResult(AssignKind Kind, string? Reason);

internal abstract record FunctionTyping;
internal sealed record FunctionTyped(WdlType Result, bool OnlyInOutputs, IReadOnlyList<(int Index, string Reason)> LenientArguments) : FunctionTyping;
internal sealed record FunctionUnknown : FunctionTyping;
internal sealed record FunctionNotInThisVersion(string Since, WdlType Result) : FunctionTyping;
internal sealed record FunctionWrongCount(string Expected) : FunctionTyping;
internal sealed record FunctionWrongType(int Index, string Expected, string? Reason) : FunctionTyping;

/// <summary>
/// The checker's one door to the type rules (coercion, operators, standard library), reducing
/// their verdicts to what the checker reports: allowed (deprecated forms included: linting
/// them is a separate concern), lenient (a warning, an error with --strict), or forbidden.
/// </summary>
internal static class TypeRules
{
    public static AssignResult Assign(WdlType from, WdlType to, WdlVersion version)
    {
        var result = TypeCoercion.Check(from, to, version);
        return new AssignResult(Kind(result.Verdict), result.Reason);
    }

    public static WdlType? Common(IReadOnlyList<WdlType> types, WdlVersion version) => TypeCoercion.CommonType(types, version);

    public static (WdlType? Type, AssignKind Kind, string? Reason) Binary(BinaryOperator op, WdlType left, WdlType right, WdlVersion version, bool inPlaceholder)
        => Reduce(BinaryOperatorTyping.ResultType(op, left, right, version, inPlaceholder));

    public static (WdlType? Type, AssignKind Kind, string? Reason) Unary(UnaryOperator op, WdlType operand, WdlVersion version)
        => Reduce(UnaryOperatorTyping.ResultType(op, operand, version));

    // Overload resolution costs microseconds a call and a document repeats the same few
    // signatures (length(Array[String]), select_first(...)) many times: remember the answers.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<FunctionKey, FunctionTyping> Resolved = new();

    public static FunctionTyping Function(string name, IReadOnlyList<WdlType> arguments, WdlVersion version)
    {
        var key = new FunctionKey(name, version, arguments.ToArray());
        if (Resolved.TryGetValue(key, out var known)) return known;
        var typing = ResolveFunction(name, arguments, version);
        if (Resolved.Count < 100_000) Resolved.TryAdd(key, typing);
        return typing;
    }

    private readonly record struct FunctionKey(string Name, WdlVersion Version, WdlType[] Arguments)
    {
        public bool Equals(FunctionKey other) =>
            Name == other.Name && Version == other.Version && Arguments.AsSpan().SequenceEqual(other.Arguments);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Name);
            hash.Add(Version);
            foreach (var argument in Arguments) hash.Add(argument);
            return hash.ToHashCode();
        }
    }

    private static FunctionTyping ResolveFunction(string name, IReadOnlyList<WdlType> arguments, WdlVersion version) =>
        StandardLibrary.Resolve(name, arguments, version) switch
        {
            ResolvedFunction r => Typed(r),
            StdLib.FunctionNotInVersion n => new FunctionNotInThisVersion(n.IntroducedIn.Display(), n.AsOfIntroduction?.ResultType ?? WdlType.Error),
            WrongArgumentCount c => new FunctionWrongCount(c.ExpectedDisplay),
            WrongArgumentType t => new FunctionWrongType(t.Index, t.Expected, t.Reason),
            _ => new FunctionUnknown(),
        };

    private static FunctionTyped Typed(ResolvedFunction r)
    {
        var lenient = new List<(int, string)>();
        for (int i = 0; i < r.ArgumentCoercions.Count; i++)
            if (r.ArgumentCoercions[i].Verdict == Verdict.AllowedWithWarning)
                lenient.Add((i, r.ArgumentCoercions[i].Reason ?? "not allowed by the spec"));
        return new FunctionTyped(r.ResultType, r.Function.Restriction == FunctionRestriction.TaskOutputOnly, lenient);
    }

    private static (WdlType?, AssignKind, string?) Reduce(OperatorResult result)
        => (result.Type, result.Type is null ? AssignKind.Forbidden : Kind(result.Verdict), result.Reason);

    private static AssignKind Kind(Verdict verdict) => verdict switch
    {
        Verdict.Allowed or Verdict.Deprecated => AssignKind.Allowed,
        Verdict.AllowedWithWarning => AssignKind.Lenient,
        _ => AssignKind.Forbidden,
    };
}
