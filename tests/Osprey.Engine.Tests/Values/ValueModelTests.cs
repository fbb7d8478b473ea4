using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Tests.Values;

public class ValueModelTests
{
    private static readonly StructType Person = new("Person",
        [new StructMember("name", WdlType.String), new StructMember("age", WdlType.Int.Optional)], false);

    [Fact]
    public void Primitives_know_their_types()
    {
        Assert.Equal(WdlType.Boolean, WdlBoolean.True.Type);
        Assert.Equal(WdlType.Int, WdlInt.Of(5).Type);
        Assert.Equal(WdlType.Float, WdlFloat.Of(1.5).Type);
        Assert.Equal(WdlType.String, WdlString.Of("a").Type);
        Assert.Equal(WdlType.File, WdlFile.Of("/a").Type);
        Assert.Equal(WdlType.Directory, WdlDirectory.Of("s3://b/d").Type);
        Assert.Equal(WdlType.None, WdlNone.Instance.Type);
        Assert.True(WdlNone.Instance.IsNone);
        Assert.False(WdlInt.Of(0).IsNone);
    }

    [Fact]
    public void Small_ints_and_booleans_are_shared()
    {
        Assert.Same(WdlInt.Of(7), WdlInt.Of(7));
        Assert.Same(WdlBoolean.Of(true), WdlBoolean.True);
        Assert.Equal(WdlInt.Of(1_000_000), WdlInt.Of(1_000_000));
    }

    [Fact]
    public void File_and_directory_are_locations_only()
    {
        var remote = WdlFile.Of("s3://bucket/key.txt");
        Assert.Equal("s3://bucket/key.txt", remote.Location);
        Assert.Equal(WdlFile.Of("https://x/y"), WdlFile.Of("https://x/y"));
        Assert.NotEqual<WdlValue>(WdlFile.Of("/a"), WdlString.Of("/a"));
        Assert.NotEqual<WdlValue>(WdlFile.Of("/a"), WdlDirectory.Of("/a"));
    }

    [Fact]
    public void Strict_equality_distinguishes_kinds()
    {
        Assert.NotEqual<WdlValue>(WdlInt.Of(1), WdlFloat.Of(1.0));
        Assert.Equal<WdlValue>(WdlString.Of("x"), WdlString.Of("x"));
        Assert.Equal(WdlString.Of("x").GetHashCode(), WdlString.Of("x").GetHashCode());
    }

    [Fact]
    public void Arrays_are_ordered_and_typed()
    {
        var a = WdlArray.Create(WdlType.Int, WdlInt.Of(1), WdlInt.Of(2));
        Assert.Equal("Array[Int]", a.Type.Display);
        Assert.Equal(2, a.Count);
        Assert.Equal(WdlInt.Of(2), a[1]);
        Assert.Equal(a, WdlArray.Create(WdlType.Int, WdlInt.Of(1), WdlInt.Of(2)));
        Assert.NotEqual(a, WdlArray.Create(WdlType.Int, WdlInt.Of(2), WdlInt.Of(1)));
        Assert.Equal("[1, 2]", a.ToString());
        Assert.Equal("Array[String]", WdlArray.Empty(WdlType.String).Type.Display);
    }

    [Fact]
    public void Maps_keep_insertion_order_and_find_keys()
    {
        var entries = Enumerable.Range(0, 20).Select(i => new KeyValuePair<WdlValue, WdlValue>(WdlString.Of("k" + (19 - i)), WdlInt.Of(i)));
        var map = WdlMap.Create(WdlType.String, WdlType.Int, entries);
        Assert.Equal(20, map.Count);
        Assert.Equal(WdlString.Of("k19"), map.Keys[0]);
        Assert.True(map.TryGetValue(WdlString.Of("k0"), out var v));
        Assert.Equal(WdlInt.Of(19), v);
        Assert.False(map.ContainsKey(WdlString.Of("missing")));
        Assert.Equal("Map[String, Int]", map.Type.Display);
    }

    [Fact]
    public void Map_rejects_duplicate_keys()
    {
        var e = Assert.Throws<WdlValueException>(() => WdlMap.Create(WdlType.String, WdlType.Int,
        [
            new(WdlString.Of("a"), WdlInt.Of(1)),
            new(WdlString.Of("a"), WdlInt.Of(2)),
        ]));
        Assert.Equal("duplicate map key \"a\"", e.Message);
    }

    [Fact]
    public void Pairs_objects_and_structs()
    {
        var pair = WdlPair.Create(WdlInt.Of(1), WdlString.Of("a"));
        Assert.Equal("Pair[Int, String]", pair.Type.Display);
        Assert.Equal("(1, \"a\")", pair.ToString());

        var obj = WdlObject.Create([new("a", WdlInt.Of(1)), new("b", WdlString.Of("x"))]);
        Assert.True(obj.TryGetMember("b", out var b));
        Assert.Equal(WdlString.Of("x"), b);
        Assert.Equal(["a", "b"], obj.MemberNames);
        var reordered = WdlObject.Create([new("b", WdlString.Of("x")), new("a", WdlInt.Of(1))]);
        Assert.Equal(obj, reordered); // objects are unordered
        Assert.Throws<WdlValueException>(() => WdlObject.Create([new("a", WdlInt.Of(1)), new("a", WdlInt.Of(2))]));

        var person = WdlStruct.Create(Person, [WdlString.Of("Ann"), WdlNone.Instance]);
        Assert.Equal("Person", person.Type.Display);
        Assert.True(person.TryGetMember("name", out var name));
        Assert.Equal(WdlString.Of("Ann"), name);
        Assert.Equal(["name", "age"], person.MemberNames);
        Assert.Equal("Person { name: \"Ann\", age: None }", person.ToString());
    }

    [Fact]
    public void A_large_scatter_of_values_stays_small()
    {
        // 100,000 pairs of (Int, String) with shared types: a rough bound on per-value overhead.
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var pairType = WdlType.PairOf(WdlType.Int, WdlType.String);
        var items = new WdlValue[100_000];
        for (int i = 0; i < items.Length; i++) items[i] = WdlPair.Create(pairType, WdlInt.Of(i), WdlString.Of("s"));
        var array = WdlArray.Create(pairType, items);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(array);
        Assert.True(after - before < 20_000_000, $"used {after - before} bytes");
    }
}
