namespace Osprey.Wdl.Syntax;

/// <summary>The WDL language versions Osprey understands. Ordered: later versions compare greater.</summary>
public enum WdlVersion
{
    /// <summary>A document with no <c>version</c> statement.</summary>
    Draft2 = 0,
    V1_0 = 10,
    V1_1 = 11,
    V1_2 = 12,
}

public static class WdlVersions
{
    /// <summary>Parses the text after <c>version</c>; "development" is not supported.</summary>
    public static WdlVersion? Parse(string text) => text switch
    {
        "1.0" => WdlVersion.V1_0,
        "1.1" => WdlVersion.V1_1,
        "1.2" => WdlVersion.V1_2,
        "draft-2" => WdlVersion.Draft2,
        _ => null,
    };

    public static string Display(this WdlVersion version) => version switch
    {
        WdlVersion.Draft2 => "draft-2",
        WdlVersion.V1_0 => "1.0",
        WdlVersion.V1_1 => "1.1",
        WdlVersion.V1_2 => "1.2",
        _ => version.ToString(),
    };
}
