using Osprey.Wdl.Semantics;

namespace Osprey.Wdl.Tests.Semantics;

/// <summary>
/// Reads types written as WDL writes them ("Array[Map[String, Int?]]+?") so test data stays short.
/// Knows a few test structs by name.
/// </summary>
internal static class TypeText
{
    public static readonly StructType Person = new("Person",
        [new StructMember("name", WdlType.String), new StructMember("age", WdlType.Int)], false);

    /// <summary>Same members as Person under another name (e.g. an import alias).</summary>
    public static readonly StructType Human = new("Human",
        [new StructMember("name", WdlType.String), new StructMember("age", WdlType.Int)], false);

    /// <summary>Same member names as Person, age widened to Float.</summary>
    public static readonly StructType FloatPerson = new("FloatPerson",
        [new StructMember("name", WdlType.String), new StructMember("age", WdlType.Float)], false);

    /// <summary>Same member names as Person, age is a String (not coercible from Int without a warning).</summary>
    public static readonly StructType TextPerson = new("TextPerson",
        [new StructMember("name", WdlType.String), new StructMember("age", WdlType.String)], false);

    public static readonly StructType Pet = new("Pet",
        [new StructMember("name", WdlType.String), new StructMember("species", WdlType.String)], false);

    /// <summary>All members Int: a Map[String, Int] can become one.</summary>
    public static readonly StructType Words = new("Words",
        [new StructMember("a", WdlType.Int), new StructMember("b", WdlType.Int.Optional)], false);

    public static readonly StructType Sample = new("Sample",
        [new StructMember("id", WdlType.String), new StructMember("reads", WdlType.ArrayOf(WdlType.File))], false);

    private static readonly Dictionary<string, StructType> Structs = new[] { Person, Human, FloatPerson, TextPerson, Pet, Words, Sample }
        .ToDictionary(s => s.Name);

    public static WdlType Parse(string text)
    {
        var position = 0;
        var type = ParseType(text, ref position);
        SkipSpaces(text, ref position);
        if (position != text.Length)
            throw new FormatException($"Unexpected '{text[position..]}' in type '{text}'");
        return type;
    }

    private static WdlType ParseType(string text, ref int position)
    {
        SkipSpaces(text, ref position);
        var start = position;
        while (position < text.Length && char.IsLetterOrDigit(text[position]))
            position++;
        var name = text[start..position];

        WdlType type = name switch
        {
            "Boolean" => WdlType.Boolean,
            "Int" => WdlType.Int,
            "Float" => WdlType.Float,
            "String" => WdlType.String,
            "File" => WdlType.File,
            "Directory" => WdlType.Directory,
            "Object" => WdlType.Object,
            "Any" => WdlType.Any,
            "None" => WdlType.None,
            "Error" => WdlType.Error,
            "Array" => ParseArray(text, ref position),
            "Map" => ParseTwo(text, ref position, WdlType.MapOf),
            "Pair" => ParseTwo(text, ref position, WdlType.PairOf),
            _ when Structs.TryGetValue(name, out var s) => s,
            _ => throw new FormatException($"Unknown type '{name}' in '{text}'"),
        };

        if (position < text.Length && text[position] == '?')
        {
            position++;
            type = type.Optional;
        }

        return type;
    }

    private static WdlType ParseArray(string text, ref int position)
    {
        Expect(text, ref position, '[');
        var element = ParseType(text, ref position);
        Expect(text, ref position, ']');
        var nonEmpty = position < text.Length && text[position] == '+';
        if (nonEmpty)
            position++;
        return WdlType.ArrayOf(element, nonEmpty);
    }

    private static WdlType ParseTwo(string text, ref int position, Func<WdlType, WdlType, WdlType> make)
    {
        Expect(text, ref position, '[');
        var first = ParseType(text, ref position);
        Expect(text, ref position, ',');
        var second = ParseType(text, ref position);
        Expect(text, ref position, ']');
        return make(first, second);
    }

    private static void Expect(string text, ref int position, char c)
    {
        SkipSpaces(text, ref position);
        if (position >= text.Length || text[position] != c)
            throw new FormatException($"Expected '{c}' at {position} in '{text}'");
        position++;
    }

    private static void SkipSpaces(string text, ref int position)
    {
        while (position < text.Length && text[position] == ' ')
            position++;
    }
}
