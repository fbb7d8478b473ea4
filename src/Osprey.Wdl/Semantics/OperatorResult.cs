using System.Diagnostics.CodeAnalysis;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// The typing of one operator application: the result type (null when the operator cannot be
/// applied), the verdict, and a short reason for warnings, deprecations and errors.
/// </summary>
public sealed record OperatorResult(WdlType? Type, Verdict Verdict, string? Reason = null, LenientRule? Rule = null)
{
    [MemberNotNullWhen(true, nameof(Type))]
    public bool IsValid => Type is not null && Verdict.IsAllowed();

    public static OperatorResult Ok(WdlType type) => new(type, Verdict.Allowed);

    public static OperatorResult Invalid(string reason) => new(null, Verdict.Forbidden, reason);

    public static OperatorResult Deprecated(WdlType type, string reason) => new(type, Verdict.Deprecated, reason);

    public static OperatorResult Lenient(WdlType type, LenientRule rule, string reason) => new(type, Verdict.AllowedWithWarning, reason, rule);

    /// <summary>This result, downgraded to <paramref name="other"/>'s verdict and reason when that one is worse.</summary>
    public OperatorResult And(OperatorResult other)
        => other.Verdict > Verdict ? this with { Verdict = other.Verdict, Reason = other.Reason, Rule = other.Rule } : this;
}
