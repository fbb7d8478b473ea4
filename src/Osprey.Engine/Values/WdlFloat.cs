using System.Globalization;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>A finite 64-bit IEEE-754 number.</summary>
public sealed class WdlFloat : WdlPrimitive
{
    private WdlFloat(double value) => Value = value;

    public double Value { get; }

    /// <summary>Creates a Float; callers that compute values check finiteness first (WDL Floats are finite).</summary>
    public static WdlFloat Of(double value) => new(value);

    public override WdlType Type => WdlType.Float;

    public override bool Equals(WdlValue? other) => other is WdlFloat f && f.Value.Equals(Value);

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => ValueText.RoundTrip(Value);
}
