using System.Globalization;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Values;

/// <summary>
/// Run-time coercion of a value to a declared type, following the coercion table of the spec
/// (plus its "limited exceptions" that existing workflows depend on):
/// String→File/Directory, File/Directory→String, Int→Float, Float→Int when exact, String→Int/Float
/// when the text is a number (needed for <c>read_lines</c> into <c>Array[Int]</c>), T→T?,
/// Array/Map/Pair element-wise, Array[T]→Array[T]+ when non-empty, Map/Object/Struct into each
/// other, and Map↔Array[Pair].
/// </summary>
/// <remarks>
/// Version matters in one place: when a Map or Object with extra members becomes a struct, WDL 1.2
/// ignores the extra members while earlier versions reject them.
/// Values never become optional themselves: coercing to <c>T?</c> returns a value of type T.
/// </remarks>
public static class ValueCoercion
{
    /// <summary>Coerces or throws a <see cref="CoercionException"/> that names where and why.</summary>
    public static WdlValue Coerce(WdlValue value, WdlType target, WdlVersion version)
    {
        try
        {
            return CoerceCore(value, target, version, string.Empty);
        }
        catch (NestedFailure failure)
        {
            throw new CoercionException(failure.Path.Length > 0
                ? $"cannot coerce {Describe(value)} to {target}: at {failure.Path}: {failure.Reason}"
                : failure.Reason);
        }
    }

    /// <summary>Like <see cref="Coerce"/>, reporting failure through <paramref name="error"/>.</summary>
    public static bool TryCoerce(WdlValue value, WdlType target, WdlVersion version, out WdlValue result, out string? error)
    {
        try
        {
            result = Coerce(value, target, version);
            error = null;
            return true;
        }
        catch (CoercionException e)
        {
            result = WdlNone.Instance;
            error = e.Message;
            return false;
        }
    }

    /// <summary>A short description of a value for error messages: literals for primitives, the type otherwise.</summary>
    public static string Describe(WdlValue value) => value switch
    {
        WdlNone => "None",
        WdlString s => ValueText.Quote(s.Value.Length > 80 ? s.Value[..77] + "..." : s.Value),
        WdlFile f => "File " + ValueText.Quote(f.Location),
        WdlDirectory d => "Directory " + ValueText.Quote(d.Location),
        WdlPrimitive p => p.ToString(),
        WdlArray a when a.Count == 0 => $"an empty array",
        _ => $"a value of type {value.Type}",
    };

    private static WdlValue CoerceCore(WdlValue value, WdlType target, WdlVersion version, string path)
    {
        if (target is AnyType or ErrorType) return value;
        if (value.IsNone)
        {
            if (target.IsOptional) return value;
            throw Fail(path, $"expected {target}, got None");
        }
        return target switch
        {
            PrimitiveType p => CoercePrimitive(value, p, version, path),
            ArrayType a => CoerceToArray(value, a, version, path),
            MapType m => CoerceToMap(value, m, version, path),
            PairType p => value is WdlPair pair ? CoercePair(pair, p, version, path) : throw Mismatch(path, target, value),
            ObjectType => CoerceToObject(value, version, path),
            StructType s => CoerceToStruct(value, s, version, path),
            _ => throw Mismatch(path, target, value),
        };
    }

    private static WdlValue CoercePrimitive(WdlValue value, PrimitiveType target, WdlVersion version, string path)
    {
        switch (target.Kind)
        {
            case PrimitiveKind.Boolean:
                if (value is WdlBoolean) return value;
                break;
            case PrimitiveKind.Int:
                switch (value)
                {
                    case WdlInt: return value;
                    case WdlFloat f when IsExactInt(f.Value): return WdlInt.Of((long)f.Value);
                    case WdlFloat f: throw Fail(path, $"expected Int, got {ValueText.RoundTrip(f.Value)} (a Float that is not a whole number)");
                    case WdlString s when TryParseInt(s.Value, out long i): return WdlInt.Of(i);
                }
                break;
            case PrimitiveKind.Float:
                switch (value)
                {
                    case WdlFloat: return value;
                    case WdlInt i: return WdlFloat.Of(i.Value);
                    case WdlString s when TryParseFloat(s.Value, out double d): return WdlFloat.Of(d);
                }
                break;
            case PrimitiveKind.String:
                switch (value)
                {
                    case WdlString: return value;
                    case WdlFile f: return WdlString.Of(f.Location);
                    case WdlDirectory d: return WdlString.Of(d.Location);
                    // The checker's lenient PrimitiveToString rule (Cromwell accepts `String s = 5`).
                    case WdlBoolean or WdlInt or WdlFloat: return WdlString.Of(ValueText.FormatPrimitive(value, version));
                }
                break;
            case PrimitiveKind.File:
                switch (value)
                {
                    case WdlFile: return value;
                    case WdlString s: return WdlFile.Of(s.Value);
                }
                break;
            case PrimitiveKind.Directory:
                switch (value)
                {
                    case WdlDirectory: return value;
                    case WdlString s: return WdlDirectory.Of(s.Value);
                }
                break;
        }
        throw Mismatch(path, target.Required, value);
    }

