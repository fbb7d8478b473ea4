using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

public static partial class TypeCoercion
{
    /// <summary>
    /// The narrowest type every given type coerces to without a warning, used for the elements of
    /// array literals, the keys and values of map literals, and the two branches of if-then-else:
    /// <c>[1, 2.0]</c> is <c>Array[Float]</c>, <c>[1, None]</c> is <c>Array[Int?]</c>,
    /// <c>if c then 1 else None</c> is <c>Int?</c>. Returns <see cref="AnyType"/> for no types (an empty
    /// literal), and null when the types have nothing in common (e.g. <c>Int</c> and <c>String</c>).
    /// </summary>
    public static WdlType? CommonType(IEnumerable<WdlType> types, WdlVersion version = WdlVersion.V1_2)
    {
        WdlType? result = null;
        foreach (var type in types)
        {
            if (result is null)
            {
                result = type;
                continue;
            }

            result = Unify(result, type, version);
            if (result is null)
                return null;
        }

        return result ?? WdlType.Any;
    }

    private static WdlType? Unify(WdlType a, WdlType b, WdlVersion version)
    {
        if (a is ErrorType || b is ErrorType)
            return WdlType.Error;

        // None and the unknown type (an empty array's element) take the shape of the other side.
        if (a is NoneType)
            return b.Optional;
        if (b is NoneType)
            return a.Optional;
        if (a is AnyType)
            return a.IsOptional ? b.Optional : b;
        if (b is AnyType)
            return b.IsOptional ? a.Optional : a;

        var optional = a.IsOptional || b.IsOptional;
        var shape = UnifyRequired(a.Required, b.Required, version);
        return shape?.WithOptional(optional);
    }

    private static WdlType? UnifyRequired(WdlType a, WdlType b, WdlVersion version)
    {
        if (a.Equals(b))
            return a;

        switch (a, b)
        {
            case (PrimitiveType pa, PrimitiveType pb):
                return UnifyPrimitive(pa, pb);
            case (ArrayType aa, ArrayType ab):
                var element = Unify(aa.Element, ab.Element, version);
                return element is null ? null : new ArrayType(element, aa.NonEmpty && ab.NonEmpty, false);
            case (MapType ma, MapType mb):
                var key = Unify(ma.Key, mb.Key, version);
                var value = Unify(ma.Value, mb.Value, version);
                return key is null || value is null ? null : WdlType.MapOf(key, value);
            case (PairType pa, PairType pb):
                var left = Unify(pa.Left, pb.Left, version);
                var right = Unify(pa.Right, pb.Right, version);
                return left is null || right is null ? null : WdlType.PairOf(left, right);
        }

        // Structs, objects and maps mixed with them: whichever side the other coerces to cleanly,
        // preferring Object (the loosest) so the answer does not depend on the order.
        if (b is ObjectType && IsCoercible(a, b, version))
            return b;
        if (IsCoercible(b, a, version))
            return a;
        if (IsCoercible(a, b, version))
            return b;
        return null;
    }

    private static PrimitiveType? UnifyPrimitive(PrimitiveType a, PrimitiveType b)
    {
        if (a.Kind == b.Kind)
            return a;

        return (a.Kind, b.Kind) switch
        {
            (PrimitiveKind.Int, PrimitiveKind.Float) or (PrimitiveKind.Float, PrimitiveKind.Int) => WdlType.Float,

            // Both directions coerce; prefer the path type since a String literal next to a File
            // is almost always a path (e.g. `if c then f else "default.txt"`).
            (PrimitiveKind.String, PrimitiveKind.File) or (PrimitiveKind.File, PrimitiveKind.String) => WdlType.File,
            (PrimitiveKind.String, PrimitiveKind.Directory) or (PrimitiveKind.Directory, PrimitiveKind.String) => WdlType.Directory,
            _ => null,
        };
    }
}
