using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.StdLib;

public class ArrayAndMapFunctionTests
{
    [Theory]
    [InlineData("length([1, 2, 3])", "3")]
    [InlineData("length([])", "0")]
    [InlineData("range(3)", "[0,1,2]")]
    [InlineData("range(0)", "[]")]
    [InlineData("transpose([[0, 1, 2], [3, 4, 5]])", "[[0,3],[1,4],[2,5]]")]
    [InlineData("transpose([])", "[]")]
    [InlineData("transpose([[], []])", "[]")]
    [InlineData("flatten([[1, 2, 3], [1], [21, 22]])", "[1,2,3,1,21,22]")]
    [InlineData("flatten([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])", "[[1,2],[3,4],[5,6],[7,8]]")]
    [InlineData("flatten([[\"/tmp/X.txt\"], [\"/tmp/Y.txt\", \"/tmp/Z.txt\"], []])", "[\"/tmp/X.txt\",\"/tmp/Y.txt\",\"/tmp/Z.txt\"]")]
    [InlineData("select_first([None, 5, 3])", "5")]
    [InlineData("select_all([5, None, 3])", "[5,3]")]
    [InlineData("select_all([])", "[]")]
    [InlineData("defined(None)", "false")]
    [InlineData("defined(1)", "true")]
    public void Generic_array_functions(string expression, string expected) => Assert.Equal(expected, TestEval.Json(expression));

    [Fact]
    public void Cross_zip_and_unzip_from_the_spec()
    {
        var scope = TestEval.Scope(
            ("xs", WdlArray.Create(WdlType.Int, WdlInt.Of(1), WdlInt.Of(2), WdlInt.Of(3))),
            ("ys", WdlArray.Create(WdlType.String, WdlString.Of("a"), WdlString.Of("b"))),
            ("zs", WdlArray.Create(WdlType.String, WdlString.Of("a"), WdlString.Of("b"), WdlString.Of("c"))));
        Assert.Equal(WdlBoolean.True, TestEval.Run("cross(xs, ys) == [(1, \"a\"), (1, \"b\"), (2, \"a\"), (2, \"b\"), (3, \"a\"), (3, \"b\")]", scope: scope));
        Assert.Equal("Array[Pair[Int, String]]", TestEval.Run("cross(xs, ys)", scope: scope).Type.Display);
        Assert.Equal(WdlBoolean.True, TestEval.Run("zip(xs, zs) == [(1, \"a\"), (2, \"b\"), (3, \"c\")]", scope: scope));
        Assert.Equal("zip(): the arrays have different lengths (3 and 2)", TestEval.Fail("zip(xs, ys)", scope: scope).Error.Message);
        Assert.Equal(WdlBoolean.True, TestEval.Run("unzip([(0, \"hello\"), (42, \"goodbye\")]) == ([0, 42], [\"hello\", \"goodbye\"])"));
        Assert.Equal("{\"left\":[\"a\",\"b\",\"c\"],\"right\":[0,1,2]}", TestEval.Json("unzip(as_pairs({\"a\": 0, \"b\": 1, \"c\": 2}))"));
        Assert.Equal("{\"left\":[],\"right\":[]}", TestEval.Json("unzip([])"));
        Assert.Equal("[]", TestEval.Json("cross([], [1])"));
    }

    [Fact]
    public void Flatten_of_pairs_then_as_map()
    {
        Assert.Equal(WdlBoolean.True, TestEval.Run("flatten([[(0.1, \"mouse\")], [(3, \"cat\"), (15, \"dog\")]]) == [(0.1, \"mouse\"), (3, \"cat\"), (15, \"dog\")]"));
        Assert.Equal("{\"0.1\":\"mouse\",\"3.0\":\"cat\",\"15.0\":\"dog\"}", TestEval.Json("as_map(flatten([[(0.1, \"mouse\")], [(3, \"cat\"), (15, \"dog\")]]))"));
    }

    [Fact]
    public void Transpose_requires_a_rectangle()
    {
        Assert.Equal("transpose(): the array is not rectangular: row 0 has 2 elements but row 1 has 1",
            TestEval.Fail("transpose([[1, 2], [3]])").Error.Message);
    }

    [Fact]
    public void Select_first_errors_and_default()
    {
        Assert.Equal("select_first(): all values in the array are None", TestEval.Fail("select_first([None])").Error.Message);
        Assert.Equal("select_first(): the array is empty", TestEval.Fail("select_first([])").Error.Message);
        Assert.Equal(WdlInt.Of(7), TestEval.Run("select_first([None], 7)", WdlVersion.V1_2));
        Assert.Equal(WdlInt.Of(1), TestEval.Run("select_first([1], 7)", WdlVersion.V1_2));
    }

