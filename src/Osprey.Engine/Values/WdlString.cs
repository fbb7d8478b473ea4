using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>A Unicode string.</summary>
public sealed class WdlString : WdlPrimitive
{
    public static readonly WdlString Empty = new(string.Empty);

    private WdlString(string value) => Value = value;

    public string Value { get; }

    public static WdlString Of(string value) => value.Length == 0 ? Empty : new WdlString(value);

    public override WdlType Type => WdlType.String;

    public override bool Equals(WdlValue? other) => other is WdlString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    public override int GetHashCode() => string.GetHashCode(Value, StringComparison.Ordinal);

    public override string ToString() => ValueText.Quote(Value);
}
