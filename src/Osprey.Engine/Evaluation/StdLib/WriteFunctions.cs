using System.Text;
using System.Text.Json;
using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>
/// Functions that write a new temporary file and return it: <c>write_lines</c>, <c>write_tsv</c>,
/// <c>write_map</c>, <c>write_json</c>, <c>write_object</c>, <c>write_objects</c>. Content streams
/// to disk; every line ends with <c>\n</c>.
/// </summary>
internal static class WriteFunctions
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static IEnumerable<FunctionDefinition> Definitions =>
    [
        new("write_lines", 1, 1, WdlVersion.Draft2, WriteLines),
        new("write_tsv", 1, 3, WdlVersion.Draft2, WriteTsv),
        new("write_map", 1, 1, WdlVersion.Draft2, WriteMap),
        new("write_json", 1, 1, WdlVersion.Draft2, WriteJson),
        new("write_object", 1, 1, WdlVersion.Draft2, WriteObject),
        new("write_objects", 1, 1, WdlVersion.Draft2, WriteObjects),
    ];

    private static WdlFile WriteText(IFunctionContext context, string name, string extension, Action<TextWriter> write)
    {
        string path = context.CreateTempFile(name, extension);
        try
        {
            using var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.None, 1 << 16);
            using var writer = new StreamWriter(stream, Utf8) { NewLine = "\n" };
            write(writer);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return WdlFile.Of(path);
    }

    private static string Text(WdlValue value, WdlVersion version, string where)
    {
        if (value.IsNone) return string.Empty;
        if (ValueText.TryFormatPrimitive(value, version, out var text)) return text;
        throw new WdlValueException($"{where} must be a primitive value, got {ValueCoercion.Describe(value)}");
    }

    private static WdlValue WriteLines(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var array = Args.Array(args, 0);
        return WriteText(context, "write_lines", ".txt", w =>
        {
            for (int i = 0; i < array.Count; i++)
            {
                w.Write(Text(array[i], context.Version, $"element {i}"));
                w.Write('\n');
                if ((i & 0xFFF) == 0xFFF) context.CancellationToken.ThrowIfCancellationRequested();
            }
        });
    }

    private static WdlValue WriteTsv(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var rows = Args.Array(args, 0);
        bool header = args.Count > 1 && Args.Boolean(args, 1);
        List<string>? names = args.Count > 2 ? Args.Strings(Args.Array(args, 2), 2, context.Version) : null;
        bool structRows = rows.Count > 0 && rows[0] is IMemberValue;
        if (header && names is null)
        {
            if (!structRows && rows.Count > 0)
                throw new WdlValueException("a header row needs the column names as the third argument");
            names = rows.Count > 0 ? ((IMemberValue)rows[0]).MemberNames.ToList() : [];
        }

        return WriteText(context, "write_tsv", ".tsv", w =>
        {
            if (header && names is not null) WriteRow(w, names);
            for (int r = 0; r < rows.Count; r++)
            {
                var fields = RowFields(rows[r], r, context.Version);
                if (header && names is not null && fields.Count != names.Count)
                    throw new WdlValueException($"row {r} has {fields.Count} fields but the header has {names.Count}");
                WriteRow(w, fields);
            }
        });
    }

    /// <summary>The text of each field of a row; struct/object members in <paramref name="order"/> when given.</summary>
    private static List<string> RowFields(WdlValue row, int index, WdlVersion version, IReadOnlyList<string>? order = null)
    {
        var fields = new List<string>();
        switch (row)
        {
            case WdlArray a:
                for (int i = 0; i < a.Count; i++) fields.Add(Text(a[i], version, $"row {index}, column {i}"));
                break;
            case IMemberValue members:
                foreach (var name in order ?? members.MemberNames)
                {
                    members.TryGetMember(name, out var v);
                    fields.Add(Text(v, version, $"row {index}, member '{name}'"));
                }
                break;
            default:
                throw new WdlValueException($"row {index} must be an Array or a struct, got {ValueCoercion.Describe(row)}");
        }
        return fields;
    }

    private static void WriteRow(TextWriter w, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) w.Write('\t');
            w.Write(fields[i]);
        }
        w.Write('\n');
    }

    private static WdlValue WriteMap(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var map = Args.Map(args, 0);
        return WriteText(context, "write_map", ".tsv", w =>
        {
            foreach (var (k, v) in map.Entries)
            {
                w.Write(Text(k, context.Version, "a key"));
                w.Write('\t');
                w.Write(Text(v, context.Version, "a value"));
                w.Write('\n');
            }
        });
    }

    private static WdlValue WriteJson(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        string path = context.CreateTempFile("write_json", ".json");
        try
        {
            using var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.None, 1 << 16);
            using var writer = new Utf8JsonWriter(stream, ValueJson.OutputWriterOptions);
            ValueJson.Write(writer, args[0], JsonWriteMode.Strict);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return WdlFile.Of(path);
    }

    private static WdlValue WriteObject(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        if (args[0] is not IMemberValue members) throw Args.Wrong(0, "Struct or Object", args[0]);
        return WriteText(context, "write_object", ".tsv", w =>
        {
            WriteRow(w, members.MemberNames);
            WriteRow(w, RowFields(args[0], 0, context.Version));
        });
    }

    private static WdlValue WriteObjects(IReadOnlyList<WdlValue> args, IFunctionContext context)
    {
        var array = Args.Array(args, 0);
        IReadOnlyList<string>? names = null;
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is not IMemberValue m)
                throw new WdlValueException($"element {i} must be a struct or Object, got {ValueCoercion.Describe(array[i])}");
            if (names is null) names = m.MemberNames;
            else if (names.Count != m.MemberNames.Count || !names.All(n => m.TryGetMember(n, out _)))
                throw new WdlValueException($"element {i} has members ({string.Join(", ", m.MemberNames)}) that differ from element 0 ({string.Join(", ", names)})");
        }
        return WriteText(context, "write_objects", ".tsv", w =>
        {
            if (names is null) return;
            WriteRow(w, names);
            for (int i = 0; i < array.Count; i++) WriteRow(w, RowFields(array[i], i, context.Version, names));
        });
    }
}
