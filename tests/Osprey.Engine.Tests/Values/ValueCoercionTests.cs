using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.Values;

public class ValueCoercionTests
{
    private static readonly StructType Words = new("Words",
        [new("a", WdlType.Int), new("b", WdlType.Int), new("c", WdlType.Int.Optional)], false);

    private static WdlValue Coerce(WdlValue value, WdlType type, WdlVersion version = WdlVersion.V1_1) =>
        ValueCoercion.Coerce(value, type, version);

    private static string Fail(WdlValue value, WdlType type, WdlVersion version = WdlVersion.V1_1) =>
        Assert.Throws<CoercionException>(() => ValueCoercion.Coerce(value, type, version)).Message;

    private static WdlArray Ints(params long[] values) => WdlArray.Create(WdlType.Int, values.Select(v => (WdlValue)WdlInt.Of(v)));

    private static WdlMap StringMap(params (string Key, WdlValue Value)[] entries) =>
        WdlMap.Create(WdlType.String, entries.Length > 0 ? entries[0].Value.Type : WdlType.Any,
            entries.Select(e => new KeyValuePair<WdlValue, WdlValue>(WdlString.Of(e.Key), e.Value)));

    [Fact]
    public void Primitive_coercions()
    {
        Assert.Equal(WdlFile.Of("/a"), Coerce(WdlString.Of("/a"), WdlType.File));
        Assert.Equal(WdlDirectory.Of("/d"), Coerce(WdlString.Of("/d"), WdlType.Directory));
        Assert.Equal(WdlString.Of("/a"), Coerce(WdlFile.Of("/a"), WdlType.String));
        Assert.Equal(WdlFloat.Of(3), Coerce(WdlInt.Of(3), WdlType.Float));
        Assert.Equal(WdlInt.Of(3), Coerce(WdlFloat.Of(3.0), WdlType.Int));
        Assert.Equal(WdlInt.Of(-42), Coerce(WdlString.Of("-42"), WdlType.Int));
        Assert.Equal(WdlFloat.Of(2.5), Coerce(WdlString.Of("2.5"), WdlType.Float));
        var same = WdlString.Of("x");
        Assert.Same(same, Coerce(same, WdlType.String));
    }

    [Fact]
    public void Primitive_failures_are_clear()
    {
        Assert.Equal("expected Int, got \"abc\"", Fail(WdlString.Of("abc"), WdlType.Int));
        Assert.Equal("expected Int, got 2.5 (a Float that is not a whole number)", Fail(WdlFloat.Of(2.5), WdlType.Int));
        Assert.Equal("expected Boolean, got 1", Fail(WdlInt.Of(1), WdlType.Boolean));
        Assert.Equal("expected String, got a value of type Array[Int]", Fail(Ints(1), WdlType.String));
        Assert.Equal("expected File, got Directory \"/d\"", Fail(WdlDirectory.Of("/d"), WdlType.File));
    }

    [Fact]
    public void Primitives_become_strings_as_cromwell_allows()
    {
        Assert.Equal(WdlString.Of("1"), Coerce(WdlInt.Of(1), WdlType.String));
        Assert.Equal(WdlString.Of("true"), Coerce(WdlBoolean.True, WdlType.String));
        Assert.Equal(WdlString.Of("2.500000"), Coerce(WdlFloat.Of(2.5), WdlType.String));
    }

    [Fact]
    public void Optional_targets_accept_values_and_none()
    {
        Assert.Equal(WdlInt.Of(1), Coerce(WdlInt.Of(1), WdlType.Int.Optional));
        Assert.Same(WdlNone.Instance, Coerce(WdlNone.Instance, WdlType.Int.Optional));
        Assert.Equal("expected Int, got None", Fail(WdlNone.Instance, WdlType.Int));
    }

    [Fact]
    public void Arrays_coerce_elementwise_and_check_non_empty()
    {
        var floats = (WdlArray)Coerce(Ints(1, 2), WdlType.ArrayOf(WdlType.Float));
        Assert.Equal("Array[Float]", floats.Type.Display);
        Assert.Equal(WdlFloat.Of(2), floats[1]);

        var nonEmpty = Coerce(Ints(1), new ArrayType(WdlType.Int, true, false));
        Assert.Equal("Array[Int]+", nonEmpty.Type.Display);

        Assert.Equal("expected a non-empty array (Array[Int]+), got an empty array",
            Fail(WdlArray.Empty(WdlType.Int), new ArrayType(WdlType.Int, true, true)));
        Assert.Same(WdlNone.Instance, Coerce(WdlNone.Instance, new ArrayType(WdlType.Int, true, true)));

        var strings = WdlArray.Create(WdlType.String, WdlString.Of("1"), WdlString.Of("x"));
        Assert.Equal("cannot coerce a value of type Array[String] to Array[Int]: at [1]: expected Int, got \"x\"",
            Fail(strings, WdlType.ArrayOf(WdlType.Int)));
    }

    [Fact]
    public void Unchanged_arrays_share_storage()
    {
        var ints = Ints(1, 2, 3);
        var optional = (WdlArray)Coerce(ints, WdlType.ArrayOf(WdlType.Int.Optional));
        Assert.Equal("Array[Int?]", optional.Type.Display);
        Assert.Same(ints[0], optional[0]);
        Assert.Same(ints, Coerce(ints, WdlType.ArrayOf(WdlType.Int)));
    }

