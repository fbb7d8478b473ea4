using System.Globalization;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>A signed 64-bit integer.</summary>
public sealed class WdlInt : WdlPrimitive
{
    // Small integers (indexes, counts, scatter positions) are shared rather than allocated.
    private const int CacheMin = -16;
    private const int CacheMax = 1024;
    private static readonly WdlInt[] Cache = CreateCache();

    private WdlInt(long value) => Value = value;

    public long Value { get; }

    public static WdlInt Of(long value) =>
        value >= CacheMin && value <= CacheMax ? Cache[value - CacheMin] : new WdlInt(value);

    public override WdlType Type => WdlType.Int;

    public override bool Equals(WdlValue? other) => other is WdlInt i && i.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static WdlInt[] CreateCache()
    {
        var cache = new WdlInt[CacheMax - CacheMin + 1];
        for (int i = 0; i < cache.Length; i++) cache[i] = new WdlInt(i + CacheMin);
        return cache;
    }
}
