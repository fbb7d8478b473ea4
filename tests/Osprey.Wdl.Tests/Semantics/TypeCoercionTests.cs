using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Tests.Semantics;

public class TypeCoercionTests
{
    public static readonly WdlVersion[] AllVersions = [Draft2, V1_0, V1_1, V1_2];

    private static CoercionResult Check(string from, string to, WdlVersion version)
        => TypeCoercion.Check(TypeText.Parse(from), TypeText.Parse(to), version);

    [Theory]
    [InlineData("Int", "Int")]
    [InlineData("Int", "Float")]
    [InlineData("String", "File")]
    [InlineData("File", "String")]
    [InlineData("Int", "Int?")]
    [InlineData("Int?", "Float?")]
    [InlineData("Array[Int]", "Array[Float]")]
    [InlineData("Array[Int]+", "Array[Int]")]
    [InlineData("Array[Int]+", "Array[Int]+")]
    [InlineData("Array[String]", "Array[File]?")]
    [InlineData("Map[String, Int]", "Map[File, Float]")]
    [InlineData("Pair[Int, String]", "Pair[Float, File]")]
    [InlineData("Object", "Object")]
    [InlineData("Person", "Person")]
    [InlineData("Person", "Human")]
    [InlineData("Any", "Int")]
    [InlineData("Int", "Any")]
    [InlineData("Any?", "Int")]
    [InlineData("Error", "Map[String, Int]")]
    [InlineData("Array[Int]", "Error")]
    [InlineData("Array[Any]", "Array[String]")]
    [InlineData("None", "Int?")]
    [InlineData("None", "Array[File]?")]
    [InlineData("Array[None]", "Array[Int?]")]
    [InlineData("Object", "Person")]
    [InlineData("Map[String, Int]", "Words")]
    public void Allowed_in_every_version(string from, string to)
    {
        foreach (var version in AllVersions)
        {
            var result = Check(from, to, version);
            Assert.True(result.Verdict is Verdict.Allowed or Verdict.Deprecated, $"{from} -> {to} in {version}: {result}");
        }
    }

    [Theory]
    [InlineData("String", "Directory")]
    [InlineData("Directory", "String")]
    [InlineData("Directory", "Directory?")]
    public void Directory_coercions_in_1_2(string from, string to)
        => Assert.Equal(Verdict.Allowed, Check(from, to, V1_2).Verdict);

    [Theory]
    [InlineData("Int?", "Int", LenientRule.OptionalToRequired)]
    [InlineData("File?", "String", LenientRule.OptionalToRequired)]
    [InlineData("Array[Int?]", "Array[Int]", LenientRule.OptionalToRequired)]
    [InlineData("Array[Int]?", "Array[Int]", LenientRule.OptionalToRequired)]
    [InlineData("Map[String, File?]", "Map[String, File]", LenientRule.OptionalToRequired)]
    [InlineData("Array[Int]", "Array[Int]+", LenientRule.ArrayToNonEmpty)]
    [InlineData("Array[String]", "Array[File]+?", LenientRule.ArrayToNonEmpty)]
    [InlineData("String", "Int", LenientRule.StringToNumber)]
    [InlineData("String", "Float", LenientRule.StringToNumber)]
    [InlineData("String", "Boolean", LenientRule.StringToBoolean)]
    [InlineData("Float", "Int", LenientRule.FloatToInt)]
    [InlineData("Int", "String", LenientRule.PrimitiveToString)]
    [InlineData("Float", "String", LenientRule.PrimitiveToString)]
    [InlineData("Boolean", "String", LenientRule.PrimitiveToString)]
    [InlineData("Array[Int]", "Array[String]", LenientRule.PrimitiveToString)]
    [InlineData("Array[Pair[String, Int]]", "Map[String, Int]", LenientRule.PairArrayToMap)]
    [InlineData("Array[Pair[String, Int]]", "Map[File, Float]", LenientRule.PairArrayToMap)]
    public void Lenient_in_every_version(string from, string to, LenientRule rule)
    {
        foreach (var version in AllVersions)
        {
            var result = Check(from, to, version);
            Assert.Equal(Verdict.AllowedWithWarning, result.Verdict);
            Assert.Equal(rule, result.Rule);
            Assert.False(string.IsNullOrEmpty(result.Reason));
        }
    }

    [Fact]
    public void Optional_to_required_reason_names_both_types()
        => Assert.Equal("Int? is optional but Int is required", Check("Int?", "Int", V1_0).Reason);

    [Theory]
    [InlineData("Int", "Boolean")]
    [InlineData("Boolean", "Int")]
    [InlineData("Float", "Boolean")]
    [InlineData("File", "Int")]
    [InlineData("File", "Directory")]
    [InlineData("Directory", "File")]
    [InlineData("Int", "Array[Int]")]
    [InlineData("Array[Int]", "Int")]
    [InlineData("Array[String]", "String")]
    [InlineData("Pair[Int, Int]", "Array[Int]")]
    [InlineData("Array[Int]", "Map[Int, Int]")]
    [InlineData("Map[Int, Int]", "Object")]
    [InlineData("Map[Int, String]", "Person")]
    [InlineData("Map[String, Array[Int]]", "Person")]
    [InlineData("Person", "Pet")]
    [InlineData("Person", "Int")]
    [InlineData("Object", "Int")]
    [InlineData("Object", "Map[Int, String]")]
    [InlineData("Array[Array[Int]]", "Array[Int]")]
    [InlineData("Map[String, Int]", "Pair[String, Int]")]
    [InlineData("None", "Int")]
    [InlineData("None", "Array[Int]")]
    [InlineData("Int", "None")]
    public void Forbidden_in_every_version(string from, string to)
    {
        foreach (var version in AllVersions)
        {
            var result = Check(from, to, version);
            Assert.Equal(Verdict.Forbidden, result.Verdict);
            Assert.False(string.IsNullOrEmpty(result.Reason));
        }
    }

