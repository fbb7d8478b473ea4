using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Values;

/// <summary>
/// The spec's JSON input and output formats (no reflection: <see cref="JsonElement"/> in,
/// <see cref="Utf8JsonWriter"/> out).
/// </summary>
public static class ValueJson
{
    /// <summary>Writer options for output files: readable, and non-ASCII text kept as is.</summary>
    public static readonly JsonWriterOptions OutputWriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Reads the JSON given for input <paramref name="inputName"/> as a value of its declared
    /// <paramref name="type"/>. Errors name the input and what was expected, e.g.
    /// <c>input 'wf.n': expected Int, got "abc"</c>, with a path for nested values.
    /// </summary>
    /// <remarks>
    /// Beyond the plain mapping: a number may fill an Int only when it is whole; a numeric string
    /// may fill an Int or Float (the spec's String→Int/Float exception); a Pair is read from
    /// <c>{"left": ..., "right": ...}</c> (WDL 1.0's documented form); a File or Directory may be
    /// given in 1.2's extended form <c>{"location": ...}</c> (only the location is kept); struct
    /// members the struct does not declare are an error before 1.2 and ignored in 1.2.
    /// </remarks>
    public static WdlValue ReadInput(JsonElement json, WdlType type, string inputName, WdlVersion version)
    {
        try
        {
            return Read(json, type, version, string.Empty);
        }
        catch (PathFailure failure)
        {
            string at = failure.Path.Length > 0 ? $"at {failure.Path}: " : string.Empty;
            throw new JsonValueException($"input '{inputName}': {at}{failure.Reason}");
        }
    }

