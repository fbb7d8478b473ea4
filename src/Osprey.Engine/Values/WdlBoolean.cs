using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>A Boolean. There are exactly two instances.</summary>
public sealed class WdlBoolean : WdlPrimitive
{
    public static readonly WdlBoolean True = new(true);
    public static readonly WdlBoolean False = new(false);

    private WdlBoolean(bool value) => Value = value;

    public bool Value { get; }

    public static WdlBoolean Of(bool value) => value ? True : False;

    public override WdlType Type => WdlType.Boolean;

    public override bool Equals(WdlValue? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => Value ? 1 : 0;

    public override string ToString() => Value ? "true" : "false";
}