    [Fact]
    public void Forbidden_reasons_help()
    {
        Assert.Contains("sep()", Check("Array[String]", "String", V1_1).Reason);
        Assert.Contains("optional", Check("None", "Int", V1_1).Reason);
        Assert.Contains("member 'name' of Person", Check("Map[String, Array[Int]]", "Person", V1_1).Reason);
        Assert.Contains("do not have the same members", Check("Person", "Pet", V1_2).Reason);
    }

    // Map -> Array[Pair]: draft-2 and 1.0 state it in `flatten`; 1.1+ list it as a deprecated exception.
    [Theory]
    [InlineData(Draft2, Verdict.Allowed)]
    [InlineData(V1_0, Verdict.Allowed)]
    [InlineData(V1_1, Verdict.AllowedWithWarning)]
    [InlineData(V1_2, Verdict.AllowedWithWarning)]
    public void Map_to_pair_array(WdlVersion version, Verdict expected)
    {
        var result = Check("Map[String, Int]", "Array[Pair[String, Float]]", version);
        Assert.Equal(expected, result.Verdict);
        if (expected == Verdict.AllowedWithWarning)
            Assert.Equal(LenientRule.MapToPairArray, result.Rule);
    }

    [Theory]
    [InlineData(Draft2, Verdict.AllowedWithWarning)]
    [InlineData(V1_0, Verdict.Allowed)]
    [InlineData(V1_1, Verdict.Allowed)]
    [InlineData(V1_2, Verdict.Allowed)]
    public void Map_to_object(WdlVersion version, Verdict expected)
        => Assert.Equal(expected, Check("Map[String, Int]", "Object", version).Verdict);

    [Theory]
    [InlineData(V1_0, Verdict.AllowedWithWarning)]
    [InlineData(V1_1, Verdict.Allowed)]
    [InlineData(V1_2, Verdict.Allowed)]
    public void Object_to_map(WdlVersion version, Verdict expected)
        => Assert.Equal(expected, Check("Object", "Map[String, Int]", version).Verdict);

    [Theory]
    [InlineData("Person", "Object", V1_0, Verdict.AllowedWithWarning)]
    [InlineData("Person", "Object", V1_1, Verdict.Allowed)]
    [InlineData("Pet", "Map[String, String]", V1_0, Verdict.AllowedWithWarning)]
    [InlineData("Pet", "Map[String, String]", V1_1, Verdict.Allowed)]
    [InlineData("Person", "Map[String, String]", V1_2, Verdict.AllowedWithWarning)]
    [InlineData("Person", "Map[String, Array[Int]]", V1_2, Verdict.Forbidden)]
    public void Struct_to_map_or_object(string from, string to, WdlVersion version, Verdict expected)
        => Assert.Equal(expected, Check(from, to, version).Verdict);

    // 1.2 deprecates assigning anything but a struct literal to a struct.
    [Theory]
    [InlineData("Map[String, Int]", "Words", V1_0, Verdict.Allowed)]
    [InlineData("Map[String, Int]", "Words", V1_1, Verdict.Allowed)]
    [InlineData("Map[String, Int]", "Words", V1_2, Verdict.Deprecated)]
    [InlineData("Object", "Person", V1_1, Verdict.Allowed)]
    [InlineData("Object", "Person", V1_2, Verdict.Deprecated)]
    public void Map_or_object_to_struct(string from, string to, WdlVersion version, Verdict expected)
        => Assert.Equal(expected, Check(from, to, version).Verdict);

    // Struct-to-struct with different member types is new in 1.2; identical members (an import
    // alias) are fine everywhere.
    [Theory]
    [InlineData("Person", "FloatPerson", V1_0, Verdict.AllowedWithWarning)]
    [InlineData("Person", "FloatPerson", V1_1, Verdict.AllowedWithWarning)]
    [InlineData("Person", "FloatPerson", V1_2, Verdict.Allowed)]
    [InlineData("FloatPerson", "Person", V1_2, Verdict.AllowedWithWarning)]
    [InlineData("Person", "TextPerson", V1_2, Verdict.AllowedWithWarning)]
    [InlineData("Person", "Human", V1_0, Verdict.Allowed)]
    [InlineData("Array[Person]", "Array[FloatPerson]", V1_2, Verdict.Allowed)]
    public void Struct_to_struct(string from, string to, WdlVersion version, Verdict expected)
    {
        var result = Check(from, to, version);
        Assert.Equal(expected, result.Verdict);
        if (from == "Person" && to == "FloatPerson" && version < V1_2)
            Assert.Equal(LenientRule.StructToStruct, result.Rule);
    }

    [Fact]
    public void Worst_part_decides_a_compound_coercion()
    {
        // One part forbidden, one lenient: forbidden wins.
        Assert.Equal(Verdict.Forbidden, Check("Pair[Int?, Boolean]", "Pair[Int, Int]", V1_1).Verdict);

        // Lenient inside optional: still lenient.
        Assert.Equal(Verdict.AllowedWithWarning, Check("Array[Int?]?", "Array[Int]?", V1_1).Verdict);
    }

    [Fact]
    public void IsCoercible_excludes_lenient_rules()
    {
        Assert.True(TypeCoercion.IsCoercible(WdlType.Int, WdlType.Float, V1_1));
        Assert.False(TypeCoercion.IsCoercible(WdlType.Int.Optional, WdlType.Int, V1_1));
        Assert.False(TypeCoercion.IsCoercible(WdlType.Int, WdlType.Boolean, V1_1));
    }
}
