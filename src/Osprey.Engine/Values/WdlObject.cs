using System.Text;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>
/// An <c>Object</c>: named members with values of any type, in insertion order. Also the shape of a
/// call's outputs and of 1.2 hints literals, so member access treats all of them alike.
/// </summary>
public sealed class WdlObject : WdlValue, IMemberValue
{
    private static readonly string[] NoNames = [];
    private static readonly WdlValue[] NoValues = [];

    private readonly string[] _names;
    private readonly WdlValue[] _values;

    private WdlObject(string[] names, WdlValue[] values)
    {
        _names = names;
        _values = values;
    }

    public static readonly WdlObject Empty = new(NoNames, NoValues);

    public override WdlType Type => WdlType.Object;

    public int Count => _names.Length;

    public IReadOnlyList<string> MemberNames => _names;

    public IReadOnlyList<WdlValue> MemberValues => _values;

    public IEnumerable<KeyValuePair<string, WdlValue>> Members
    {
        get
        {
            for (int i = 0; i < _names.Length; i++) yield return new(_names[i], _values[i]);
        }
    }

    /// <summary>Creates an object; throws <see cref="WdlValueException"/> on a duplicate member name.</summary>
    public static WdlObject Create(IEnumerable<KeyValuePair<string, WdlValue>> members)
    {
        var names = new List<string>();
        var values = new List<WdlValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            if (!seen.Add(name)) throw new WdlValueException($"duplicate object member '{name}'");
            names.Add(name);
            values.Add(value);
        }
        return names.Count == 0 ? Empty : new WdlObject(names.ToArray(), values.ToArray());
    }

    public bool TryGetMember(string name, out WdlValue value)
    {
        for (int i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }
        value = WdlNone.Instance;
        return false;
    }

    public bool HasMember(string name) => Array.IndexOf(_names, name) >= 0;

    /// <summary>Objects are unordered: equal when they have the same members with equal values.</summary>
    public override bool Equals(WdlValue? other)
    {
        if (other is not WdlObject o || o._names.Length != _names.Length) return false;
        for (int i = 0; i < _names.Length; i++)
            if (!o.TryGetMember(_names[i], out var v) || !v.Equals(_values[i])) return false;
        return true;
    }

    public override int GetHashCode()
    {
        int hash = _names.Length;
        foreach (var n in _names) hash ^= string.GetHashCode(n, StringComparison.Ordinal);
        return hash;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("object {");
        for (int i = 0; i < _names.Length; i++)
        {
            sb.Append(i > 0 ? ", " : " ");
            sb.Append(_names[i]).Append(": ").Append(_values[i]);
        }
        return sb.Append(_names.Length > 0 ? " }" : "}").ToString();
    }
}
