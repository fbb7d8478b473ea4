using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>
/// Finds the type a group of values can share, for values built without a declared type: the
/// elements of array literals, the keys and values of map literals, and data read by
/// <c>read_json</c>. Int and Float meet at Float, String and File at File, None makes a type
/// optional and <c>Any</c> (the element type of an empty array) gives way to anything.
/// </summary>
public static class TypeUnification
{
    /// <summary>The common type, or null when the two types have none.</summary>
    public static WdlType? Common(WdlType a, WdlType b)
    {
        if (a is NoneType) return b is NoneType ? a : b.Optional;
        if (b is NoneType) return a.Optional;
        if (a is AnyType) return a.IsOptional ? b.Optional : b;
        if (b is AnyType) return b.IsOptional ? a.Optional : a;

        bool optional = a.IsOptional || b.IsOptional;
        var left = a.Required;
        var right = b.Required;
        WdlType? result = CommonRequired(left, right);
        return result is null ? null : optional ? result.Optional : result;
    }

    private static WdlType? CommonRequired(WdlType a, WdlType b)
    {
        if (a.Equals(b)) return a;
        switch (a)
        {
            case PrimitiveType pa when b is PrimitiveType pb:
                return (pa.Kind, pb.Kind) switch
                {
                    (PrimitiveKind.Int, PrimitiveKind.Float) or (PrimitiveKind.Float, PrimitiveKind.Int) => WdlType.Float,
                    (PrimitiveKind.String, PrimitiveKind.File) or (PrimitiveKind.File, PrimitiveKind.String) => WdlType.File,
                    (PrimitiveKind.String, PrimitiveKind.Directory) or (PrimitiveKind.Directory, PrimitiveKind.String) => WdlType.Directory,
                    _ => null,
                };
            case ArrayType aa when b is ArrayType ab:
                {
                    var element = Common(aa.Element, ab.Element);
                    return element is null ? null : new ArrayType(element, aa.NonEmpty && ab.NonEmpty, false);
                }
            case MapType ma when b is MapType mb:
                {
                    var key = Common(ma.Key, mb.Key);
                    var value = Common(ma.Value, mb.Value);
                    return key is null || value is null ? null : WdlType.MapOf(key, value);
                }
            case PairType pa when b is PairType pb:
                {
                    var l = Common(pa.Left, pb.Left);
                    var r = Common(pa.Right, pb.Right);
                    return l is null || r is null ? null : WdlType.PairOf(l, r);
                }
            case StructType sa when b is StructType sb:
                return sa.Name == sb.Name ? sa : null;
            case ObjectType when b is MapType or StructType:
            case MapType or StructType when b is ObjectType:
                return WdlType.Object;
            default:
                return null;
        }
    }

    /// <summary>
    /// The element type shared by all values (<c>Any</c> when there are none). Throws
    /// <see cref="WdlValueException"/> naming the first value that does not fit.
    /// </summary>
    public static WdlType CommonTypeOf(IReadOnlyList<WdlValue> values, string what = "array elements")
    {
        WdlType common = WdlType.Any;
        for (int i = 0; i < values.Count; i++)
        {
            var next = Common(common, values[i].Type);
            if (next is null)
                throw new WdlValueException($"{what} have no common type: {common} and {values[i].Type} (at position {i})");
            common = next;
        }
        return common;
    }
}
