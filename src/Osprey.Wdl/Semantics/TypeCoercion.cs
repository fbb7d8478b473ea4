using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// Which values of one type may be used where another type is expected, per WDL version.
/// The rules come from each spec's "Type Coercion" section (draft-2/1.0: the coercion table plus
/// the struct, object and <c>flatten</c> texts; 1.1/1.2: the table of globally valid coercions, the
/// optional-type rules and the struct-to-struct rules) plus the lenient rules of
/// <see cref="LenientRule"/>, which yield <see cref="Verdict.AllowedWithWarning"/>.
/// </summary>
public static partial class TypeCoercion
{
    public static CoercionResult Check(WdlType from, WdlType to, WdlVersion version)
    {
        // An error was already reported, or the type is not known until run time (Union / empty
        // array element): stay silent so one problem yields one diagnostic.
        if (from is ErrorType || to is ErrorType || from is AnyType || to is AnyType)
            return CoercionResult.Allowed;

        if (from is NoneType)
        {
            return to.IsOptional
                ? CoercionResult.Allowed
                : CoercionResult.Forbidden($"None is only allowed where an optional type is expected, but {to} is required");
        }

        if (to is NoneType)
            return CoercionResult.Forbidden($"{from} cannot be used where None is expected");

        var result = CoercionResult.Allowed;
        if (from.IsOptional && !to.IsOptional)
        {
            result = CoercionResult.Lenient(LenientRule.OptionalToRequired,
                $"{from} is optional but {to} is required");
        }

        return result.And(CheckRequired(from.Required, to.Required, version));
    }

    /// <summary>True when <paramref name="from"/> can be used as <paramref name="to"/> without a warning.</summary>
    public static bool IsCoercible(WdlType from, WdlType to, WdlVersion version)
        => Check(from, to, version).Verdict is Verdict.Allowed or Verdict.Deprecated;

    private static CoercionResult CheckRequired(WdlType from, WdlType to, WdlVersion version) => (from, to) switch
    {
        (PrimitiveType f, PrimitiveType t) => Primitive(f, t),
        (ArrayType f, ArrayType t) => Array(f, t, version),
        (MapType f, MapType t) => Check(f.Key, t.Key, version).And(Check(f.Value, t.Value, version)),
        (PairType f, PairType t) => Check(f.Left, t.Left, version).And(Check(f.Right, t.Right, version)),
        (ObjectType, ObjectType) => CoercionResult.Allowed,
        (StructType f, StructType t) => StructToStruct(f, t, version),
        (MapType f, ArrayType t) => MapToPairArray(f, t, version),
        (ArrayType f, MapType t) => PairArrayToMap(f, t, version),
        (MapType f, ObjectType t) => MapToObject(f, t, version),
        (ObjectType f, MapType t) => ObjectToMap(f, t, version),
        (MapType f, StructType t) => MapToStruct(f, t, version),
        (ObjectType, StructType) => StructFromNonLiteral(version),
        (StructType f, ObjectType) => StructToMapOrObject(f, CoercionResult.Allowed, version),
        (StructType f, MapType t) => StructToMap(f, t, version),
        _ => CoercionResult.Forbidden(NotCoercible(from, to)),
    };

