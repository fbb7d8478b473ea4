using System.Text;
using System.Text.Json;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>
/// Functions that read a file's contents: <c>read_string</c>, <c>read_int</c>, <c>read_float</c>,
/// <c>read_boolean</c>, <c>read_lines</c>, <c>read_tsv</c>, <c>read_map</c>, <c>read_json</c>,
/// <c>read_object</c>, <c>read_objects</c>. Line-based readers stream the file line by line.
/// </summary>
internal static class ReadFunctions
{
    // Files expected to hold one scalar are refused beyond this size rather than loaded whole.
    private const long ScalarFileLimit = 1 << 20;

    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        new("read_string", 1, 1, WdlVersion.Draft2, ReadString),
        new("read_int", 1, 1, WdlVersion.Draft2, ReadInt),
        new("read_float", 1, 1, WdlVersion.Draft2, ReadFloat),
        new("read_boolean", 1, 1, WdlVersion.Draft2, ReadBoolean),
        new("read_lines", 1, 1, WdlVersion.Draft2, ReadLines),
        new("read_tsv", 1, 3, WdlVersion.Draft2, ReadTsv),
        new("read_map", 1, 1, WdlVersion.Draft2, ReadMap),
        new("read_json", 1, 1, WdlVersion.Draft2, ReadJson),
        new("read_object", 1, 1, WdlVersion.Draft2, ReadObject),
        new("read_objects", 1, 1, WdlVersion.Draft2, ReadObjects),
    ];

    private static string LocalPath(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string location = Args.Path(args, 0);
        string path = context.ResolveLocalPath(location);
        if (!File.Exists(path)) throw new WdlValueException($"file '{location}' does not exist");
        return path;
    }

    private static string ReadAll(string path) => File.ReadAllText(path, new UTF8Encoding(false));

    /// <summary>The whole file without its trailing end-of-line characters.</summary>
    private static WdlValue ReadString(IReadOnlyList<WdlValue> args, IFunctionContext context) =>
        WdlString.Of(ReadAll(LocalPath(args, context)).TrimEnd('\r', '\n'));

    private static string ReadScalar(IReadOnlyList<WdlValue> args, IFunctionContext context, string what)
    {
        string path = LocalPath(args, context);
        if (new FileInfo(path).Length > ScalarFileLimit)
            throw new WdlValueException($"file '{Args.Path(args, 0)}' is too large to hold a single {what}");
        string text = ReadAll(path).Trim();
        if (text.Length == 0) throw new WdlValueException($"file '{Args.Path(args, 0)}' is empty; expected a single {what}");
        return text;
    }

    private static WdlValue ReadInt(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string text = ReadScalar(args, context, "Int");
        return ValueCoercion.TryParseInt(text, out long value)
            ? WdlInt.Of(value)
            : throw new WdlValueException($"file '{Args.Path(args, 0)}' does not contain a single Int: {Excerpt(text)}");
    }

    private static WdlValue ReadFloat(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string text = ReadScalar(args, context, "Float");
        return ValueCoercion.TryParseFloat(text, out double value) && !text.Contains('\n')
            ? WdlFloat.Of(value)
            : throw new WdlValueException($"file '{Args.Path(args, 0)}' does not contain a single Float: {Excerpt(text)}");
    }

    private static WdlValue ReadBoolean(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string text = ReadScalar(args, context, "Boolean");
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return WdlBoolean.True;
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) return WdlBoolean.False;
        throw new WdlValueException($"file '{Args.Path(args, 0)}' does not contain a single Boolean (true or false): {Excerpt(text)}");
    }

    private static string Excerpt(string text) => ValueText.Quote(text.Length > 60 ? text[..57] + "..." : text);

    private static WdlValue ReadLines(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var lines = new List<WdlValue>();
        foreach (var line in LineReader.ReadLines(LocalPath(args, context), context.CancellationToken))
            lines.Add(WdlString.Of(line));
        return WdlArray.Own(WdlType.ArrayOf(WdlType.String), lines.ToArray());
    }

    private static WdlValue ReadTsv(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string path = LocalPath(args, context);
        bool header = args.Count > 1 && Args.Boolean(args, 1);
        List<string>? names = args.Count > 2 ? Args.Strings(Args.Array(args, 2), 2, context.Version) : null;

        if (!header && names is null)
        {
            var rows = new List<WdlValue>();
            var rowType = WdlType.ArrayOf(WdlType.String);
            foreach (var line in LineReader.ReadLines(path, context.CancellationToken))
                rows.Add(WdlArray.Own(rowType, Fields(line)));
            return WdlArray.Own(WdlType.ArrayOf(rowType), rows.ToArray());
        }

        // Rows as Objects keyed by the header (or by the given names, which override it).
        var objects = new List<WdlValue>();
        int lineNumber = 0;
        foreach (var line in LineReader.ReadLines(path, context.CancellationToken))
        {
            lineNumber++;
            if (header && lineNumber == 1)
            {
                names ??= line.Split('\t').ToList();
                CheckUnique(names, "header");
                continue;
            }
            var fields = Fields(line);
            if (fields.Length != names!.Count)
                throw new WdlValueException($"line {lineNumber} has {fields.Length} fields but there are {names.Count} column names");
            objects.Add(WdlObject.Create(names.Select((n, i) => new KeyValuePair<string, WdlValue>(n, fields[i]))));
        }
        return WdlArray.Own(WdlType.ArrayOf(WdlType.Object), objects.ToArray());
    }

    private static WdlValue[] Fields(string line)
    {
        var parts = line.Split('\t');
        var fields = new WdlValue[parts.Length];
        for (int i = 0; i < parts.Length; i++) fields[i] = WdlString.Of(parts[i]);
        return fields;
    }

    private static void CheckUnique(List<string> names, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
            if (!seen.Add(n)) throw new WdlValueException($"the {what} names '{n}' more than once");
    }

    private static WdlValue ReadMap(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var keys = new List<WdlValue>();
        var values = new List<WdlValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (var line in LineReader.ReadLines(LocalPath(args, context), context.CancellationToken))
        {
            lineNumber++;
            var parts = line.Split('\t');
            if (parts.Length != 2)
                throw new WdlValueException($"line {lineNumber} has {parts.Length} fields; read_map needs exactly 2 (key and value)");
            if (!seen.Add(parts[0])) throw new WdlValueException($"duplicate key {ValueText.Quote(parts[0])} on line {lineNumber}");
            keys.Add(WdlString.Of(parts[0]));
            values.Add(WdlString.Of(parts[1]));
        }
        return WdlMap.Own(WdlType.MapOf(WdlType.String, WdlType.String), keys.ToArray(), values.ToArray(), checkDuplicates: false);
    }

    private static WdlValue ReadJson(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string path = LocalPath(args, context);
        using var stream = File.OpenRead(path);
        try
        {
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
            return ValueJson.ReadUntyped(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new WdlValueException($"file '{Args.Path(args, 0)}' is not valid JSON: {e.Message}");
        }
    }

    private static WdlValue ReadObject(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var lines = LineReader.ReadLines(LocalPath(args, context), context.CancellationToken).Take(3).ToList();
        if (lines.Count != 2)
            throw new WdlValueException($"read_object needs exactly 2 lines (names and values), the file has {(lines.Count > 2 ? "more than 2" : lines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        return ObjectFromRow(lines[0].Split('\t').ToList(), lines[1], 2);
    }

    private static WdlValue ReadObjects(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        List<string>? names = null;
        var objects = new List<WdlValue>();
        int lineNumber = 0;
        foreach (var line in LineReader.ReadLines(LocalPath(args, context), context.CancellationToken))
        {
            lineNumber++;
            if (names is null)
            {
                names = line.Split('\t').ToList();
                CheckUnique(names, "header");
                continue;
            }
            objects.Add(ObjectFromRow(names, line, lineNumber));
        }
        return WdlArray.Own(WdlType.ArrayOf(WdlType.Object), objects.ToArray());
    }

    private static WdlObject ObjectFromRow(List<string> names, string line, int lineNumber)
    {
        CheckUnique(names, "first line");
        var fields = Fields(line);
        if (fields.Length != names.Count)
            throw new WdlValueException($"line {lineNumber} has {fields.Length} fields but the first line has {names.Count} names");
        return WdlObject.Create(names.Select((n, i) => new KeyValuePair<string, WdlValue>(n, fields[i])));
    }
}
