namespace Osprey.Wdl.Semantics;

/// <summary>
/// How the type checker should treat a coercion or an operator application. Ordered by
/// severity so that the verdict of a compound check is the worst verdict of its parts.
/// </summary>
public enum Verdict
{
    /// <summary>Valid in this WDL version.</summary>
    Allowed = 0,

    /// <summary>Valid in this version but marked deprecated (🗑) by its spec: still portable today.</summary>
    Deprecated = 1,

    /// <summary>
    /// Not valid per the spec of this version, but tolerated by Cromwell (or listed by the spec as a
    /// "limited exception" an engine may allow); real-world WDL relies on it. The checker warns.
    /// See <see cref="LenientRule"/> for the list.
    /// </summary>
    AllowedWithWarning = 2,

    /// <summary>Invalid.</summary>
    Forbidden = 3,
}

public static class VerdictExtensions
{
    public static bool IsAllowed(this Verdict verdict) => verdict != Verdict.Forbidden;
}