    private static CoercionResult Primitive(PrimitiveType from, PrimitiveType to)
    {
        if (from.Kind == to.Kind)
            return CoercionResult.Allowed;

        return (from.Kind, to.Kind) switch
        {
            (PrimitiveKind.Int, PrimitiveKind.Float) => CoercionResult.Allowed,

            // String -> File is in every version's table; String -> Directory is in 1.2's (Directory
            // does not exist earlier, so allowing it everywhere changes nothing).
            (PrimitiveKind.String, PrimitiveKind.File) => CoercionResult.Allowed,
            (PrimitiveKind.String, PrimitiveKind.Directory) => CoercionResult.Allowed,

            // draft-2 and 1.0 list File -> String. The 1.1/1.2 tables omit it, but their own
            // `sub` text passes a File as the String input ("any arguments are allowed so long as
            // they can be coerced to Strings", example `sub(data_file, ...)`), so the specs rely on it.
            (PrimitiveKind.File, PrimitiveKind.String) => CoercionResult.Allowed,
            (PrimitiveKind.Directory, PrimitiveKind.String) => CoercionResult.Allowed,

            (PrimitiveKind.Int or PrimitiveKind.Float or PrimitiveKind.Boolean, PrimitiveKind.String) =>
                CoercionResult.Lenient(LenientRule.PrimitiveToString,
                    $"{from} is not a String; use string interpolation (\"~{{...}}\") to convert it"),
            (PrimitiveKind.String, PrimitiveKind.Int or PrimitiveKind.Float) =>
                CoercionResult.Lenient(LenientRule.StringToNumber,
                    $"String to {to} is only checked at run time (the text must be a number)"),
            (PrimitiveKind.String, PrimitiveKind.Boolean) =>
                CoercionResult.Lenient(LenientRule.StringToBoolean,
                    "String to Boolean is only checked at run time (the text must be \"true\" or \"false\")"),
            (PrimitiveKind.Float, PrimitiveKind.Int) =>
                CoercionResult.Lenient(LenientRule.FloatToInt,
                    "Float to Int fails at run time unless the value is whole; use round(), floor() or ceil()"),
            _ => CoercionResult.Forbidden(NotCoercible(from, to)),
        };
    }

    private static CoercionResult Array(ArrayType from, ArrayType to, WdlVersion version)
    {
        var result = Check(from.Element, to.Element, version);
        if (to.NonEmpty && !from.NonEmpty)
        {
            result = result.And(CoercionResult.Lenient(LenientRule.ArrayToNonEmpty,
                $"{from} may be empty but {to} must be non-empty"));
        }

        return result;
    }

    private static CoercionResult MapToPairArray(MapType from, ArrayType to, WdlVersion version)
    {
        if (to.Element.Required is not PairType)
            return CoercionResult.Forbidden(NotCoercible(from, to));

        var asPairs = WdlType.ArrayOf(WdlType.PairOf(from.Key, from.Value));
        var result = Array(asPairs, to, version);

        // draft-2 and 1.0 state it in `flatten`: "Map[X, Y] can be coerced to Array[Pair[X, Y]]".
        // 1.1 and 1.2 move it to the deprecated limited exceptions.
        return version >= WdlVersion.V1_1
            ? result.And(CoercionResult.Lenient(LenientRule.MapToPairArray,
                $"{from} to {to} is a deprecated exception; use as_pairs()"))
            : result;
    }

    private static CoercionResult PairArrayToMap(ArrayType from, MapType to, WdlVersion version)
    {
        if (from.Element is not PairType pair)
            return CoercionResult.Forbidden(NotCoercible(from, to));

        return Check(pair.Left, to.Key, version)
            .And(Check(pair.Right, to.Value, version))
            .And(CoercionResult.Lenient(LenientRule.PairArrayToMap,
                $"{from} to {to} is not a standard coercion; use as_map()"));
    }

    private static CoercionResult MapToObject(MapType from, ObjectType to, WdlVersion version)
    {
        if (!IsCoercible(from.Key, WdlType.String, version))
            return CoercionResult.Forbidden($"only a Map with String keys can become an Object, not {from}");

        // 1.0 documents "Object Coercion from Map"; draft-2 has no such text.
        return version == WdlVersion.Draft2
            ? CoercionResult.Lenient(LenientRule.MapToObject, $"{from} to Object is only defined from WDL 1.0")
            : CoercionResult.Allowed;
    }

    private static CoercionResult ObjectToMap(ObjectType from, MapType to, WdlVersion version)
    {
        if (!IsCoercible(WdlType.String, to.Key, version))
            return CoercionResult.Forbidden($"Object member names are Strings and cannot be keys of {to}");

        // Values are checked at run time ("all object values must be coercible to Y").
        return version >= WdlVersion.V1_1
            ? CoercionResult.Allowed
            : CoercionResult.Lenient(LenientRule.ObjectToMap, $"Object to {to} is only defined from WDL 1.1");
    }

