using System.Text;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>
/// An ordered array. Holds its elements in one private array (8 bytes per element plus the
/// elements themselves) and its <see cref="ArrayType"/>, whose element type describes every item.
/// </summary>
public sealed class WdlArray : WdlValue
{
    private static readonly WdlValue[] NoItems = [];

    private readonly WdlValue[] _items;

    private WdlArray(ArrayType type, WdlValue[] items)
    {
        ArrayType = type;
        _items = items;
    }

    public ArrayType ArrayType { get; }

    public override WdlType Type => ArrayType;

    public WdlType ElementType => ArrayType.Element;

    public int Count => _items.Length;

    public WdlValue this[int index] => _items[index];

    public IReadOnlyList<WdlValue> Items => _items;

    public ReadOnlySpan<WdlValue> AsSpan() => _items;

    public static WdlArray Empty(WdlType elementType) => new(WdlType.ArrayOf(elementType), NoItems);

    /// <summary>An array of the given element type (the caller guarantees every item conforms).</summary>
    public static WdlArray Create(WdlType elementType, IEnumerable<WdlValue> items) =>
        new(WdlType.ArrayOf(elementType), items.ToArray());

    public static WdlArray Create(WdlType elementType, params WdlValue[] items) =>
        new(WdlType.ArrayOf(elementType), (WdlValue[])items.Clone());

    /// <summary>Wraps an array that nobody else holds, without copying it.</summary>
    internal static WdlArray Own(ArrayType type, WdlValue[] items) =>
        new(type.IsOptional ? (ArrayType)type.Required : type, items.Length == 0 ? NoItems : items);

    /// <summary>The same items under another (compatible) array type, sharing storage.</summary>
    internal WdlArray WithType(ArrayType type) => new(type.IsOptional ? (ArrayType)type.Required : type, _items);

    public override bool Equals(WdlValue? other)
    {
        if (other is not WdlArray a || a._items.Length != _items.Length) return false;
        for (int i = 0; i < _items.Length; i++)
            if (!_items[i].Equals(a._items[i])) return false;
        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_items.Length);
        for (int i = 0; i < Math.Min(_items.Length, 16); i++) hash.Add(_items[i]);
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < _items.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(_items[i]);
        }
        return sb.Append(']').ToString();
    }
}
