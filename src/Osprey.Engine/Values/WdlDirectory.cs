using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>A reference to a directory (WDL 1.2): a local path or a URI, like <see cref="WdlFile"/>.</summary>
public sealed class WdlDirectory : WdlPrimitive
{
    private WdlDirectory(string location) => Location = location;

    public string Location { get; }

    public static WdlDirectory Of(string location) => new(location);

    public override WdlType Type => WdlType.Directory;

    public override bool Equals(WdlValue? other) => other is WdlDirectory d && string.Equals(d.Location, Location, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(2, string.GetHashCode(Location, StringComparison.Ordinal));

    public override string ToString() => ValueText.Quote(Location);
}
