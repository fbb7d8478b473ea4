using System.Text.Json;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.Values;

public class ValueJsonTests
{
    private static readonly StructType Person = new("Person",
        [new("name", WdlType.String), new("age", WdlType.Int), new("email", WdlType.String.Optional)], false);

    private static WdlValue Read(string json, WdlType type, WdlVersion version = WdlVersion.V1_1)
    {
        using var doc = JsonDocument.Parse(json);
        return ValueJson.ReadInput(doc.RootElement, type, "wf.x", version);
    }

    private static string ReadError(string json, WdlType type, string name = "wf.x", WdlVersion version = WdlVersion.V1_1)
    {
        using var doc = JsonDocument.Parse(json);
        return Assert.Throws<JsonValueException>(() => ValueJson.ReadInput(doc.RootElement, type, name, version)).Message;
    }

    [Fact]
    public void Reads_primitives()
    {
        Assert.Equal(WdlBoolean.True, Read("true", WdlType.Boolean));
        Assert.Equal(WdlInt.Of(3), Read("3", WdlType.Int));
        Assert.Equal(WdlInt.Of(3), Read("3.0", WdlType.Int));
        Assert.Equal(WdlFloat.Of(3), Read("3", WdlType.Float));
        Assert.Equal(WdlFloat.Of(27.3), Read("27.3", WdlType.Float));
        Assert.Equal(WdlString.Of("hi"), Read("\"hi\"", WdlType.String));
        Assert.Equal(WdlFile.Of("/path/to/file.txt"), Read("\"/path/to/file.txt\"", WdlType.File));
        Assert.Equal(WdlDirectory.Of("s3://b/d"), Read("\"s3://b/d\"", WdlType.Directory));
        Assert.Equal(WdlFile.Of("/data/a.txt"), Read("{\"location\": \"/data/a.txt\"}", WdlType.File, WdlVersion.V1_2));
        Assert.Same(WdlNone.Instance, Read("null", WdlType.Int.Optional));
    }

    [Fact]
    public void Errors_name_the_input_and_the_expectation()
    {
        Assert.Equal("input 'wf.n': expected Int, got \"abc\"", ReadError("\"abc\"", WdlType.Int, "wf.n"));
        Assert.Equal("input 'wf.x': expected Int, got 1.5", ReadError("1.5", WdlType.Int));
        Assert.Equal("input 'wf.x': expected String, got 5", ReadError("5", WdlType.String));
        Assert.Equal("input 'wf.x': expected Int, got null", ReadError("null", WdlType.Int));
        Assert.Equal("input 'wf.x': expected Array[Int], got an object", ReadError("{}", WdlType.ArrayOf(WdlType.Int)));
        Assert.Equal("input 'wf.x': at [1]: expected Int, got \"b\"", ReadError("[1, \"b\"]", WdlType.ArrayOf(WdlType.Int)));
        Assert.Equal("input 'wf.x': expected a non-empty array (Array[Int]+), got []", ReadError("[]", new ArrayType(WdlType.Int, true, false)));
        Assert.Equal("input 'wf.x': missing required member 'age' of struct Person", ReadError("{\"name\": \"A\"}", Person));
        Assert.Equal("input 'wf.x': at age: expected Int, got \"old\"", ReadError("{\"name\": \"A\", \"age\": \"old\"}", Person));
        Assert.Equal("input 'wf.x': struct Person has no member 'zip'", ReadError("{\"name\": \"A\", \"age\": 1, \"zip\": 1}", Person));
    }

    [Fact]
    public void Reads_compound_values()
    {
        var map = (WdlMap)Read("{\"b\": 2, \"a\": 1}", WdlType.MapOf(WdlType.String, WdlType.Int));
        Assert.Equal([WdlString.Of("b"), WdlString.Of("a")], map.Keys);

        var intKeys = (WdlMap)Read("{\"1\": \"x\"}", WdlType.MapOf(WdlType.Int, WdlType.String));
        Assert.Equal(WdlInt.Of(1), intKeys.Keys[0]);

        var pair = (WdlPair)Read("{\"left\": 23, \"right\": \"twenty-three\"}", WdlType.PairOf(WdlType.Int, WdlType.String));
        Assert.Equal(WdlInt.Of(23), pair.Left);

        var person = (WdlStruct)Read("{\"name\": \"John\", \"age\": 42}", Person);
        Assert.Equal("Person { name: \"John\", age: 42, email: None }", person.ToString());
        // 1.2 ignores unknown members.
        Assert.IsType<WdlStruct>(Read("{\"name\": \"A\", \"age\": 1, \"zip\": 1}", Person, WdlVersion.V1_2));

        var obj = (WdlObject)Read("{\"a\": 10, \"b\": \"hello\", \"c\": [1, 2.5]}", WdlType.Object);
        Assert.True(obj.TryGetMember("c", out var c));
        Assert.Equal("Array[Float]", c.Type.Display);

        var nested = Read("[[1, 2], []]", WdlType.ArrayOf(WdlType.ArrayOf(WdlType.Int)));
        Assert.Equal("[[1, 2], []]", nested.ToString());
    }

