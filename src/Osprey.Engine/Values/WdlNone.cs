using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>The undefined value <c>None</c>. There is one instance.</summary>
public sealed class WdlNone : WdlValue
{
    public static readonly WdlNone Instance = new();

    private WdlNone()
    {
    }

    public override WdlType Type => WdlType.None;

    public override bool Equals(WdlValue? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => 0x5a5a5a5a;

    public override string ToString() => "None";
}
