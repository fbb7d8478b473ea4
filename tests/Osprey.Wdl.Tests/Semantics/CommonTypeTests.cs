using Osprey.Wdl.Semantics;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Tests.Semantics;

public class CommonTypeTests
{
    [Theory]
    [InlineData("Int, Float", "Float")]
    [InlineData("Float, Int", "Float")]
    [InlineData("Int, Int", "Int")]
    [InlineData("Int, None", "Int?")]
    [InlineData("None, Int", "Int?")]
    [InlineData("Int?, Int", "Int?")]
    [InlineData("Int, Float?", "Float?")]
    [InlineData("None", "None")]
    [InlineData("String, File", "File")]
    [InlineData("File, String", "File")]
    [InlineData("String, Directory", "Directory")]
    [InlineData("Array[Int], Array[Float]", "Array[Float]")]
    [InlineData("Array[Int]+, Array[Int]", "Array[Int]")]
    [InlineData("Array[Int]+, Array[Int]+", "Array[Int]+")]
    [InlineData("Array[Any], Array[Int]", "Array[Int]")]
    [InlineData("Array[Int], Array[None]", "Array[Int?]")]
    [InlineData("Any, String", "String")]
    [InlineData("Pair[Int, Float], Pair[Float, Int]", "Pair[Float, Float]")]
    [InlineData("Map[String, Int], Map[String, Float?]", "Map[String, Float?]")]
    [InlineData("Person, Human", "Person")]
    [InlineData("Object, Map[String, Int]", "Object")]
    [InlineData("Map[String, Int], Object", "Object")]
    [InlineData("Error, Int", "Error")]
    [InlineData("Int, Float, None", "Float?")]
    public void Unifies(string types, string expected)
    {
        var parsed = SplitTopLevel(types).Select(TypeText.Parse);
        Assert.Equal(TypeText.Parse(expected), TypeCoercion.CommonType(parsed, V1_2));
    }

    [Theory]
    [InlineData("Int, String")]
    [InlineData("Int, Boolean")]
    [InlineData("Array[Int], Int")]
    [InlineData("Array[Int], Array[String]")]
    [InlineData("Map[String, Int], Pair[String, Int]")]
    [InlineData("File, Directory")]
    [InlineData("Person, Pet")]
    public void Has_no_common_type(string types)
        => Assert.Null(TypeCoercion.CommonType(SplitTopLevel(types).Select(TypeText.Parse), V1_2));

    [Fact]
    public void Empty_literal_has_unknown_element()
        => Assert.Equal(WdlType.Any, TypeCoercion.CommonType([]));

    [Fact]
    public void If_then_else_with_none_is_optional()
        => Assert.Equal(WdlType.Int.Optional, TypeCoercion.CommonType([WdlType.Int, WdlType.None]));

    /// <summary>Splits "Map[String, Int], Int" at commas outside brackets.</summary>
    internal static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case ',' when depth == 0:
                    yield return text[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        if (text.Length > 0)
            yield return text[start..].Trim();
    }
}
