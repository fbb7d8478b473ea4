namespace Osprey.Wdl.Semantics;

/// <summary>
/// The outcome of <see cref="TypeCoercion.Check"/>. <see cref="Reason"/> is a short phrase fit for a
/// diagnostic message ("Int? is optional but Int is required"); it is null only when the
/// coercion is plainly allowed. <see cref="Rule"/> names the lenient rule behind a warning.
/// </summary>
public sealed record CoercionResult(Verdict Verdict, string? Reason = null, LenientRule? Rule = null)
{
    public static readonly CoercionResult Allowed = new(Verdict.Allowed);

    public bool IsAllowed => Verdict.IsAllowed();

    public static CoercionResult Forbidden(string reason) => new(Verdict.Forbidden, reason);

    public static CoercionResult Deprecated(string reason) => new(Verdict.Deprecated, reason);

    public static CoercionResult Lenient(LenientRule rule, string reason) => new(Verdict.AllowedWithWarning, reason, rule);

    /// <summary>The worse of two results: used when a compound coercion is made of several parts.</summary>
    public CoercionResult And(CoercionResult other) => other.Verdict > Verdict ? other : this;

    public override string ToString() => Reason is null ? Verdict.ToString() : $"{Verdict}: {Reason}";
}
