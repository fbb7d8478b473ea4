using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>
/// A reference to a file: a local path (absolute or relative) or a URI such as <c>s3://</c> or
/// <c>https://</c>. The value is only the location; it never touches the file system, so it can be
/// created, compared and serialized anywhere. Reading goes through the function context.
/// </summary>
public sealed class WdlFile : WdlPrimitive
{
    private WdlFile(string location) => Location = location;

    public string Location { get; }

    public static WdlFile Of(string location) => new(location);

    public override WdlType Type => WdlType.File;

    public override bool Equals(WdlValue? other) => other is WdlFile f && string.Equals(f.Location, Location, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(1, string.GetHashCode(Location, StringComparison.Ordinal));

    public override string ToString() => ValueText.Quote(Location);
}
