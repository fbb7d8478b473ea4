using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>
/// Reads function arguments as the kinds the functions need, with errors that say which argument
/// was wrong. Arguments are accepted through the spec's coercions (an Int where a Float is
/// expected, a String where a File is expected).
/// </summary>
internal static class Args
{
    public static long Int(IReadOnlyList<WdlValue> args, int index) => args[index] switch
    {
        WdlInt i => i.Value,
        WdlFloat f when ValueCoercion.IsExactInt(f.Value) => (long)f.Value,
        var other => throw Wrong(index, "Int", other),
    };

    public static double Float(IReadOnlyList<WdlValue> args, int index) => args[index] switch
    {
        WdlFloat f => f.Value,
        WdlInt i => i.Value,
        var other => throw Wrong(index, "Float", other),
    };

    public static bool Boolean(IReadOnlyList<WdlValue> args, int index) => args[index] switch
    {
        WdlBoolean b => b.Value,
        var other => throw Wrong(index, "Boolean", other),
    };

    /// <summary>A String argument; any primitive is accepted as its text ("any arguments ... coerced to Strings").</summary>
    public static string String(IReadOnlyList<WdlValue> args, int index, WdlVersion version) =>
        ValueText.TryFormatPrimitive(args[index], version, out var text) ? text : throw Wrong(index, "String", args[index]);

    /// <summary>A File or Directory argument (a String is taken as a path); returns its location.</summary>
    public static string Path(IReadOnlyList<WdlValue> args, int index) => args[index] switch
    {
        WdlFile f => f.Location,
        WdlDirectory d => d.Location,
        WdlString s => s.Value,
        var other => throw Wrong(index, "File", other),
    };

    public static WdlArray Array(IReadOnlyList<WdlValue> args, int index) => args[index] switch
    {
        WdlArray a => a,
        var other => throw Wrong(index, "Array", other),
    };

    public static WdlMap Map(IReadOnlyList<WdlValue> args, int index) => args[index] switch
    {
        WdlMap m => m,
        var other => throw Wrong(index, "Map", other),
    };

    /// <summary>An array of strings (any primitive elements are turned into text).</summary>
    public static List<string> Strings(WdlArray array, int index, WdlVersion version)
    {
        var result = new List<string>(array.Count);
        for (int i = 0; i < array.Count; i++)
        {
            if (!ValueText.TryFormatPrimitive(array[i], version, out var text))
                throw new WdlValueException($"argument {index + 1}: element {i} must be a primitive value, got {ValueCoercion.Describe(array[i])}");
            result.Add(text);
        }
        return result;
    }

    public static WdlValueException Wrong(int index, string expected, WdlValue actual) =>
        new($"argument {index + 1}: expected {expected}, got {ValueCoercion.Describe(actual)}");

    /// <summary>The element type of an array of arrays (Any when unknown).</summary>
    public static WdlType InnerElementType(WdlArray array) =>
        array.ElementType.Required is ArrayType inner ? inner.Element : WdlType.Any;
}
