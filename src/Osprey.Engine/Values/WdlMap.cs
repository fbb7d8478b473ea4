using System.Text;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>
/// An insertion-ordered map with unique keys. Keys and values sit in two parallel arrays; a hash
/// index is built on the first lookup only for maps large enough that a linear scan would hurt.
/// </summary>
public sealed class WdlMap : WdlValue
{
    private const int IndexThreshold = 8;
    private static readonly WdlValue[] NoItems = [];

    private readonly WdlValue[] _keys;
    private readonly WdlValue[] _values;
    private Dictionary<WdlValue, int>? _index;

    private WdlMap(MapType type, WdlValue[] keys, WdlValue[] values)
    {
        MapType = type;
        _keys = keys;
        _values = values;
    }

    public MapType MapType { get; }

    public override WdlType Type => MapType;

    public int Count => _keys.Length;

    public IReadOnlyList<WdlValue> Keys => _keys;

    public IReadOnlyList<WdlValue> Values => _values;

    public static WdlMap Empty(WdlType keyType, WdlType valueType) => new(WdlType.MapOf(keyType, valueType), NoItems, NoItems);

    /// <summary>
    /// Creates a map from entries in order. Throws <see cref="WdlValueException"/> naming the key
    /// when a key occurs twice.
    /// </summary>
    public static WdlMap Create(WdlType keyType, WdlType valueType, IEnumerable<KeyValuePair<WdlValue, WdlValue>> entries)
    {
        var keys = new List<WdlValue>();
        var values = new List<WdlValue>();
        foreach (var (k, v) in entries)
        {
            keys.Add(k);
            values.Add(v);
        }
        return Own(WdlType.MapOf(keyType, valueType), keys.ToArray(), values.ToArray(), checkDuplicates: true);
    }

    /// <summary>Wraps parallel arrays that nobody else holds.</summary>
    internal static WdlMap Own(MapType type, WdlValue[] keys, WdlValue[] values, bool checkDuplicates)
    {
        var map = new WdlMap(type.IsOptional ? (MapType)type.Required : type, keys.Length == 0 ? NoItems : keys, values.Length == 0 ? NoItems : values);
        if (checkDuplicates && keys.Length > 1)
        {
            if (keys.Length > IndexThreshold)
            {
                map._index = BuildIndex(keys); // throws on a duplicate
            }
            else
            {
                for (int i = 1; i < keys.Length; i++)
                    for (int j = 0; j < i; j++)
                        if (keys[i].Equals(keys[j])) throw DuplicateKey(keys[i]);
            }
        }
        return map;
    }

    internal WdlMap WithType(MapType type) => new(type.IsOptional ? (MapType)type.Required : type, _keys, _values) { _index = _index };

    public KeyValuePair<WdlValue, WdlValue> EntryAt(int index) => new(_keys[index], _values[index]);

    public IEnumerable<KeyValuePair<WdlValue, WdlValue>> Entries
    {
        get
        {
            for (int i = 0; i < _keys.Length; i++) yield return new(_keys[i], _values[i]);
        }
    }

    /// <summary>Looks a key up by strict value equality (callers coerce the key to the key type first).</summary>
    public bool TryGetValue(WdlValue key, out WdlValue value)
    {
        int i = IndexOf(key);
        value = i >= 0 ? _values[i] : WdlNone.Instance;
        return i >= 0;
    }

    public bool ContainsKey(WdlValue key) => IndexOf(key) >= 0;

    private int IndexOf(WdlValue key)
    {
        if (_keys.Length > IndexThreshold)
        {
            _index ??= BuildIndex(_keys);
            return _index.TryGetValue(key, out int i) ? i : -1;
        }
        for (int i = 0; i < _keys.Length; i++)
            if (_keys[i].Equals(key)) return i;
        return -1;
    }

    private static Dictionary<WdlValue, int> BuildIndex(WdlValue[] keys)
    {
        var index = new Dictionary<WdlValue, int>(keys.Length);
        for (int i = 0; i < keys.Length; i++)
            if (!index.TryAdd(keys[i], i)) throw DuplicateKey(keys[i]);
        return index;
    }

    private static WdlValueException DuplicateKey(WdlValue key) => new($"duplicate map key {key}");

    public override bool Equals(WdlValue? other)
    {
        if (other is not WdlMap m || m._keys.Length != _keys.Length) return false;
        for (int i = 0; i < _keys.Length; i++)
            if (!_keys[i].Equals(m._keys[i]) || !_values[i].Equals(m._values[i])) return false;
        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_keys.Length);
        for (int i = 0; i < Math.Min(_keys.Length, 16); i++) hash.Add(_keys[i]);
        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var sb = new StringBuilder("{");
        for (int i = 0; i < _keys.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(_keys[i]).Append(": ").Append(_values[i]);
        }
        return sb.Append('}').ToString();
    }
}