    [Fact]
    public void Maps_and_pairs_coerce_their_parts()
    {
        var map = WdlMap.Create(WdlType.String, WdlType.Int, [new(WdlString.Of("/a"), WdlInt.Of(1))]);
        var coerced = (WdlMap)Coerce(map, WdlType.MapOf(WdlType.File, WdlType.Float));
        Assert.Equal("Map[File, Float]", coerced.Type.Display);
        Assert.Equal(WdlFile.Of("/a"), coerced.Keys[0]);
        Assert.Equal(WdlFloat.Of(1), coerced.Values[0]);

        var pair = (WdlPair)Coerce(WdlPair.Create(WdlInt.Of(1), WdlString.Of("f")), WdlType.PairOf(WdlType.Float, WdlType.File));
        Assert.Equal("Pair[Float, File]", pair.Type.Display);
        Assert.Equal(WdlFile.Of("f"), pair.Right);
    }

    [Fact]
    public void Map_keys_from_strings()
    {
        var map = StringMap(("1", WdlString.Of("a")), ("2", WdlString.Of("b")));
        var ints = (WdlMap)Coerce(map, WdlType.MapOf(WdlType.Int, WdlType.String));
        Assert.Equal(WdlInt.Of(2), ints.Keys[1]);
        var clash = StringMap(("1", WdlString.Of("a")), ("01", WdlString.Of("b")));
        Assert.Equal("duplicate map key 1", Fail(clash, WdlType.MapOf(WdlType.Int, WdlType.String)));
    }

    [Fact]
    public void Map_to_struct()
    {
        var map = StringMap(("a", WdlInt.Of(1)), ("b", WdlInt.Of(2)));
        var s = (WdlStruct)Coerce(map, Words);
        Assert.Equal("Words { a: 1, b: 2, c: None }", s.ToString());

        Assert.Equal("missing required member 'b' of struct Words", Fail(StringMap(("a", WdlInt.Of(1))), Words));
        var extra = StringMap(("a", WdlInt.Of(1)), ("b", WdlInt.Of(2)), ("z", WdlInt.Of(3)));
        Assert.Equal("struct Words has no member 'z'", Fail(extra, Words, WdlVersion.V1_1));
        // WDL 1.2 ignores members the struct does not declare.
        Assert.Equal("Words { a: 1, b: 2, c: None }", Coerce(extra, Words, WdlVersion.V1_2).ToString());
        var intKeys = WdlMap.Create(WdlType.Int, WdlType.Int, [new(WdlInt.Of(1), WdlInt.Of(1))]);
        Assert.Equal("expected Words, got a Map whose keys are Int, not String", Fail(intKeys, Words));
    }

    [Fact]
    public void Object_struct_and_map_interconvert()
    {
        var obj = WdlObject.Create([new("a", WdlInt.Of(1)), new("b", WdlString.Of("2"))]);
        var s = (WdlStruct)Coerce(obj, Words);
        Assert.Equal(WdlInt.Of(2), s.MemberValues[1]);

        var backToObject = (WdlObject)Coerce(s, WdlType.Object);
        Assert.Equal(["a", "b", "c"], backToObject.MemberNames);

        var asMap = (WdlMap)Coerce(obj, WdlType.MapOf(WdlType.String, WdlType.Float));
        Assert.Equal([WdlFloat.Of(1), WdlFloat.Of(2)], asMap.Values);

        var structAsMap = (WdlMap)Coerce(WdlStruct.Create(Words, [WdlInt.Of(1), WdlInt.Of(2), WdlInt.Of(3)]), WdlType.MapOf(WdlType.String, WdlType.Int));
        Assert.Equal(3, structAsMap.Count);

        var mapAsObject = (WdlObject)Coerce(StringMap(("k", WdlInt.Of(1))), WdlType.Object);
        Assert.True(mapAsObject.HasMember("k"));
    }

    [Fact]
    public void Struct_to_struct_with_identical_member_names()
    {
        var other = new StructType("Other", [new("a", WdlType.Int), new("b", WdlType.Int), new("c", WdlType.Int.Optional)], false);
        var value = WdlStruct.Create(other, [WdlInt.Of(1), WdlInt.Of(2), WdlNone.Instance]);
        var coerced = (WdlStruct)Coerce(value, Words);
        Assert.Equal("Words", coerced.Name);

        var different = new StructType("Diff", [new("a", WdlType.Int)], false);
        Assert.Equal("expected Words, got struct Diff whose members differ",
            Fail(WdlStruct.Create(different, [WdlInt.Of(1)]), Words));
    }

    [Fact]
    public void Map_and_array_of_pairs_interconvert()
    {
        var map = WdlMap.Create(WdlType.Int, WdlType.String, [new(WdlInt.Of(1), WdlString.Of("a"))]);
        var pairs = (WdlArray)Coerce(map, WdlType.ArrayOf(WdlType.PairOf(WdlType.Int, WdlType.String)));
        Assert.Equal("[(1, \"a\")]", pairs.ToString());
        var back = (WdlMap)Coerce(pairs, WdlType.MapOf(WdlType.Int, WdlType.String));
        Assert.Equal(map, back);
    }

    [Fact]
    public void Try_coerce_reports_instead_of_throwing()
    {
        Assert.False(ValueCoercion.TryCoerce(WdlString.Of("x"), WdlType.Int, WdlVersion.V1_1, out _, out var error));
        Assert.Equal("expected Int, got \"x\"", error);
        Assert.True(ValueCoercion.TryCoerce(WdlInt.Of(1), WdlType.Any, WdlVersion.V1_1, out var same, out _));
        Assert.Equal(WdlInt.Of(1), same);
    }
}