    /// <summary>
    /// Reads JSON with no declared type (<c>read_json</c>, members of an <c>Object</c> input):
    /// objects become <c>Object</c>, whole numbers <c>Int</c>, other numbers <c>Float</c>, null
    /// <c>None</c>; array elements must share a type.
    /// </summary>
    public static WdlValue ReadUntyped(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Null: return WdlNone.Instance;
            case JsonValueKind.True: return WdlBoolean.True;
            case JsonValueKind.False: return WdlBoolean.False;
            case JsonValueKind.String: return WdlString.Of(json.GetString()!);
            case JsonValueKind.Number: return ReadNumber(json);
            case JsonValueKind.Array:
                {
                    var items = new WdlValue[json.GetArrayLength()];
                    int i = 0;
                    foreach (var item in json.EnumerateArray()) items[i++] = ReadUntyped(item);
                    var elementType = TypeUnification.CommonTypeOf(items, "JSON array elements");
                    for (i = 0; i < items.Length; i++)
                        items[i] = ValueCoercion.Coerce(items[i], elementType, WdlVersion.V1_2);
                    return WdlArray.Own(WdlType.ArrayOf(elementType), items);
                }
            case JsonValueKind.Object:
                {
                    var members = new List<KeyValuePair<string, WdlValue>>();
                    foreach (var p in json.EnumerateObject()) members.Add(new(p.Name, ReadUntyped(p.Value)));
                    return WdlObject.Create(members);
                }
            default:
                throw new JsonValueException($"unsupported JSON value: {json.ValueKind}");
        }
    }

    private static WdlValue ReadNumber(JsonElement json)
    {
        string raw = json.GetRawText();
        bool fractional = raw.AsSpan().IndexOfAny(".eE") >= 0;
        if (!fractional && json.TryGetInt64(out long l)) return WdlInt.Of(l);
        double d = json.GetDouble();
        if (!double.IsFinite(d)) throw new JsonValueException($"number {raw} is out of range for a Float");
        return WdlFloat.Of(d);
    }

    private static WdlValue Read(JsonElement json, WdlType type, WdlVersion version, string path)
    {
        if (type is AnyType or ErrorType) return ReadUntyped(json);
        if (json.ValueKind == JsonValueKind.Null)
        {
            if (type.IsOptional) return WdlNone.Instance;
            throw new PathFailure(path, $"expected {type}, got null");
        }
        switch (type)
        {
            case PrimitiveType p:
                return ReadPrimitive(json, p, path);
            case ArrayType a:
                {
                    if (json.ValueKind != JsonValueKind.Array) throw Mismatch(path, type, json);
                    var items = new WdlValue[json.GetArrayLength()];
                    if (a.NonEmpty && items.Length == 0)
                        throw new PathFailure(path, $"expected a non-empty array ({type.Required}), got []");
                    int i = 0;
                    foreach (var item in json.EnumerateArray())
                    {
                        items[i] = Read(item, a.Element, version, $"{path}[{i}]");
                        i++;
                    }
                    return WdlArray.Own((ArrayType)a.Required, items);
                }
            case MapType m:
                {
                    if (json.ValueKind != JsonValueKind.Object) throw Mismatch(path, type, json);
                    var keys = new List<WdlValue>();
                    var values = new List<WdlValue>();
                    foreach (var p in json.EnumerateObject())
                    {
                        string at = $"{path}[{ValueText.Quote(p.Name)}]";
                        if (!ValueCoercion.TryCoerce(WdlString.Of(p.Name), m.Key, version, out var key, out _))
                            throw new PathFailure(at, $"expected a key of type {m.Key}, got {ValueText.Quote(p.Name)}");
                        keys.Add(key);
                        values.Add(Read(p.Value, m.Value, version, at));
                    }
                    try
                    {
                        return WdlMap.Own((MapType)m.Required, keys.ToArray(), values.ToArray(), checkDuplicates: true);
                    }
                    catch (WdlValueException e)
                    {
                        throw new PathFailure(path, e.Message);
                    }
                }
            case PairType p:
                {
                    if (json.ValueKind != JsonValueKind.Object
                        || !TryGetProperty(json, "left", out var left)
                        || !TryGetProperty(json, "right", out var right))
                        throw new PathFailure(path, $"expected {type} as an object {{\"left\": ..., \"right\": ...}}, got {DescribeJson(json)}");
                    return WdlPair.Create((PairType)p.Required,
                        Read(left, p.Left, version, Join(path, "left")),
                        Read(right, p.Right, version, Join(path, "right")));
                }
            case ObjectType:
                if (json.ValueKind != JsonValueKind.Object) throw Mismatch(path, type, json);
                return ReadUntypedAt(json, path);
            case StructType s:
                {
                    if (json.ValueKind != JsonValueKind.Object) throw Mismatch(path, type, json);
                    var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    foreach (var p in json.EnumerateObject())
                    {
                        if (s.FindMember(p.Name) is null)
                        {
                            if (version >= WdlVersion.V1_2) continue;
                            throw new PathFailure(path, $"struct {s.Name} has no member '{p.Name}'");
                        }
                        given[p.Name] = p.Value;
                    }
                    var values = new WdlValue[s.Members.Count];
                    for (int i = 0; i < values.Length; i++)
                    {
                        var member = s.Members[i];
                        if (given.TryGetValue(member.Name, out var element))
                            values[i] = Read(element, member.Type, version, Join(path, member.Name));
                        else if (member.Type.IsOptional)
                            values[i] = WdlNone.Instance;
                        else
                            throw new PathFailure(path, $"missing required member '{member.Name}' of struct {s.Name}");
                    }
                    return WdlStruct.Own((StructType)s.Required, values);
                }
            default:
                throw Mismatch(path, type, json);
        }
    }

    private static WdlValue ReadUntypedAt(JsonElement json, string path)
    {
        try
        {
            return ReadUntyped(json);
        }
        catch (WdlValueException e)
        {
            throw new PathFailure(path, e.Message);
        }
    }

    private static WdlValue ReadPrimitive(JsonElement json, PrimitiveType type, string path)
    {
        switch (type.Kind)
        {
            case PrimitiveKind.Boolean:
                if (json.ValueKind == JsonValueKind.True) return WdlBoolean.True;
                if (json.ValueKind == JsonValueKind.False) return WdlBoolean.False;
                break;
            case PrimitiveKind.Int:
                if (json.ValueKind == JsonValueKind.Number)
                {
                    if (json.TryGetInt64(out long l)) return WdlInt.Of(l);
                    if (json.TryGetDouble(out double d) && ValueCoercion.IsExactInt(d)) return WdlInt.Of((long)d);
                }
                else if (json.ValueKind == JsonValueKind.String && ValueCoercion.TryParseInt(json.GetString()!, out long parsed))
                {
                    return WdlInt.Of(parsed);
                }
                break;
            case PrimitiveKind.Float:
                if (json.ValueKind == JsonValueKind.Number && json.TryGetDouble(out double f) && double.IsFinite(f)) return WdlFloat.Of(f);
                if (json.ValueKind == JsonValueKind.String && ValueCoercion.TryParseFloat(json.GetString()!, out double pf)) return WdlFloat.Of(pf);
                break;
            case PrimitiveKind.String:
                if (json.ValueKind == JsonValueKind.String) return WdlString.Of(json.GetString()!);
                break;
            case PrimitiveKind.File:
            case PrimitiveKind.Directory:
                {
                    string? location = null;
                    if (json.ValueKind == JsonValueKind.String)
                    {
                        location = json.GetString();
                    }
                    else if (json.ValueKind == JsonValueKind.Object
                        && TryGetProperty(json, "location", out var loc) && loc.ValueKind == JsonValueKind.String)
                    {
                        // WDL 1.2 extended form; basename/listing are not supported and ignored.
                        if (TryGetProperty(json, "type", out var kind) && kind.ValueKind == JsonValueKind.String
                            && !string.Equals(kind.GetString(), type.Kind.ToString(), StringComparison.Ordinal))
                            throw new PathFailure(path, $"expected {type.Kind}, got an object of type {ValueText.Quote(kind.GetString()!)}");
                        location = loc.GetString();
                    }
                    if (location is not null)
                        return type.Kind == PrimitiveKind.File ? WdlFile.Of(location) : WdlDirectory.Of(location);
                    break;
                }
        }
        throw Mismatch(path, type.Required, json);
    }

    private static bool TryGetProperty(JsonElement json, string name, out JsonElement value)
    {
        foreach (var p in json.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string DescribeJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => Truncate(json.GetRawText()),
    };

    private static string Truncate(string text) => text.Length > 80 ? text[..77] + "..." : text;

    private static PathFailure Mismatch(string path, WdlType type, JsonElement json) =>
        new(path, $"expected {type}, got {DescribeJson(json)}");

    private static string Join(string path, string member) => path.Length == 0 ? member : path + "." + member;

    private sealed class PathFailure(string path, string reason) : Exception(reason)
    {
        public string Path { get; } = path;

        public string Reason { get; } = reason;
    }

    /// <summary>Writes a value in the spec's JSON serialization (File/Directory as their location string).</summary>
    public static void Write(Utf8JsonWriter writer, WdlValue value, JsonWriteMode mode = JsonWriteMode.Output)
    {
        switch (value)
        {
            case WdlNone: writer.WriteNullValue(); break;
            case WdlBoolean b: writer.WriteBooleanValue(b.Value); break;
            case WdlInt i: writer.WriteNumberValue(i.Value); break;
            case WdlFloat f:
                if (!double.IsFinite(f.Value)) throw new JsonValueException($"cannot write the non-finite Float {f.Value} as JSON");
                writer.WriteRawValue(ValueText.RoundTrip(f.Value), skipInputValidation: true);
                break;
            case WdlString s: writer.WriteStringValue(s.Value); break;
            case WdlFile file: writer.WriteStringValue(file.Location); break;
            case WdlDirectory d: writer.WriteStringValue(d.Location); break;
            case WdlArray a:
                writer.WriteStartArray();
                foreach (var item in a.AsSpan()) Write(writer, item, mode);
                writer.WriteEndArray();
                break;
            case WdlMap m:
                writer.WriteStartObject();
                for (int k = 0; k < m.Count; k++)
                {
                    var (key, v) = m.EntryAt(k);
                    writer.WritePropertyName(MapKeyName(key, mode));
                    Write(writer, v, mode);
                }
                writer.WriteEndObject();
                break;
            case WdlPair p:
                if (mode == JsonWriteMode.Strict)
                    throw new JsonValueException($"a Pair ({p.Type}) cannot be serialized to JSON; convert it to an Array or a struct first");
                writer.WriteStartObject();
                writer.WritePropertyName("left");
                Write(writer, p.Left, mode);
                writer.WritePropertyName("right");
                Write(writer, p.Right, mode);
                writer.WriteEndObject();
                break;
            case IMemberValue members:
                writer.WriteStartObject();
                foreach (var name in members.MemberNames)
                {
                    members.TryGetMember(name, out var v);
                    writer.WritePropertyName(name);
                    Write(writer, v, mode);
                }
                writer.WriteEndObject();
                break;
            default:
                throw new JsonValueException($"cannot serialize a value of type {value.Type} to JSON");
        }
    }

    private static string MapKeyName(WdlValue key, JsonWriteMode mode)
    {
        if (key.IsStringLike()) return ValueComparison.StringLikeText(key);
        if (mode == JsonWriteMode.Strict || key is not WdlPrimitive)
            throw new JsonValueException($"a Map with {key.Type} keys cannot be serialized to JSON; only Map[String, X] can");
        return key switch
        {
            WdlFloat f => ValueText.RoundTrip(f.Value),
            _ => ValueText.FormatPrimitive(key, WdlVersion.V1_2),
        };
    }

    /// <summary>Serializes one value to a JSON string.</summary>
    public static string Serialize(WdlValue value, JsonWriteMode mode = JsonWriteMode.Output, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, value, mode);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the spec's output document: one member per fully-qualified output name.</summary>
    public static void WriteOutputs(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, WdlValue>> outputs)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in outputs)
        {
            writer.WritePropertyName(name);
            Write(writer, value, JsonWriteMode.Output);
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads a whole input document: each member whose key is in <paramref name="declared"/> is
    /// read as that type; keys not declared are reported by the caller (returned in
    /// <paramref name="unknown"/>).
    /// </summary>
    public static Dictionary<string, WdlValue> ReadInputs(
        JsonElement document,
        IReadOnlyDictionary<string, WdlType> declared,
        WdlVersion version,
        out List<string> unknown)
    {
        if (document.ValueKind != JsonValueKind.Object)
            throw new JsonValueException($"the inputs must be a JSON object, got {DescribeJson(document)}");
        var result = new Dictionary<string, WdlValue>(StringComparer.Ordinal);
        unknown = new List<string>();
        foreach (var p in document.EnumerateObject())
        {
            if (declared.TryGetValue(p.Name, out var type)) result[p.Name] = ReadInput(p.Value, type, p.Name, version);
            else unknown.Add(p.Name);
        }
        return result;
    }

}
