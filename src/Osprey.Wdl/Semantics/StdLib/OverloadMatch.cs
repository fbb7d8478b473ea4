using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>
/// How well one overload fits a list of argument types. First every argument proposes types for
/// the type parameters it mentions, and each parameter takes the common type of its proposals
/// (so <c>select_first([maybe_int], 1.5)</c> binds X to Float); then each argument is coerced to
/// its parameter type with the bindings fixed.
/// </summary>
internal sealed class OverloadMatch
{
    private OverloadMatch(FunctionOverload overload)
    {
        Overload = overload;
    }

    public FunctionOverload Overload { get; }

    public bool Success => FailedIndex < 0;

    /// <summary>The first argument that does not fit, or -1.</summary>
    public int FailedIndex { get; private set; } = -1;

    /// <summary>The expected type of the failed argument, as text.</summary>
    public string? FailedExpected { get; private set; }

    public string? FailedReason { get; private set; }

    public List<CoercionResult> Coercions { get; } = new();

    /// <summary>Arguments that needed a coercion (fewer is a better fit).</summary>
    public int CoercedCount { get; private set; }

    /// <summary>Arguments that needed a lenient or deprecated coercion (fewer is a better fit; counts first).</summary>
    public int WarningCount { get; private set; }

    public WdlType ResultType { get; private set; } = WdlType.Error;

    public bool IsBetterThan(OverloadMatch other)
        => WarningCount != other.WarningCount ? WarningCount < other.WarningCount : CoercedCount < other.CoercedCount;

    public static OverloadMatch Evaluate(FunctionOverload overload, IReadOnlyList<WdlType> arguments, WdlVersion version)
    {
        var match = new OverloadMatch(overload);
        var bindings = new Dictionary<TypeParameter, WdlType>();
        for (var i = 0; i < arguments.Count; i++)
            Expect(overload.Parameters[i].Type, arguments[i], bindings, widen: true);

        for (var i = 0; i < arguments.Count; i++)
        {
            var pattern = overload.Parameters[i].Type;
            var actual = arguments[i];
            var expected = Expect(pattern, actual, bindings, widen: false);
            if (expected is null)
            {
                match.Fail(i, pattern.Display, null);
                return match;
            }

            if (actual.Equals(expected))
            {
                match.Coercions.Add(CoercionResult.Allowed);
                continue;
            }

            var coercion = TypeCoercion.Check(actual, expected, version);
            if (!coercion.IsAllowed)
            {
                match.Fail(i, expected.Display, coercion.Reason);
                return match;
            }

            match.Coercions.Add(coercion);
            match.CoercedCount++;
            if (coercion.Verdict != Verdict.Allowed)
                match.WarningCount++;
        }

        match.ResultType = Substitute(overload.Returns, bindings);
        return match;
    }

    private void Fail(int index, string expected, string? reason)
    {
        FailedIndex = index;
        FailedExpected = expected;
        FailedReason = reason;
    }

