using System.Text.Json;
using Osprey.Engine.Evaluation;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.StdLib;

public sealed class ReadWriteFunctionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private LocalFunctionContext Context(WdlVersion version = WdlVersion.V1_1) =>
        new(version, _dir.Path, Path.Combine(_dir.Path, "tmp"));

    private WdlValue Run(string expression, WdlVersion version = WdlVersion.V1_1, IEvaluationScope? scope = null) =>
        TestEval.Run(expression, version, scope, context: Context(version));

    private string Json(string expression, WdlVersion version = WdlVersion.V1_1, IEvaluationScope? scope = null) =>
        ValueJson.Serialize(Run(expression, version, scope));

    private string Fail(string expression, WdlVersion version = WdlVersion.V1_1) =>
        TestEval.Fail(expression, version, context: Context(version)).Error.Message;

    private static string Content(WdlValue file) => File.ReadAllText(Assert.IsType<WdlFile>(file).Location);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_scalars()
    {
        _dir.Write("int_file", "  1  \n");
        _dir.Write("float_file", "  2.0  \n");
        _dir.Write("true_file", "  true  \n");
        _dir.Write("false_file", "  FALSE  \n");
        _dir.Write("str_file", "this\nfile\nhas\nfive\nlines\n\n");
        _dir.Write("empty", "");
        Assert.Equal(WdlInt.Of(1), Run("read_int(\"int_file\")"));
        Assert.Equal(WdlFloat.Of(1), Run("read_float(\"int_file\")"));
        Assert.Equal(WdlFloat.Of(2), Run("read_float(\"float_file\")"));
        Assert.Equal(WdlBoolean.True, Run("read_boolean(\"true_file\")"));
        Assert.Equal(WdlBoolean.False, Run("read_boolean(\"false_file\")"));
        Assert.Equal(WdlString.Of("this\nfile\nhas\nfive\nlines"), Run("read_string(\"str_file\")"));
        Assert.Equal(WdlString.Of(""), Run("read_string(\"empty\")"));
        Assert.Equal("read_int(): file 'float_file' does not contain a single Int: \"2.0\"", Fail("read_int(\"float_file\")"));
        Assert.Equal("read_int(): file 'empty' is empty; expected a single Int", Fail("read_int(\"empty\")"));
        Assert.Equal("read_boolean(): file 'int_file' does not contain a single Boolean (true or false): \"1\"", Fail("read_boolean(\"int_file\")"));
        Assert.Equal("read_int(): file 'missing' does not exist", Fail("read_int(\"missing\")"));
    }

    [Fact]
    public void Read_lines_strips_line_endings()
    {
        _dir.Write("lines", "hello world\r\nhi_world\n\nlast");
        Assert.Equal("[\"hello world\",\"hi_world\",\"\",\"last\"]", Json("read_lines(\"lines\")"));
        _dir.Write("empty", "");
        Assert.Equal("[]", Json("read_lines(\"empty\")"));
        _dir.Write("numbers", "1\n2\n");
        var (expr, _) = TestEval.Parse("read_lines(\"numbers\")");
        var ints = new ExpressionEvaluator(Context()).Evaluate(expr, WdlType.ArrayOf(WdlType.Int), new DictionaryScope());
        Assert.Equal("[1, 2]", ints.ToString());
    }

    [Fact]
    public void Read_lines_streams_a_large_file()
    {
        string path = Path.Combine(_dir.Path, "big");
        using (var w = new StreamWriter(path))
            for (int i = 0; i < 200_000; i++) w.Write("line " + i + "\n");
        var lines = Assert.IsType<WdlArray>(Run("read_lines(\"big\")"));
        Assert.Equal(200_000, lines.Count);
        Assert.Equal(WdlString.Of("line 199999"), lines[199_999]);
    }

    [Fact]
    public void Read_tsv_map_object_objects()
    {
        _dir.Write("data.tsv", "row1\tvalue1\nrow2\tvalue2\nrow3\tvalue3\n");
        Assert.Equal("[[\"row1\",\"value1\"],[\"row2\",\"value2\"],[\"row3\",\"value3\"]]", Json("read_tsv(\"data.tsv\")"));
        _dir.Write("header.tsv", "name\tvalue\na\t1\nb\t2\n");
        Assert.Equal("[{\"name\":\"a\",\"value\":\"1\"},{\"name\":\"b\",\"value\":\"2\"}]", Json("read_tsv(\"header.tsv\", true)", WdlVersion.V1_2));
        Assert.Equal("[{\"x\":\"a\",\"y\":\"1\"},{\"x\":\"b\",\"y\":\"2\"}]", Json("read_tsv(\"header.tsv\", true, [\"x\", \"y\"])", WdlVersion.V1_2));
        Assert.Equal("[{\"x\":\"row1\",\"y\":\"value1\"},{\"x\":\"row2\",\"y\":\"value2\"},{\"x\":\"row3\",\"y\":\"value3\"}]", Json("read_tsv(\"data.tsv\", false, [\"x\", \"y\"])", WdlVersion.V1_2));

        _dir.Write("map_file", "key1\tvalue1\nkey2\tvalue2\n");
        Assert.Equal("{\"key1\":\"value1\",\"key2\":\"value2\"}", Json("read_map(\"map_file\")"));
        _dir.Write("bad_map", "key1\tvalue1\textra\n");
        Assert.Equal("read_map(): line 1 has 3 fields; read_map needs exactly 2 (key and value)", Fail("read_map(\"bad_map\")"));
        _dir.Write("dup_map", "k\t1\nk\t2\n");
        Assert.Equal("read_map(): duplicate key \"k\" on line 2", Fail("read_map(\"dup_map\")"));

        _dir.Write("object", "key_0\tkey_1\tkey_2\nvalue_0\tvalue_1\tvalue_2\n");
        Assert.Equal("{\"key_0\":\"value_0\",\"key_1\":\"value_1\",\"key_2\":\"value_2\"}", Json("read_object(\"object\")"));
        _dir.Write("objects", "key_0\tkey_1\nvalue_A0\tvalue_A1\nvalue_B0\tvalue_B1\n");
        Assert.Equal("[{\"key_0\":\"value_A0\",\"key_1\":\"value_A1\"},{\"key_0\":\"value_B0\",\"key_1\":\"value_B1\"}]", Json("read_objects(\"objects\")"));
        _dir.Write("header_only", "a\tb\n");
        Assert.Equal("[]", Json("read_objects(\"header_only\")"));
        Assert.StartsWith("read_object(): read_object needs exactly 2 lines", Fail("read_object(\"header_only\")"));
    }

    [Fact]
    public void Read_json()
    {
        _dir.Write("person.json", "{\"name\": \"John\", \"age\": 42}");
        var person = new StructType("Person", [new("name", WdlType.String), new("age", WdlType.Int)], false);
        var (expr, _) = TestEval.Parse("read_json(\"person.json\")");
        var value = new ExpressionEvaluator(Context()).Evaluate(expr, person, new DictionaryScope());
        Assert.Equal("Person { name: \"John\", age: 42 }", value.ToString());
        _dir.Write("keys.json", "[\"key1\", \"key2\"]");
        Assert.Equal("[\"key1\",\"key2\"]", Json("read_json(\"keys.json\")"));
        _dir.Write("null.json", "null");
        Assert.Same(WdlNone.Instance, Run("read_json(\"null.json\")"));
        _dir.Write("empty.json", "");
        Assert.StartsWith("read_json(): file 'empty.json' is not valid JSON", Fail("read_json(\"empty.json\")"));
    }

    [Fact]
    public void Write_lines_and_read_back()
    {
        var file = Run("write_lines([\"first\", \"second\", \"third\"])");
        Assert.Equal("first\nsecond\nthird\n", Content(file));
        Assert.StartsWith(Path.Combine(_dir.Path, "tmp"), ((WdlFile)file).Location);
        Assert.Equal("", Content(Run("write_lines([])")));
        Assert.Equal(WdlString.Of("this\nfile\nhas\nfive\nlines"), Run("read_string(write_lines([\"this\", \"file\", \"has\", \"five\", \"lines\"]))"));
    }

    [Fact]
    public void Write_tsv_variants()
    {
        Assert.Equal("one\ttwo\tthree\nun\tdeux\ttrois\n", Content(Run("write_tsv([[\"one\", \"two\", \"three\"], [\"un\", \"deux\", \"trois\"]])")));
        Assert.Equal("a\tb\n1\t2\n", Content(Run("write_tsv([[\"1\", \"2\"]], true, [\"a\", \"b\"])", WdlVersion.V1_2)));
        var row = new StructType("Row", [new("x", WdlType.String), new("y", WdlType.Int)], false);
        var rows = WdlArray.Create(row, WdlStruct.Create(row, [WdlString.Of("a"), WdlInt.Of(1)]));
        var scope = TestEval.Scope(("rows", rows));
        Assert.Equal("a\t1\n", Content(Run("write_tsv(rows)", WdlVersion.V1_2, scope)));
        Assert.Equal("x\ty\na\t1\n", Content(Run("write_tsv(rows, true)", WdlVersion.V1_2, scope)));
        Assert.Equal("c1\tc2\na\t1\n", Content(Run("write_tsv(rows, true, [\"c1\", \"c2\"])", WdlVersion.V1_2, scope)));
        Assert.Equal("write_tsv(): row 0 has 1 fields but the header has 2", Fail("write_tsv([[\"1\"]], true, [\"a\", \"b\"])", WdlVersion.V1_2));
    }

    [Fact]
    public void Write_map_json_object_objects()
    {
        Assert.Equal("key1\tvalue1\nkey2\tvalue2\n", Content(Run("write_map({\"key1\": \"value1\", \"key2\": \"value2\"})")));
        var json = Content(Run("write_json({\"key1\": \"value1\", \"key2\": \"value2\"})"));
        using (var doc = JsonDocument.Parse(json))
            Assert.Equal(["key1", "key2"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("[1.0,2.5,null]", Content(Run("write_json([1, 2.5, None])")).Replace("\n", "").Replace(" ", ""));
        Assert.StartsWith("write_json(): a Pair (Pair[Int, Map[Int, String]]) cannot be serialized", Fail("write_json((1, {2: \"hello\"}))"));
        Assert.Equal("key_1\tkey_2\nvalue_1\tvalue_2\n", Content(Run("write_object(object { key_1: \"value_1\", key_2: \"value_2\" })")));
        Assert.Equal("key_1\tkey_2\nvalue_1\tvalue_2\nvalue_3\tvalue_4\n",
            Content(Run("write_objects([object { key_1: \"value_1\", key_2: \"value_2\" }, object { key_2: \"value_4\", key_1: \"value_3\" }])")));
        Assert.Equal("", Content(Run("write_objects([])")));
        Assert.StartsWith("write_objects(): element 1 has members (a)", Fail("write_objects([object { b: 1 }, object { a: 1 }])"));
        Assert.Equal("write_object(): row 0, member 'a' must be a primitive value, got a value of type Array[Int]", Fail("write_object(object { a: [1] })"));
    }

    [Fact]
    public void Write_then_read_round_trips()
    {
        Assert.Equal("{\"a\":\"1\",\"b\":\"2\"}", Json("read_map(write_map({\"a\": \"1\", \"b\": \"2\"}))"));
        Assert.Equal("[[\"a\",\"b\"],[\"c\",\"d\"]]", Json("read_tsv(write_tsv([[\"a\", \"b\"], [\"c\", \"d\"]]))"));
        Assert.Equal("{\"x\":[1,2],\"y\":{\"z\":true}}", Json("read_json(write_json(object { x: [1, 2], y: object { z: true } }))"));
        Assert.Equal("[{\"a\":\"1\"}]", Json("read_objects(write_objects([object { a: 1 }]))"));
    }
}