    private static WdlValue CoerceToArray(WdlValue value, ArrayType target, WdlVersion version, string path)
    {
        var required = (ArrayType)target.Required;
        if (value is WdlMap map && target.Element.Required is PairType pairType)
        {
            // Limited exception: Map[W, X] → Array[Pair[Y, Z]].
            var pairs = new WdlValue[map.Count];
            for (int i = 0; i < map.Count; i++)
            {
                var (k, v) = map.EntryAt(i);
                pairs[i] = WdlPair.Create(pairType,
                    CoerceCore(k, pairType.Left, version, Join(path, $"[{i}].left")),
                    CoerceCore(v, pairType.Right, version, Join(path, $"[{i}].right")));
            }
            return CheckNonEmpty(WdlArray.Own(required, pairs), target, path);
        }
        if (value is not WdlArray array) throw Mismatch(path, target, value);
        CheckNonEmpty(array, target, path);

        if (array.ElementType.Equals(target.Element) || target.Element is AnyType)
            return array.ArrayType.Equals(required) ? array : array.WithType(required);

        WdlValue[]? copy = null;
        var items = array.AsSpan();
        for (int i = 0; i < items.Length; i++)
        {
            var coerced = CoerceCore(items[i], target.Element, version, Join(path, $"[{i}]"));
            if (copy is null && !ReferenceEquals(coerced, items[i]))
            {
                copy = new WdlValue[items.Length];
                items[..i].CopyTo(copy);
            }
            if (copy is not null) copy[i] = coerced;
        }
        return copy is null ? array.WithType(required) : WdlArray.Own(required, copy);
    }

    private static WdlArray CheckNonEmpty(WdlArray array, ArrayType target, string path)
    {
        if (target.NonEmpty && array.Count == 0)
            throw Fail(path, $"expected a non-empty array ({target.Required}), got an empty array");
        return array;
    }

    private static WdlValue CoerceToMap(WdlValue value, MapType target, WdlVersion version, string path)
    {
        var required = (MapType)target.Required;
        switch (value)
        {
            case WdlMap map:
                {
                    if (map.MapType.Key.Equals(target.Key) && map.MapType.Value.Equals(target.Value)) return map;
                    var keys = new WdlValue[map.Count];
                    var values = new WdlValue[map.Count];
                    bool keysChanged = false;
                    for (int i = 0; i < map.Count; i++)
                    {
                        var (k, v) = map.EntryAt(i);
                        string keyText = KeyPath(k);
                        keys[i] = CoerceCore(k, target.Key, version, Join(path, $"key {keyText}"));
                        values[i] = CoerceCore(v, target.Value, version, Join(path, $"[{keyText}]"));
                        keysChanged |= !ReferenceEquals(keys[i], k);
                    }
                    return OwnMap(required, keys, values, keysChanged, path);
                }
            case IMemberValue members when value is WdlObject or WdlStruct:
                {
                    var names = members.MemberNames;
                    var keys = new WdlValue[names.Count];
                    var values = new WdlValue[names.Count];
                    for (int i = 0; i < names.Count; i++)
                    {
                        members.TryGetMember(names[i], out var v);
                        keys[i] = CoerceCore(WdlString.Of(names[i]), target.Key, version, Join(path, $"key '{names[i]}'"));
                        values[i] = CoerceCore(v, target.Value, version, Join(path, names[i]));
                    }
                    return OwnMap(required, keys, values, true, path);
                }
            case WdlArray array when array.ElementType.Required is PairType || array.Count == 0 || array[0] is WdlPair:
                {
                    // Limited exception: Array[Pair[W, X]] → Map[Y, Z].
                    var keys = new WdlValue[array.Count];
                    var values = new WdlValue[array.Count];
                    for (int i = 0; i < array.Count; i++)
                    {
                        if (array[i] is not WdlPair pair) throw Mismatch(Join(path, $"[{i}]"), WdlType.PairOf(target.Key, target.Value), array[i]);
                        keys[i] = CoerceCore(pair.Left, target.Key, version, Join(path, $"[{i}].left"));
                        values[i] = CoerceCore(pair.Right, target.Value, version, Join(path, $"[{i}].right"));
                    }
                    return OwnMap(required, keys, values, true, path);
                }
            default:
                throw Mismatch(path, target, value);
        }
    }

    private static WdlMap OwnMap(MapType type, WdlValue[] keys, WdlValue[] values, bool checkDuplicates, string path)
    {
        try
        {
            return WdlMap.Own(type, keys, values, checkDuplicates);
        }
        catch (WdlValueException e)
        {
            throw Fail(path, e.Message);
        }
    }