    /// <summary>
    /// The concrete parameter type <paramref name="pattern"/> stands for given the argument type,
    /// binding type parameters not bound yet (and, when <paramref name="widen"/>, widening bound
    /// ones to a common type). Null when the argument's shape cannot fit at all.
    /// </summary>
    private static WdlType? Expect(TypePattern pattern, WdlType actual, Dictionary<TypeParameter, WdlType> bindings, bool widen)
    {
        switch (pattern)
        {
            case ExactPattern exact:
                return exact.Type;

            case ParameterPattern parameter:
                return Bind(parameter, actual, bindings, widen);

            case ArrayPattern array:
                {
                    var shape = actual.Required;
                    if (shape is ErrorType or AnyType)
                        return Expect(array.Element, shape, bindings, widen) is { } any ? WdlType.ArrayOf(any) : null;
                    if (shape is not ArrayType a)
                        return null;

                    // Keep the argument's own `+`: a non-empty parameter is a run-time check.
                    var element = Expect(array.Element, a.Element, bindings, widen);
                    return element is null ? null : new ArrayType(element, a.NonEmpty, false);
                }

            case MapPattern map:
                {
                    var shape = actual.Required;
                    var (key, value) = shape switch
                    {
                        MapType m => (m.Key, m.Value),
                        ErrorType or AnyType => (shape, shape),
                        _ => ((WdlType?)null, (WdlType?)null),
                    };
                    if (key is null || value is null)
                        return null;
                    var k = Expect(map.Key, key, bindings, widen);
                    var v = k is null ? null : Expect(map.Value, value, bindings, widen);
                    return k is null || v is null ? null : WdlType.MapOf(k, v);
                }

            case PairPattern pair:
                {
                    var shape = actual.Required;
                    var (left, right) = shape switch
                    {
                        PairType p => (p.Left, p.Right),
                        ErrorType or AnyType => (shape, shape),
                        _ => ((WdlType?)null, (WdlType?)null),
                    };
                    if (left is null || right is null)
                        return null;
                    var l = Expect(pair.Left, left, bindings, widen);
                    var r = l is null ? null : Expect(pair.Right, right, bindings, widen);
                    return l is null || r is null ? null : WdlType.PairOf(l, r);
                }

            case AnyStructPattern:
                return actual.Required is StructType or ErrorType or AnyType ? actual.Required : null;

            case PathContainerPattern:
                return actual is ErrorType or AnyType || (IsCompound(actual) && ContainsPath(actual)) ? actual : null;

            default:
                throw new InvalidOperationException($"Unknown type pattern {pattern.GetType().Name}");
        }
    }

    private static WdlType? Bind(ParameterPattern pattern, WdlType actual, Dictionary<TypeParameter, WdlType> bindings, bool widen)
    {
        var bound = bindings.GetValueOrDefault(pattern.Parameter);
        if (bound is null || widen)
        {
            var candidate = Candidate(pattern, actual);
            if (candidate is null)
                return null;

            bound = bound is null ? candidate : TypeCoercion.CommonType([bound, candidate]) ?? bound;
            bindings[pattern.Parameter] = bound;
        }

        return pattern.Optional ? bound.Optional : bound;
    }

    /// <summary>What an argument of type <paramref name="actual"/> says the parameter is; null if it cannot be.</summary>
    private static WdlType? Candidate(ParameterPattern pattern, WdlType actual)
    {
        // `X?` given `T?` (or `T`) says X is T; None says nothing about X.
        var candidate = actual is NoneType ? WdlType.Any : pattern.Optional ? actual.Required : actual;
        if (pattern.Parameter.Constraint != TypeConstraint.Primitive)
            return candidate;

        // `P` given `String?` says P is String; the coercion String? -> String then reports the
        // optional argument instead of a confusing mismatch.
        return candidate.Required is PrimitiveType or AnyType or ErrorType ? candidate.Required : null;
    }

    private static WdlType Substitute(TypePattern pattern, IReadOnlyDictionary<TypeParameter, WdlType> bindings) => pattern switch
    {
        ExactPattern exact => exact.Type,
        ParameterPattern p => bindings.TryGetValue(p.Parameter, out var bound)
            ? (p.Optional ? bound.Optional : bound)
            : (p.Optional ? WdlType.Any.Optional : WdlType.Any),
        ArrayPattern a => new ArrayType(Substitute(a.Element, bindings), a.NonEmpty, false),
        MapPattern m => WdlType.MapOf(Substitute(m.Key, bindings), Substitute(m.Value, bindings)),
        PairPattern p => WdlType.PairOf(Substitute(p.Left, bindings), Substitute(p.Right, bindings)),
        _ => WdlType.Any,
    };

    private static bool IsCompound(WdlType type) => type.Required is ArrayType or MapType or PairType or StructType or ObjectType;

    private static bool ContainsPath(WdlType type) => type switch
    {
        PrimitiveType p => p.IsPathLike,
        ArrayType a => ContainsPath(a.Element),
        MapType m => ContainsPath(m.Key) || ContainsPath(m.Value),
        PairType p => ContainsPath(p.Left) || ContainsPath(p.Right),
        StructType s => s.Members.Any(m => ContainsPath(m.Type)),
        _ => false,
    };
}
