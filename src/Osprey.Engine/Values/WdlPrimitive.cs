namespace Osprey.Engine.Values;

/// <summary>A Boolean, Int, Float, String, File or Directory value.</summary>
public abstract class WdlPrimitive : WdlValue
{
    private protected WdlPrimitive()
    {
    }
}