    private static WdlPair CoercePair(WdlPair pair, PairType target, WdlVersion version, string path)
    {
        var left = CoerceCore(pair.Left, target.Left, version, Join(path, "left"));
        var right = CoerceCore(pair.Right, target.Right, version, Join(path, "right"));
        var required = (PairType)target.Required;
        if (ReferenceEquals(left, pair.Left) && ReferenceEquals(right, pair.Right) && pair.PairType.Equals(required)) return pair;
        return WdlPair.Create(required, left, right);
    }

    private static WdlValue CoerceToObject(WdlValue value, WdlVersion version, string path)
    {
        switch (value)
        {
            case WdlObject:
                return value;
            case WdlStruct s:
                return WdlObject.Create(s.Members);
            case WdlMap map:
                {
                    var members = new List<KeyValuePair<string, WdlValue>>(map.Count);
                    for (int i = 0; i < map.Count; i++)
                    {
                        var (k, v) = map.EntryAt(i);
                        if (!k.IsStringLike()) throw Fail(path, $"expected Object, got a Map whose keys are {k.Type}, not String");
                        members.Add(new(ValueComparison.StringLikeText(k), v));
                    }
                    return WdlObject.Create(members);
                }
            default:
                throw Mismatch(path, WdlType.Object, value);
        }
    }

    private static WdlValue CoerceToStruct(WdlValue value, StructType target, WdlVersion version, string path)
    {
        var required = (StructType)target.Required;
        switch (value)
        {
            case WdlStruct s:
                {
                    if (s.StructType.Equals(required)) return s;
                    // Struct-to-struct: same number of members with identical names, coercible types.
                    var sourceMembers = s.StructType.Members;
                    if (sourceMembers.Count != target.Members.Count || target.Members.Any(m => s.StructType.FindMember(m.Name) is null))
                        throw Fail(path, $"expected {target.Name}, got struct {s.Name} whose members differ");
                    var values = new WdlValue[target.Members.Count];
                    for (int i = 0; i < values.Length; i++)
                    {
                        var member = target.Members[i];
                        s.TryGetMember(member.Name, out var v);
                        values[i] = CoerceCore(v, member.Type, version, Join(path, member.Name));
                    }
                    return WdlStruct.Own(required, values);
                }
            case WdlObject o:
                return StructFromMembers(o.Members, o.Count, target, version, path);
            case WdlMap map:
                {
                    var members = new List<KeyValuePair<string, WdlValue>>(map.Count);
                    for (int i = 0; i < map.Count; i++)
                    {
                        var (k, v) = map.EntryAt(i);
                        if (!k.IsStringLike()) throw Fail(path, $"expected {target.Name}, got a Map whose keys are {k.Type}, not String");
                        members.Add(new(ValueComparison.StringLikeText(k), v));
                    }
                    return StructFromMembers(members, members.Count, target, version, path);
                }
            default:
                throw Mismatch(path, target, value);
        }
    }

    private static WdlStruct StructFromMembers(IEnumerable<KeyValuePair<string, WdlValue>> source, int count, StructType target, WdlVersion version, string path)
    {
        var given = new Dictionary<string, WdlValue>(count, StringComparer.Ordinal);
        foreach (var (name, v) in source)
        {
            if (target.FindMember(name) is null)
            {
                if (version >= WdlVersion.V1_2) continue; // 1.2: members the struct does not declare are ignored
                throw Fail(path, $"struct {target.Name} has no member '{name}'");
            }
            given[name] = v;
        }
        var values = new WdlValue[target.Members.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var member = target.Members[i];
            if (given.TryGetValue(member.Name, out var v))
                values[i] = CoerceCore(v, member.Type, version, Join(path, member.Name));
            else if (member.Type.IsOptional)
                values[i] = WdlNone.Instance;
            else
                throw Fail(path, $"missing required member '{member.Name}' of struct {target.Name}");
        }
        return WdlStruct.Own((StructType)target.Required, values);
    }

    internal static bool IsExactInt(double d) =>
        Math.Floor(d) == d && d >= -9.2233720368547758E18 && d < 9.2233720368547758E18;

    internal static bool TryParseInt(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    internal static bool TryParseFloat(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string KeyPath(WdlValue key) => key switch
    {
        WdlString s => ValueText.Quote(s.Value),
        _ => key.ToString(),
    };

    private static string Join(string path, string step) =>
        path.Length == 0 ? step : step.StartsWith('[') ? path + step : path + "." + step;

    private static NestedFailure Mismatch(string path, WdlType target, WdlValue value) =>
        Fail(path, $"expected {target}, got {Describe(value)}");

    private static NestedFailure Fail(string path, string reason) => new(path, reason);

    /// <summary>Internal carrier of a failure deep inside a value, turned into a message at the top.</summary>
    private sealed class NestedFailure(string path, string reason) : Exception(reason)
    {
        public string Path { get; } = path;

        public string Reason { get; } = reason;
    }
}
