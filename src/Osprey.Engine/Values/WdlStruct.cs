using System.Text;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>
/// A struct instance: its <see cref="StructType"/> plus one value per member, in the order the
/// struct defines them (absent optional members hold <c>None</c>). Member names live in the shared
/// type, so an instance costs one array of values.
/// </summary>
public sealed class WdlStruct : WdlValue, IMemberValue
{
    private readonly WdlValue[] _values;
    private string[]? _names;

    private WdlStruct(StructType type, WdlValue[] values)
    {
        StructType = type;
        _values = values;
    }

    public StructType StructType { get; }

    public override WdlType Type => StructType;

    public string Name => StructType.Name;

    public IReadOnlyList<WdlValue> MemberValues => _values;

    public IReadOnlyList<string> MemberNames => _names ??= StructType.Members.Select(m => m.Name).ToArray();

    public IEnumerable<KeyValuePair<string, WdlValue>> Members
    {
        get
        {
            for (int i = 0; i < _values.Length; i++) yield return new(StructType.Members[i].Name, _values[i]);
        }
    }

    /// <summary>
    /// Creates an instance from values given in member order. The caller has coerced every value
    /// to its member type (see <see cref="ValueCoercion"/> for checked construction).
    /// </summary>
    public static WdlStruct Create(StructType type, IReadOnlyList<WdlValue> values)
    {
        if (values.Count != type.Members.Count)
            throw new WdlValueException($"struct {type.Name} has {type.Members.Count} members but {values.Count} values were given");
        return new WdlStruct(type.IsOptional ? (StructType)type.Required : type, values.ToArray());
    }

    internal static WdlStruct Own(StructType type, WdlValue[] values) =>
        new(type.IsOptional ? (StructType)type.Required : type, values);

    public bool TryGetMember(string name, out WdlValue value)
    {
        var members = StructType.Members;
        for (int i = 0; i < members.Count; i++)
        {
            if (string.Equals(members[i].Name, name, StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }
        value = WdlNone.Instance;
        return false;
    }

    /// <summary>Equal when both have the same member names and equal member values.</summary>
    public override bool Equals(WdlValue? other)
    {
        if (other is not WdlStruct s || s._values.Length != _values.Length) return false;
        for (int i = 0; i < _values.Length; i++)
        {
            if (!s.TryGetMember(StructType.Members[i].Name, out var v) || !v.Equals(_values[i])) return false;
        }
        return true;
    }

    public override int GetHashCode() => HashCode.Combine(_values.Length, _values.Length > 0 ? _values[0] : null);

    public override string ToString()
    {
        var sb = new StringBuilder(Name).Append(" {");
        for (int i = 0; i < _values.Length; i++)
        {
            sb.Append(i > 0 ? ", " : " ");
            sb.Append(StructType.Members[i].Name).Append(": ").Append(_values[i]);
        }
        return sb.Append(_values.Length > 0 ? " }" : "}").ToString();
    }
}