    private static CoercionResult MapToStruct(MapType from, StructType to, WdlVersion version)
    {
        if (!IsCoercible(from.Key, WdlType.String, version))
            return CoercionResult.Forbidden($"only a Map with String keys can become struct {to.Name}, not {from}");

        // Keys must match member names: a run-time check. Each member must accept the map's values.
        var result = StructFromNonLiteral(version);
        foreach (var member in to.Members)
            result = result.And(Member(Check(from.Value, member.Type, version), to, member));
        return result;
    }

    /// <summary>
    /// Object or Map to struct: 1.0 documents "Struct Assignment from Object Literal" and 1.1 lists
    /// both in its table; 1.2 deprecates assigning anything but a struct literal to a struct.
    /// </summary>
    private static CoercionResult StructFromNonLiteral(WdlVersion version)
        => version >= WdlVersion.V1_2
            ? CoercionResult.Deprecated("assigning an Object or Map to a struct is deprecated; use a struct literal")
            : CoercionResult.Allowed;

    private static CoercionResult StructToMap(StructType from, MapType to, WdlVersion version)
    {
        if (!IsCoercible(WdlType.String, to.Key, version))
            return CoercionResult.Forbidden($"struct member names are Strings and cannot be keys of {to}");

        var result = CoercionResult.Allowed;
        foreach (var member in from.Members)
            result = result.And(Member(Check(member.Type, to.Value, version), from, member));
        return StructToMapOrObject(from, result, version);
    }

    private static CoercionResult StructToMapOrObject(StructType from, CoercionResult result, WdlVersion version)
    {
        if (!result.IsAllowed || version >= WdlVersion.V1_1)
            return result;
        return result.And(CoercionResult.Lenient(LenientRule.StructToMapOrObject,
            $"struct {from.Name} to Object or Map is only defined from WDL 1.1"));
    }

    private static CoercionResult StructToStruct(StructType from, StructType to, WdlVersion version)
    {
        if (from.Members.Count != to.Members.Count || to.Members.Any(m => from.FindMember(m.Name) is null))
        {
            return CoercionResult.Forbidden(
                $"struct {from.Name} ({MemberNames(from)}) and struct {to.Name} ({MemberNames(to)}) do not have the same members");
        }

        // Same member names and types: the same definition, possibly under an import alias
        // (valid in every version).
        if (to.Members.All(m => from.FindMember(m.Name)!.Type.Equals(m.Type)))
            return CoercionResult.Allowed;

        var result = CoercionResult.Allowed;
        foreach (var member in to.Members)
            result = result.And(Member(Check(from.FindMember(member.Name)!.Type, member.Type, version), to, member));

        if (!result.IsAllowed || version >= WdlVersion.V1_2)
            return result;
        return result.And(CoercionResult.Lenient(LenientRule.StructToStruct,
            $"struct {from.Name} to struct {to.Name} with different member types is only defined from WDL 1.2"));
    }

    private static CoercionResult Member(CoercionResult memberResult, StructType owner, StructMember member)
        => memberResult.Verdict == Verdict.Allowed || memberResult.Reason is null
            ? memberResult
            : memberResult with { Reason = $"member '{member.Name}' of {owner.Name}: {memberResult.Reason}" };

    private static string MemberNames(StructType type) => string.Join(", ", type.Members.Select(m => m.Name));

    private static string NotCoercible(WdlType from, WdlType to)
    {
        var hint = (from, to) switch
        {
            (ArrayType, PrimitiveType { Kind: PrimitiveKind.String }) => "; use sep() to join an array into a String",
            (PrimitiveType, ArrayType) => "; wrap the value in an array literal [...]",
            _ => "",
        };
        return $"{from} cannot be coerced to {to}{hint}";
    }
}
