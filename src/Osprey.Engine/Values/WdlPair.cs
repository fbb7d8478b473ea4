using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>A pair of two values, accessed as <c>left</c> and <c>right</c>.</summary>
public sealed class WdlPair : WdlValue
{
    private WdlPair(PairType type, WdlValue left, WdlValue right)
    {
        PairType = type;
        Left = left;
        Right = right;
    }

    public PairType PairType { get; }

    public WdlValue Left { get; }

    public WdlValue Right { get; }

    public override WdlType Type => PairType;

    /// <summary>A pair whose type is taken from its two values.</summary>
    public static WdlPair Create(WdlValue left, WdlValue right) => new(WdlType.PairOf(left.Type, right.Type), left, right);

    public static WdlPair Create(PairType type, WdlValue left, WdlValue right) =>
        new(type.IsOptional ? (PairType)type.Required : type, left, right);

    public override bool Equals(WdlValue? other) => other is WdlPair p && Left.Equals(p.Left) && Right.Equals(p.Right);

    public override int GetHashCode() => HashCode.Combine(Left, Right);

    public override string ToString() => $"({Left}, {Right})";
}
