using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>
/// <c>as_pairs</c>, <c>as_map</c>, <c>keys</c>, <c>values</c>, <c>contains_key</c>,
/// <c>collect_by_key</c>.
/// </summary>
internal static class MapFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        new("as_pairs", 1, 1, WdlVersion.V1_1, AsPairs),
        new("as_map", 1, 1, WdlVersion.V1_1, AsMap),
        new("keys", 1, 1, WdlVersion.V1_1, Keys),
        new("values", 1, 1, WdlVersion.V1_2, Values),
        new("contains_key", 2, 2, WdlVersion.V1_2, ContainsKey),
        new("collect_by_key", 1, 1, WdlVersion.V1_1, CollectByKey),
    ];

    private static WdlValue AsPairs(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var map = Args.Map(args, 0);
        var pairType = WdlType.PairOf(map.MapType.Key, map.MapType.Value);
        var result = new WdlValue[map.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var (k, v) = map.EntryAt(i);
            result[i] = WdlPair.Create(pairType, k, v);
        }
        return WdlArray.Own(WdlType.ArrayOf(pairType), result);
    }

    private static (WdlType Left, WdlType Right) PairTypes(WdlArray array) =>
        array.ElementType.Required is PairType pt ? (pt.Left, pt.Right) : (WdlType.Any, WdlType.Any);

    private static WdlPair PairAt(WdlArray array, int i) =>
        array[i] as WdlPair ?? throw new WdlValueException($"element {i} is not a Pair but {ValueCoercion.Describe(array[i])}");

    private static WdlValue AsMap(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var pairs = Args.Array(args, 0);
        var (keyType, valueType) = PairTypes(pairs);
        var keys = new WdlValue[pairs.Count];
        var values = new WdlValue[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            var p = PairAt(pairs, i);
            keys[i] = p.Left;
            values[i] = p.Right;
        }
        return WdlMap.Own(WdlType.MapOf(keyType, valueType), keys, values, checkDuplicates: true);
    }

    private static WdlValue Keys(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        switch (args[0])
        {
            case WdlMap map:
                return WdlArray.Own(WdlType.ArrayOf(map.MapType.Key), map.Keys.ToArray());
            case IMemberValue members:
                return WdlArray.Own(WdlType.ArrayOf(WdlType.String), members.MemberNames.Select(n => (WdlValue)WdlString.Of(n)).ToArray());
            default:
                throw Args.Wrong(0, "Map, Struct or Object", args[0]);
        }
    }

    private static WdlValue Values(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var map = Args.Map(args, 0);
        return WdlArray.Own(WdlType.ArrayOf(map.MapType.Value), map.Values.ToArray());
    }

    private static WdlValue ContainsKey(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var collection = args[0];
        if (collection is not (WdlMap or IMemberValue)) throw Args.Wrong(0, "Map, Struct or Object", collection);
        if (args[1] is WdlArray path && collection is not WdlMap { MapType.Key: ArrayType })
        {
            // Compound key: look each key up in the value found for the previous one.
            var current = collection;
            for (int i = 0; i < path.Count; i++)
            {
                if (!ValueText.TryFormatPrimitive(path[i], context.Version, out var key))
                    throw new WdlValueException($"argument 2: element {i} must be a String, got {ValueCoercion.Describe(path[i])}");
                if (!TryLookup(current, WdlString.Of(key), context.Version, out var next)) return WdlBoolean.False;
                current = next;
            }
            return WdlBoolean.True;
        }
        return WdlBoolean.Of(TryLookup(collection, args[1], context.Version, out _));
    }

    private static bool TryLookup(WdlValue collection, WdlValue key, WdlVersion version, out WdlValue value)
    {
        value = WdlNone.Instance;
        switch (collection)
        {
            case WdlMap map:
                return ValueCoercion.TryCoerce(key, map.MapType.Key, version, out var k, out _) && map.TryGetValue(k, out value);
            case IMemberValue members when key.IsStringLike():
                return members.TryGetMember(ValueComparison.StringLikeText(key), out value);
            default:
                return false;
        }
    }

    private static WdlValue CollectByKey(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var pairs = Args.Array(args, 0);
        var (keyType, valueType) = PairTypes(pairs);
        var order = new List<WdlValue>();
        var groups = new Dictionary<WdlValue, List<WdlValue>>();
        for (int i = 0; i < pairs.Count; i++)
        {
            var p = PairAt(pairs, i);
            if (!groups.TryGetValue(p.Left, out var group))
            {
                group = new List<WdlValue>();
                groups.Add(p.Left, group);
                order.Add(p.Left);
            }
            group.Add(p.Right);
        }
        var arrayType = WdlType.ArrayOf(valueType);
        var keys = order.ToArray();
        var values = new WdlValue[keys.Length];
        for (int i = 0; i < keys.Length; i++) values[i] = WdlArray.Own(arrayType, groups[keys[i]].ToArray());
        return WdlMap.Own(WdlType.MapOf(keyType, arrayType), keys, values, checkDuplicates: false);
    }
}
