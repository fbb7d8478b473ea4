using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>
/// Generic array functions: <c>range</c>, <c>transpose</c>, <c>cross</c>, <c>zip</c>, <c>unzip</c>,
/// <c>contains</c>, <c>chunk</c>, <c>flatten</c>, <c>select_first</c>, <c>select_all</c>.
/// (<c>length</c> is with the other functions, as 1.2 widened it beyond arrays.)
/// </summary>
internal static class ArrayFunctions
{
    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        new("range", 1, 1, WdlVersion.Draft2, Range),
        new("transpose", 1, 1, WdlVersion.Draft2, Transpose),
        new("cross", 2, 2, WdlVersion.Draft2, Cross),
        new("zip", 2, 2, WdlVersion.Draft2, Zip),
        new("unzip", 1, 1, WdlVersion.V1_1, Unzip),
        new("contains", 2, 2, WdlVersion.V1_2, Contains),
        new("chunk", 2, 2, WdlVersion.V1_2, Chunk),
        new("flatten", 1, 1, WdlVersion.Draft2, Flatten),
        new("select_first", 1, 2, WdlVersion.Draft2, SelectFirst),
        new("select_all", 1, 1, WdlVersion.Draft2, SelectAll),
    ];

    private static WdlValue Range(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        long n = Args.Int(args, 0);
        if (n < 0) throw new WdlValueException($"the length must be >= 0, got {n}");
        if (n > Array.MaxLength) throw new WdlValueException($"the length {n} is too large");
        var items = new WdlValue[n];
        for (int i = 0; i < items.Length; i++) items[i] = WdlInt.Of(i);
        return WdlArray.Own(WdlType.ArrayOf(WdlType.Int), items);
    }

    private static WdlValue Transpose(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var rows = Args.Array(args, 0);
        var elementType = Args.InnerElementType(rows);
        var rowType = WdlType.ArrayOf(elementType);
        if (rows.Count == 0) return WdlArray.Empty(rowType);
        var first = AsArray(rows[0], 0);
        int columns = first.Count;
        for (int r = 1; r < rows.Count; r++)
        {
            var row = AsArray(rows[r], r);
            if (row.Count != columns)
                throw new WdlValueException($"the array is not rectangular: row 0 has {columns} elements but row {r} has {row.Count}");
        }
        if (columns == 0) return WdlArray.Empty(rowType);
        var result = new WdlValue[columns];
        for (int c = 0; c < columns; c++)
        {
            var column = new WdlValue[rows.Count];
            for (int r = 0; r < rows.Count; r++) column[r] = ((WdlArray)rows[r])[c];
            result[c] = WdlArray.Own(rowType, column);
        }
        return WdlArray.Own(WdlType.ArrayOf(rowType), result);
    }

    private static WdlArray AsArray(WdlValue value, int index) =>
        value as WdlArray ?? throw new WdlValueException($"element {index} is not an array but {ValueCoercion.Describe(value)}");

    private static WdlValue Cross(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var xs = Args.Array(args, 0);
        var ys = Args.Array(args, 1);
        var pairType = WdlType.PairOf(xs.ElementType, ys.ElementType);
        long total = (long)xs.Count * ys.Count;
        if (total > Array.MaxLength) throw new WdlValueException($"the cross product would have {total} elements");
        var result = new WdlValue[total];
        int k = 0;
        foreach (var x in xs.AsSpan())
            foreach (var y in ys.AsSpan())
                result[k++] = WdlPair.Create(pairType, x, y);
        return WdlArray.Own(WdlType.ArrayOf(pairType), result);
    }

    private static WdlValue Zip(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var xs = Args.Array(args, 0);
        var ys = Args.Array(args, 1);
        if (xs.Count != ys.Count)
            throw new WdlValueException($"the arrays have different lengths ({xs.Count} and {ys.Count})");
        var pairType = WdlType.PairOf(xs.ElementType, ys.ElementType);
        var result = new WdlValue[xs.Count];
        for (int i = 0; i < result.Length; i++) result[i] = WdlPair.Create(pairType, xs[i], ys[i]);
        return WdlArray.Own(WdlType.ArrayOf(pairType), result);
    }

    private static WdlValue Unzip(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var pairs = Args.Array(args, 0);
        var (leftType, rightType) = pairs.ElementType.Required is PairType pt ? (pt.Left, pt.Right) : (WdlType.Any, WdlType.Any);
        var lefts = new WdlValue[pairs.Count];
        var rights = new WdlValue[pairs.Count];
        for (int i = 0; i < pairs.Count; i++)
        {
            if (pairs[i] is not WdlPair p) throw new WdlValueException($"element {i} is not a Pair but {ValueCoercion.Describe(pairs[i])}");
            lefts[i] = p.Left;
            rights[i] = p.Right;
        }
        var leftArray = WdlArray.Own(WdlType.ArrayOf(leftType), lefts);
        var rightArray = WdlArray.Own(WdlType.ArrayOf(rightType), rights);
        return WdlPair.Create(leftArray, rightArray);
    }

    private static WdlValue Contains(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var array = Args.Array(args, 0);
        var value = args[1];
        foreach (var item in array.AsSpan())
            if (ValueComparison.AreEqual(item, value, context.Version)) return WdlBoolean.True;
        return WdlBoolean.False;
    }

    private static WdlValue Chunk(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var array = Args.Array(args, 0);
        long size = Args.Int(args, 1);
        if (size <= 0) throw new WdlValueException($"the chunk size must be > 0, got {size}");
        var chunkType = WdlType.ArrayOf(array.ElementType);
        int chunks = (int)((array.Count + size - 1) / size);
        var result = new WdlValue[chunks];
        for (int c = 0; c < chunks; c++)
        {
            int start = (int)(c * size);
            int length = (int)Math.Min(size, array.Count - start);
            result[c] = WdlArray.Own(chunkType, array.AsSpan().Slice(start, length).ToArray());
        }
        return WdlArray.Own(WdlType.ArrayOf(chunkType), result);
    }

    private static WdlValue Flatten(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var outer = Args.Array(args, 0);
        var elementType = Args.InnerElementType(outer);
        var result = new List<WdlValue>();
        for (int i = 0; i < outer.Count; i++)
        {
            if (outer[i].IsNone) continue;
            result.AddRange(AsArray(outer[i], i).Items);
        }
        if (elementType is AnyType && result.Count > 0) elementType = TypeUnification.CommonTypeOf(result);
        return WdlArray.Own(WdlType.ArrayOf(elementType), result.ToArray());
    }

    private static WdlValue SelectFirst(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var array = Args.Array(args, 0);
        foreach (var item in array.AsSpan())
            if (!item.IsNone) return item;
        if (args.Count > 1) return args[1];
        throw new WdlValueException(array.Count == 0
            ? "the array is empty"
            : "all values in the array are None");
    }

    private static WdlValue SelectAll(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var array = Args.Array(args, 0);
        var result = new List<WdlValue>(array.Count);
        foreach (var item in array.AsSpan())
            if (!item.IsNone) result.Add(item);
        return WdlArray.Own(WdlType.ArrayOf(array.ElementType.Required), result.ToArray());
    }
}