    [Fact]
    public void Reads_untyped_json()
    {
        using var doc = JsonDocument.Parse("{\"i\": 42, \"f\": 1.0, \"s\": \"x\", \"n\": null, \"a\": [1, null], \"o\": {\"k\": true}}");
        var obj = (WdlObject)ValueJson.ReadUntyped(doc.RootElement);
        obj.TryGetMember("i", out var i);
        obj.TryGetMember("f", out var f);
        obj.TryGetMember("a", out var a);
        Assert.Equal(WdlInt.Of(42), i);
        Assert.Equal(WdlFloat.Of(1.0), f);
        Assert.Equal("Array[Int?]", a.Type.Display);

        using var bad = JsonDocument.Parse("[1, \"a\"]");
        Assert.Throws<WdlValueException>(() => ValueJson.ReadUntyped(bad.RootElement));
    }

    [Fact]
    public void Writes_the_output_format()
    {
        var person = WdlStruct.Create(Person, [WdlString.Of("John"), WdlInt.Of(42), WdlNone.Instance]);
        Assert.Equal("{\"name\":\"John\",\"age\":42,\"email\":null}", ValueJson.Serialize(person));
        Assert.Equal("[0.0,3.5,1E+20]", ValueJson.Serialize(WdlArray.Create(WdlType.Float, WdlFloat.Of(0), WdlFloat.Of(3.5), WdlFloat.Of(1e20))));
        Assert.Equal("\"/path/to/file\"", ValueJson.Serialize(WdlFile.Of("/path/to/file")));
        Assert.Equal("\"héllo \\\"q\\\"\"", ValueJson.Serialize(WdlString.Of("héllo \"q\"")));
        var pair = WdlPair.Create(WdlInt.Of(1), WdlString.Of("a"));
        Assert.Equal("{\"left\":1,\"right\":\"a\"}", ValueJson.Serialize(pair));
        var intMap = WdlMap.Create(WdlType.Int, WdlType.Int, [new(WdlInt.Of(0), WdlInt.Of(7))]);
        Assert.Equal("{\"0\":7}", ValueJson.Serialize(intMap));
    }

    [Fact]
    public void Strict_mode_rejects_pairs_and_non_string_keys()
    {
        var pair = WdlPair.Create(WdlInt.Of(1), WdlMap.Create(WdlType.Int, WdlType.String, [new(WdlInt.Of(2), WdlString.Of("hello"))]));
        Assert.Throws<JsonValueException>(() => ValueJson.Serialize(pair, JsonWriteMode.Strict));
        var intMap = WdlMap.Create(WdlType.Int, WdlType.String, [new(WdlInt.Of(2), WdlString.Of("hello"))]);
        Assert.Contains("Map with Int keys", Assert.Throws<JsonValueException>(() => ValueJson.Serialize(intMap, JsonWriteMode.Strict)).Message);
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var type = WdlType.MapOf(WdlType.String, WdlType.ArrayOf(WdlType.PairOf(WdlType.Int, WdlType.File.Optional)));
        var value = Read("{\"k\": [{\"left\": 1, \"right\": \"/f\"}, {\"left\": 2, \"right\": null}]}", type);
        string json = ValueJson.Serialize(value);
        Assert.Equal("{\"k\":[{\"left\":1,\"right\":\"/f\"},{\"left\":2,\"right\":null}]}", json);
        Assert.Equal(value, Read(json, type));

        var person = WdlStruct.Create(Person, [WdlString.Of("A"), WdlInt.Of(1), WdlString.Of("a@b")]);
        Assert.Equal(person, Read(ValueJson.Serialize(person), Person));
    }

    [Fact]
    public void Reads_and_writes_whole_documents()
    {
        using var doc = JsonDocument.Parse("{\"wf.n\": 3, \"wf.extra\": 1}");
        var inputs = ValueJson.ReadInputs(doc.RootElement, new Dictionary<string, WdlType> { ["wf.n"] = WdlType.Int }, WdlVersion.V1_1, out var unknown);
        Assert.Equal(WdlInt.Of(3), inputs["wf.n"]);
        Assert.Equal(["wf.extra"], unknown);

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            ValueJson.WriteOutputs(writer, [new("wf.b", WdlBoolean.True), new("wf.f", WdlFloat.Of(27.3))]);
        Assert.Equal("{\"wf.b\":true,\"wf.f\":27.3}", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
