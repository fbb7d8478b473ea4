using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics.StdLib;

public enum ResolutionKind
{
    Resolved,
    UnknownFunction,
    NotInVersion,
    WrongArgumentCount,
    WrongArgumentType,
}

/// <summary>
/// The outcome of <see cref="StandardLibrary.Resolve"/>: the chosen overload and result type, or
/// exactly why the call is invalid. Switch on the concrete type (or <see cref="Kind"/>).
/// </summary>
public abstract record FunctionResolution(string Name)
{
    public abstract ResolutionKind Kind { get; }
}

/// <summary>
/// The call is valid. <see cref="ArgumentCoercions"/> has one entry per argument; entries with
/// <see cref="Verdict.AllowedWithWarning"/> or <see cref="Verdict.Deprecated"/> deserve a diagnostic.
/// </summary>
public sealed record ResolvedFunction(
    FunctionDefinition Function,
    FunctionOverload Overload,
    WdlType ResultType,
    IReadOnlyList<CoercionResult> ArgumentCoercions) : FunctionResolution(Function.Name)
{
    public override ResolutionKind Kind => ResolutionKind.Resolved;

    public bool HasWarnings => ArgumentCoercions.Any(c => c.Verdict != Verdict.Allowed);
}

public sealed record UnknownFunction(string Name) : FunctionResolution(Name)
{
    public override ResolutionKind Kind => ResolutionKind.UnknownFunction;
}

/// <summary>
/// The function, or the only overload that fits the arguments, needs a later version.
/// <see cref="AsOfIntroduction"/> is the resolution in <see cref="IntroducedIn"/> when it succeeds, so the
/// checker can go on typing (and may downgrade the error to a warning under
/// <see cref="LenientRule.FunctionFromLaterVersion"/>).
/// </summary>
public sealed record FunctionNotInVersion(
    FunctionDefinition Function,
    WdlVersion IntroducedIn,
    WdlVersion RequestedVersion,
    ResolvedFunction? AsOfIntroduction) : FunctionResolution(Function.Name)
{
    public override ResolutionKind Kind => ResolutionKind.NotInVersion;
}

/// <summary>No overload takes <see cref="ActualCount"/> arguments; <see cref="ExpectedCounts"/> lists those that do, ascending.</summary>
public sealed record WrongArgumentCount(
    FunctionDefinition Function,
    IReadOnlyList<int> ExpectedCounts,
    int ActualCount) : FunctionResolution(Function.Name)
{
    public override ResolutionKind Kind => ResolutionKind.WrongArgumentCount;

    /// <summary>"1", "1 or 2", "1, 2 or 3".</summary>
    public string ExpectedDisplay => ExpectedCounts.Count == 1
        ? ExpectedCounts[0].ToString()
        : $"{string.Join(", ", ExpectedCounts.Take(ExpectedCounts.Count - 1))} or {ExpectedCounts[^1]}";
}

/// <summary>
/// Argument <see cref="Index"/> (zero-based) fits no overload. <see cref="Expected"/> is the expected type
/// as text (several alternatives are joined with " or "); <see cref="Reason"/> explains a failed
/// coercion when there is one.
/// </summary>
public sealed record WrongArgumentType(
    FunctionDefinition Function,
    int Index,
    string Expected,
    WdlType Actual,
    string? Reason) : FunctionResolution(Function.Name)
{
    public override ResolutionKind Kind => ResolutionKind.WrongArgumentType;
}
