using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>The spec's grouping of the standard library.</summary>
public enum FunctionFamily
{
    Numeric,
    String,
    File,
    StringArray,
    Array,
    Map,
    Other,
}

/// <summary>Where a function may be called.</summary>
public enum FunctionRestriction
{
    None,

    /// <summary>
    /// Only in a task's <c>output</c> section: the function reads what the command produced
    /// (<c>stdout</c>, <c>stderr</c>, <c>glob</c>).
    /// </summary>
    TaskOutputOnly,
}

/// <summary>Side effects, for "simple expression" analysis and for the engine's scheduling and caching.</summary>
[Flags]
public enum FunctionEffects
{
    None = 0,
    ReadsFiles = 1,
    WritesFiles = 2,
}

/// <summary>
/// A standard-library function: its name, its overloads (each with the version that introduced
/// it), where it may be called and what it touches. The function exists in a version when at
/// least one overload does.
/// </summary>
public sealed record FunctionDefinition(string Name, FunctionFamily Family, IReadOnlyList<FunctionOverload> Overloads)
{
    public FunctionRestriction Restriction { get; init; } = FunctionRestriction.None;

    public FunctionEffects Effects { get; init; } = FunctionEffects.None;

    /// <summary>The version whose spec marks the function 🗑 (none in draft-2 to 1.2 so far).</summary>
    public WdlVersion? DeprecatedIn { get; init; }

    /// <summary>The first version without the function (none in draft-2 to 1.2 so far).</summary>
    public WdlVersion? RemovedIn { get; init; }

    public WdlVersion IntroducedIn => Overloads.Min(o => o.Since);

    public bool IsAvailableIn(WdlVersion version)
        => version >= IntroducedIn && (RemovedIn is null || version < RemovedIn);

    public bool IsDeprecatedIn(WdlVersion version) => DeprecatedIn is not null && version >= DeprecatedIn;

    public IEnumerable<FunctionOverload> OverloadsIn(WdlVersion version)
        => IsAvailableIn(version) ? Overloads.Where(o => o.IsAvailableIn(version)) : [];

    public override string ToString() => Name;
}