    [Fact]
    public void Contains_and_chunk()
    {
        Assert.Equal(WdlBoolean.True, TestEval.Run("contains([1, 2, 3], 2)", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.False, TestEval.Run("contains([\"a\"], \"b\")", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.True, TestEval.Run("contains([\"a\", None], None)", WdlVersion.V1_2));
        Assert.Equal("[[1,2],[3,4],[5]]", TestEval.Json("chunk([1, 2, 3, 4, 5], 2)", WdlVersion.V1_2));
        Assert.Equal("[]", TestEval.Json("chunk([], 3)", WdlVersion.V1_2));
        Assert.Equal("chunk(): the chunk size must be > 0, got 0", TestEval.Fail("chunk([1], 0)", WdlVersion.V1_2).Error.Message);
    }

    [Fact]
    public void Range_rejects_negative_lengths()
    {
        Assert.Equal("range(): the length must be >= 0, got -1", TestEval.Fail("range(-1)").Error.Message);
    }

    [Fact]
    public void Length_of_maps_objects_and_strings_in_1_2()
    {
        Assert.Equal(WdlInt.Of(2), TestEval.Run("length({\"a\": 1, \"b\": 2})", WdlVersion.V1_2));
        Assert.Equal(WdlInt.Of(1), TestEval.Run("length(object { a: 1 })", WdlVersion.V1_2));
        Assert.Equal(WdlInt.Of(5), TestEval.Run("length(\"hello\")", WdlVersion.V1_2));
        Assert.Equal(WdlInt.Of(2), TestEval.Run("length(\"a\\U0001F600\")", WdlVersion.V1_2));
    }

    [Fact]
    public void Map_functions_from_the_spec()
    {
        Assert.Equal(WdlBoolean.True, TestEval.Run("as_pairs({\"a\": 1, \"c\": 3, \"b\": 2}) == [(\"a\", 1), (\"c\", 3), (\"b\", 2)]"));
        Assert.Equal("[[2,5],[1,10]]", TestEval.Json("[[as_pairs({2: 5, 1: 10})[0].left, as_pairs({2: 5, 1: 10})[0].right], [as_pairs({2: 5, 1: 10})[1].left, as_pairs({2: 5, 1: 10})[1].right]]"));
        Assert.Equal(WdlBoolean.True, TestEval.Run("as_map([(\"a\", 1), (\"c\", 3), (\"b\", 2)]) == {\"a\": 1, \"c\": 3, \"b\": 2}"));
        Assert.Equal(WdlBoolean.True, TestEval.Run("as_map([(\"a\", (\"a.bam\", \"a.bai\")), (\"b\", (\"b.bam\", \"b.bai\"))]) == {\"a\": (\"a.bam\", \"a.bai\"), \"b\": (\"b.bam\", \"b.bai\")}"));
        Assert.Equal("as_map(): duplicate map key \"a\"", TestEval.Fail("as_map([(\"a\", 1), (\"a\", 2)])").Error.Message);
        Assert.Equal("[\"a\",\"b\",\"c\"]", TestEval.Json("keys({\"a\": 1, \"b\": 2, \"c\": 3})"));
        Assert.Equal("{\"a\":[1,3],\"b\":[2]}", TestEval.Json("collect_by_key([(\"a\", 1), (\"b\", 2), (\"a\", 3)])"));
        Assert.Equal("Map[String, Array[Int]]", TestEval.Run("collect_by_key([(\"a\", 1), (\"b\", 2), (\"a\", 3)])").Type.Display);
        Assert.Equal(WdlBoolean.True, TestEval.Run("as_map(zip([\"a\", \"b\", \"c\"], [1, 2, 3])) == {\"a\": 1, \"b\": 2, \"c\": 3}"));
    }

    [Fact]
    public void Map_functions_of_1_2()
    {
        Assert.Equal("[1,2]", TestEval.Json("values({\"a\": 1, \"b\": 2})", WdlVersion.V1_2));
        Assert.Equal("[\"a\",\"b\"]", TestEval.Json("keys(object { a: 1, b: 2 })", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.True, TestEval.Run("contains_key({\"a\": 1}, \"a\")", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.False, TestEval.Run("contains_key({\"a\": 1}, \"b\")", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.True, TestEval.Run("contains_key(object { a: 1 }, \"a\")", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.True, TestEval.Run("contains_key({\"foo\": {\"bar\": 1}}, [\"foo\", \"bar\"])", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.False, TestEval.Run("contains_key({\"foo\": {\"bar\": 1}}, [\"foo\", \"baz\"])", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.False, TestEval.Run("contains_key({\"foo\": {\"bar\": 1}}, [\"foo\", \"bar\", \"x\"])", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.True, TestEval.Run("contains_key({1: 2}, 1)", WdlVersion.V1_2));
        var person = new StructType("P", [new("name", WdlType.String), new("pet", WdlType.MapOf(WdlType.String, WdlType.Int).Optional)], false);
        var value = WdlStruct.Create(person, [WdlString.Of("a"), WdlNone.Instance]);
        var scope = TestEval.Scope(("p", value));
        Assert.Equal(WdlBoolean.True, TestEval.Run("contains_key(p, [\"pet\"])", WdlVersion.V1_2, scope));
        Assert.Equal(WdlBoolean.False, TestEval.Run("contains_key(p, [\"pet\", \"dog\"])", WdlVersion.V1_2, scope));
        Assert.Equal("[\"name\",\"pet\"]", TestEval.Json("keys(p)", WdlVersion.V1_2, scope));
    }
}
