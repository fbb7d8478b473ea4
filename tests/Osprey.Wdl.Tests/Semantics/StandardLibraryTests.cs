using Osprey.Wdl.Semantics;
using Osprey.Wdl.Semantics.StdLib;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Tests.Semantics;

public class StandardLibraryTests
{
    private static FunctionResolution Resolve(string name, WdlVersion version, string arguments)
        => StandardLibrary.Resolve(name, CommonTypeTests.SplitTopLevel(arguments).Select(TypeText.Parse).ToList(), version);

    private static ResolvedFunction AssertResolves(string name, WdlVersion version, string arguments, string expected)
    {
        var resolution = Resolve(name, version, arguments);
        var resolved = Assert.IsType<ResolvedFunction>(resolution);
        Assert.Equal(TypeText.Parse(expected), resolved.ResultType);
        return resolved;
    }

    // At least one successful call per function, in the first version that has it.
    [Theory]
    // Numeric
    [InlineData("floor", Draft2, "Float", "Int")]
    [InlineData("ceil", V1_0, "Float", "Int")]
    [InlineData("round", V1_2, "Int", "Int")]
    [InlineData("min", V1_1, "Int, Int", "Int")]
    [InlineData("min", V1_1, "Int, Float", "Float")]
    [InlineData("min", V1_1, "Float, Int", "Float")]
    [InlineData("max", V1_1, "Float, Float", "Float")]
    [InlineData("max", V1_2, "Int, Int", "Int")]
    // String
    [InlineData("sub", Draft2, "String, String, String", "String")]
    [InlineData("sub", V1_1, "File, String, String", "String")]
    [InlineData("find", V1_2, "String, String", "String?")]
    [InlineData("matches", V1_2, "String, String", "Boolean")]
    // File
    [InlineData("basename", Draft2, "String", "String")]
    [InlineData("basename", V1_0, "File, String", "String")]
    [InlineData("basename", V1_2, "Directory", "String")]
    [InlineData("join_paths", V1_2, "File, String", "File")]
    [InlineData("join_paths", V1_2, "String, Array[String]+", "File")]
    [InlineData("join_paths", V1_2, "Array[String]+", "File")]
    [InlineData("glob", Draft2, "String", "Array[File]")]
    [InlineData("size", Draft2, "File", "Float")]
    [InlineData("size", V1_0, "File?, String", "Float")]
    [InlineData("size", V1_0, "Array[File]", "Float")]
    [InlineData("size", V1_1, "Array[File?], String", "Float")]
    [InlineData("size", V1_2, "Directory?", "Float")]
    [InlineData("size", V1_2, "Map[String, File]", "Float")]
    [InlineData("size", V1_2, "Sample?", "Float")]
    [InlineData("stdout", Draft2, "", "File")]
    [InlineData("stderr", V1_1, "", "File")]
    [InlineData("read_string", Draft2, "String", "String")]
    [InlineData("read_int", V1_0, "File", "Int")]
    [InlineData("read_float", V1_1, "File", "Float")]
    [InlineData("read_boolean", V1_2, "File", "Boolean")]
    [InlineData("read_lines", Draft2, "File", "Array[String]")]
    [InlineData("read_tsv", Draft2, "File", "Array[Array[String]]")]
    [InlineData("read_tsv", V1_2, "File, Boolean", "Array[Object]")]
    [InlineData("read_tsv", V1_2, "File, Boolean, Array[String]", "Array[Object]")]
    [InlineData("read_map", V1_0, "File", "Map[String, String]")]
    [InlineData("read_json", V1_0, "File", "Any")]
    [InlineData("read_object", Draft2, "File", "Object")]
    [InlineData("read_objects", V1_1, "File", "Array[Object]")]
    [InlineData("write_lines", Draft2, "Array[String]", "File")]
    [InlineData("write_tsv", Draft2, "Array[Array[String]]", "File")]
    [InlineData("write_tsv", V1_2, "Array[Array[String]], Boolean, Array[String]", "File")]
    [InlineData("write_tsv", V1_2, "Array[Person]", "File")]
    [InlineData("write_tsv", V1_2, "Array[Person], Boolean, Array[String]", "File")]
    [InlineData("write_map", V1_0, "Map[String, String]", "File")]
    [InlineData("write_json", V1_0, "Map[String, Array[Int]]", "File")]
    [InlineData("write_object", Draft2, "Object", "File")]
    [InlineData("write_object", V1_1, "Person", "File")]
    [InlineData("write_objects", V1_0, "Array[Object]", "File")]
    [InlineData("write_objects", V1_1, "Array[Person]", "File")]
    // String arrays
    [InlineData("prefix", Draft2, "String, Array[Int]", "Array[String]")]
    [InlineData("suffix", V1_1, "String, Array[File]", "Array[String]")]
    [InlineData("quote", V1_1, "Array[String]", "Array[String]")]
    [InlineData("squote", V1_1, "Array[Float]", "Array[String]")]
    [InlineData("sep", V1_1, "String, Array[Int]", "String")]
    // Arrays
    [InlineData("length", Draft2, "Array[Int]", "Int")]
    [InlineData("length", V1_2, "Map[String, Int]", "Int")]
    [InlineData("length", V1_2, "Object", "Int")]
    [InlineData("length", V1_2, "String", "Int")]
    [InlineData("range", Draft2, "Int", "Array[Int]")]
    [InlineData("transpose", V1_0, "Array[Array[File]]", "Array[Array[File]]")]
    [InlineData("cross", Draft2, "Array[Int], Array[String]", "Array[Pair[Int, String]]")]
    [InlineData("zip", V1_0, "Array[Int]+, Array[String?]", "Array[Pair[Int, String?]]")]
    [InlineData("unzip", V1_1, "Array[Pair[Int, String]]", "Pair[Array[Int], Array[String]]")]
    [InlineData("contains", V1_2, "Array[String], String", "Boolean")]
    [InlineData("contains", V1_2, "Array[Int?], None", "Boolean")]
    [InlineData("chunk", V1_2, "Array[File], Int", "Array[Array[File]]")]
    [InlineData("flatten", Draft2, "Array[Array[Pair[Int, String]]]", "Array[Pair[Int, String]]")]
    [InlineData("select_first", Draft2, "Array[Int?]", "Int")]
    [InlineData("select_first", V1_1, "Array[File?]+", "File")]
    [InlineData("select_first", V1_1, "Array[Int]", "Int")]
    [InlineData("select_first", V1_2, "Array[Int?], Int", "Int")]
    [InlineData("select_all", V1_0, "Array[String?]", "Array[String]")]
    // Maps
    [InlineData("as_pairs", V1_1, "Map[String, Int]", "Array[Pair[String, Int]]")]
    [InlineData("as_map", V1_1, "Array[Pair[String, File]]", "Map[String, File]")]
    [InlineData("keys", V1_1, "Map[Int, String]", "Array[Int]")]
    [InlineData("keys", V1_2, "Person", "Array[String]")]
    [InlineData("keys", V1_2, "Object", "Array[String]")]
    [InlineData("contains_key", V1_2, "Map[String, Int], String", "Boolean")]
    [InlineData("contains_key", V1_2, "Map[String?, Int], None", "Boolean")]
    [InlineData("contains_key", V1_2, "Object, String", "Boolean")]
    [InlineData("contains_key", V1_2, "Map[String, Map[String, Int]], Array[String]", "Boolean")]
    [InlineData("contains_key", V1_2, "Person, Array[String]", "Boolean")]
    [InlineData("contains_key", V1_2, "Object, Array[String]", "Boolean")]
    [InlineData("values", V1_2, "Map[String, Array[Int]]", "Array[Array[Int]]")]
    [InlineData("collect_by_key", V1_1, "Array[Pair[String, Int]]", "Map[String, Array[Int]]")]
    // Other
    [InlineData("defined", Draft2, "Int?", "Boolean")]
    [InlineData("defined", V1_1, "None", "Boolean")]
    [InlineData("defined", V1_1, "Array[File]", "Boolean")]
    public void Resolves(string name, WdlVersion version, string arguments, string expected)
        => AssertResolves(name, version, arguments, expected);

    [Fact]
    public void Every_function_resolves_in_every_version_that_has_it()
    {
        // Each function's first overload with arguments of exactly its parameter types (type
        // parameters instantiated as Int, structs as Person, path containers as Array[File]).
        foreach (var version in TypeCoercionTests.AllVersions)
        {
            foreach (var function in StandardLibrary.FunctionsIn(version))
            {
                foreach (var overload in function.OverloadsIn(version))
                {
                    var arguments = overload.Parameters.Where(p => !p.IsOptional).Select(p => Instantiate(p.Type)).ToList();
                    var resolution = StandardLibrary.Resolve(function.Name, arguments, version);
                    Assert.True(resolution is ResolvedFunction, $"{overload.Signature} in {version}: {resolution}");
                }
            }
        }
    }

    private static WdlType Instantiate(TypePattern pattern) => pattern switch
    {
        ExactPattern e => e.Type,
        ParameterPattern p => p.Optional ? WdlType.Int.Optional : WdlType.Int,
        ArrayPattern a => WdlType.ArrayOf(Instantiate(a.Element), a.NonEmpty),
        MapPattern m => WdlType.MapOf(Instantiate(m.Key), Instantiate(m.Value)),
        PairPattern p => WdlType.PairOf(Instantiate(p.Left), Instantiate(p.Right)),
        AnyStructPattern => TypeText.Person,
        PathContainerPattern => WdlType.ArrayOf(WdlType.File),
        _ => throw new InvalidOperationException(pattern.GetType().Name),
    };

    [Fact]
    public void Exact_matches_beat_coercions()
    {
        Assert.Equal("min(Int, Int)", AssertResolves("min", V1_1, "Int, Int", "Int").Overload.Id);
        Assert.Equal("size(File?, [String])", AssertResolves("size", V1_0, "File?", "Float").Overload.Id);
        Assert.Equal("size(Array[File], [String])", AssertResolves("size", V1_0, "Array[File]", "Float").Overload.Id);
        Assert.Equal("size(Array[File?], [String])", AssertResolves("size", V1_2, "Array[File?]", "Float").Overload.Id);
        Assert.Equal("size(File, [String])", AssertResolves("size", V1_2, "String", "Float").Overload.Id);
        Assert.Equal("size(Directory, [String])", AssertResolves("size", V1_2, "Directory", "Float").Overload.Id);
        Assert.Equal("size(X, [String])", AssertResolves("size", V1_2, "Map[String, File]", "Float").Overload.Id);
        Assert.Equal("write_object(Struct)", AssertResolves("write_object", V1_1, "Person", "File").Overload.Id);
        Assert.Equal("contains(Array[P?], P?)", AssertResolves("contains", V1_2, "Array[Int?], Int", "Boolean").Overload.Id);
        Assert.Equal("contains(Array[P], P)", AssertResolves("contains", V1_2, "Array[Int], Int", "Boolean").Overload.Id);
        Assert.Equal("contains_key(Object, String)", AssertResolves("contains_key", V1_2, "Object, String", "Boolean").Overload.Id);
        Assert.Equal("basename(File, [String])", AssertResolves("basename", V1_2, "String", "String").Overload.Id);
    }

    [Fact]
    public void Type_parameters_take_the_common_type_of_their_arguments()
    {
        Assert.False(AssertResolves("select_first", V1_2, "Array[Int?], Float", "Float").HasWarnings);
        Assert.False(AssertResolves("contains", V1_2, "Array[Int], Float", "Boolean").HasWarnings);
        Assert.False(AssertResolves("zip", V1_1, "Array[Int], Array[Int?]", "Array[Pair[Int, Int?]]").HasWarnings);
        AssertResolves("select_first", V1_2, "Array[Any], Int", "Int");
    }

    [Fact]
    public void Coerced_arguments_are_reported()
    {
        var resolved = AssertResolves("min", V1_1, "Int, Float", "Float");
        Assert.All(resolved.ArgumentCoercions, c => Assert.Equal(Verdict.Allowed, c.Verdict));

        // Optional where required: resolves with a lenient warning on that argument.
        var lenient = AssertResolves("read_string", V1_1, "File?", "String");
        Assert.True(lenient.HasWarnings);
        Assert.Equal(LenientRule.OptionalToRequired, lenient.ArgumentCoercions[0].Rule);

        // An Array[String?] is not an Array[P] (the spec's sep example), but Cromwell tolerates it.
        var sep = AssertResolves("sep", V1_1, "String, Array[String?]", "String");
        Assert.Equal(LenientRule.OptionalToRequired, sep.ArgumentCoercions[1].Rule);

        // Array[Int] to write_lines' Array[String]: Cromwell converts the numbers.
        var lines = AssertResolves("write_lines", V1_0, "Array[Int]", "File");
        Assert.Equal(LenientRule.PrimitiveToString, lines.ArgumentCoercions[0].Rule);

        // Non-empty parameters are checked at run time.
        Assert.False(AssertResolves("select_first", V1_1, "Array[Int?]", "Int").HasWarnings);
    }

    [Fact]
    public void Unknown_function()
    {
        var resolution = Assert.IsType<UnknownFunction>(Resolve("frobnicate", V1_1, "Int"));
        Assert.Equal(ResolutionKind.UnknownFunction, resolution.Kind);
        Assert.Equal("frobnicate", resolution.Name);
    }

    [Theory]
    [InlineData("min", V1_0, "Int, Int", V1_1, "Int")]
    [InlineData("sep", V1_0, "String, Array[String]", V1_1, "String")]
    [InlineData("as_map", Draft2, "Array[Pair[String, Int]]", V1_1, "Map[String, Int]")]
    [InlineData("find", V1_1, "String, String", V1_2, "String?")]
    [InlineData("contains_key", V1_0, "Map[String, Int], String", V1_2, "Boolean")]
    // Overloads added later: the function exists but this variant does not.
    [InlineData("select_first", V1_1, "Array[Int?], Int", V1_2, "Int")]
    [InlineData("length", V1_1, "Map[String, Int]", V1_2, "Int")]
    [InlineData("keys", V1_1, "Person", V1_2, "Array[String]")]
    [InlineData("basename", V1_1, "Directory", V1_2, "String")]
    [InlineData("read_tsv", V1_1, "File, Boolean", V1_2, "Array[Object]")]
    [InlineData("size", Draft2, "Array[File]", V1_0, "Float")]
    public void Not_in_version(string name, WdlVersion version, string arguments, WdlVersion introduced, string resultThen)
    {
        var resolution = Assert.IsType<FunctionNotInVersion>(Resolve(name, version, arguments));
        Assert.Equal(ResolutionKind.NotInVersion, resolution.Kind);
        Assert.Equal(introduced, resolution.IntroducedIn);
        Assert.Equal(version, resolution.RequestedVersion);
        Assert.NotNull(resolution.AsOfIntroduction);
        Assert.Equal(TypeText.Parse(resultThen), resolution.AsOfIntroduction.ResultType);
    }

    [Theory]
    [InlineData("floor", V1_1, "", "1")]
    [InlineData("floor", V1_1, "Float, Float", "1")]
    [InlineData("stdout", V1_0, "Int", "0")]
    [InlineData("sub", V1_0, "String, String", "3")]
    [InlineData("basename", V1_1, "String, String, String", "1 or 2")]
    [InlineData("size", V1_1, "", "1 or 2")]
    [InlineData("read_tsv", V1_2, "File, Boolean, Array[String], Int", "1, 2 or 3")]
    [InlineData("select_first", V1_1, "", "1")]
    public void Wrong_argument_count(string name, WdlVersion version, string arguments, string expected)
    {
        var resolution = Assert.IsType<WrongArgumentCount>(Resolve(name, version, arguments));
        Assert.Equal(ResolutionKind.WrongArgumentCount, resolution.Kind);
        Assert.Equal(expected, resolution.ExpectedDisplay);
        Assert.Equal(CommonTypeTests.SplitTopLevel(arguments).Count(), resolution.ActualCount);
    }

    [Theory]
    [InlineData("floor", V1_1, "Boolean", 0, "Float", "Boolean")]
    [InlineData("sub", V1_0, "String, Array[String], String", 1, "String", "Array[String]")]
    [InlineData("range", V1_1, "Boolean", 0, "Int", "Boolean")]
    [InlineData("flatten", V1_1, "Array[Int]", 0, "Array[Array[X]]", "Array[Int]")]
    [InlineData("select_first", V1_1, "Int", 0, "Array[X?]+", "Int")]
    [InlineData("prefix", V1_1, "String, Array[Array[String]]", 1, "Array[P]", "Array[Array[String]]")]
    [InlineData("as_map", V1_1, "Map[String, Int]", 0, "Array[Pair[P, Y]]", "Map[String, Int]")]
    [InlineData("keys", V1_1, "Array[String]", 0, "Map[P, Y]", "Array[String]")]
    [InlineData("contains", V1_2, "Array[Int], Boolean", 1, "Int or Int?", "Boolean")]
    [InlineData("min", V1_1, "Int, Boolean", 1, "Int or Float", "Boolean")]
    [InlineData("write_map", V1_1, "Array[String]", 0, "Map[String, String]", "Array[String]")]
    [InlineData("defined", V1_1, "Error, Int", 0, "", "")]
    public void Wrong_argument_type(string name, WdlVersion version, string arguments, int index, string expected, string actual)
    {
        var resolution = Resolve(name, version, arguments);
        if (expected == "")
        {
            // Arity wins over types: defined takes one argument.
            Assert.IsType<WrongArgumentCount>(resolution);
            return;
        }

        var wrong = Assert.IsType<WrongArgumentType>(resolution);
        Assert.Equal(ResolutionKind.WrongArgumentType, wrong.Kind);
        Assert.Equal(index, wrong.Index);
        Assert.Equal(expected, wrong.Expected);
        Assert.Equal(TypeText.Parse(actual), wrong.Actual);
    }

    [Fact]
    public void Wrong_argument_type_explains_failed_coercions()
    {
        var wrong = Assert.IsType<WrongArgumentType>(Resolve("read_int", V1_1, "Array[File]"));
        Assert.Equal("File", wrong.Expected);
        Assert.Contains("cannot be coerced", wrong.Reason);
    }

    [Fact]
    public void Error_arguments_resolve_silently()
    {
        var resolved = Assert.IsType<ResolvedFunction>(Resolve("length", V1_1, "Error"));
        Assert.Equal(WdlType.Int, resolved.ResultType);
        Assert.Equal(WdlType.Error, Assert.IsType<ResolvedFunction>(Resolve("select_first", V1_1, "Error")).ResultType);
        Assert.Equal(WdlType.ArrayOf(WdlType.Any), Assert.IsType<ResolvedFunction>(Resolve("select_all", V1_1, "Array[Any]")).ResultType);
    }

    [Fact]
    public void Task_output_functions_are_flagged()
    {
        var restricted = StandardLibrary.All.Where(f => f.Restriction == FunctionRestriction.TaskOutputOnly).Select(f => f.Name).Order();
        Assert.Equal(["glob", "stderr", "stdout"], restricted);
        Assert.True(StandardLibrary.Find("write_lines")!.Effects.HasFlag(FunctionEffects.WritesFiles));
        Assert.True(StandardLibrary.Find("read_json")!.Effects.HasFlag(FunctionEffects.ReadsFiles));
        Assert.Equal(FunctionEffects.None, StandardLibrary.Find("basename")!.Effects);
    }

    [Fact]
    public void Overload_ids_are_unique_and_findable()
    {
        var overloads = StandardLibrary.All.SelectMany(f => f.Overloads).ToList();
        Assert.Equal(overloads.Count, overloads.Select(o => o.Id).Distinct().Count());
        foreach (var overload in overloads)
            Assert.Same(overload, StandardLibrary.FindOverload(overload.Id));
        Assert.Null(StandardLibrary.FindOverload("nope(Int)"));
        Assert.Equal("Float size(Array[File?], [String])", StandardLibrary.FindOverload("size(Array[File?], [String])")!.Signature);
        Assert.Equal("read_tsv(File, true)", StandardLibrary.Find("read_tsv")!.Overloads[1].Id);
    }

    [Fact]
    public void Functions_per_version()
    {
        string[] draft2 =
        [
            "basename", "ceil", "cross", "defined", "flatten", "floor", "glob", "length", "prefix", "range",
            "read_boolean", "read_float", "read_int", "read_json", "read_lines", "read_map", "read_object",
            "read_objects", "read_string", "read_tsv", "round", "select_all", "select_first", "size", "stderr",
            "stdout", "sub", "transpose", "write_json", "write_lines", "write_map", "write_object",
            "write_objects", "write_tsv", "zip",
        ];
        string[] added11 = ["as_map", "as_pairs", "collect_by_key", "keys", "max", "min", "quote", "sep", "squote", "suffix", "unzip"];
        string[] added12 = ["chunk", "contains", "contains_key", "find", "join_paths", "matches", "values"];

        Assert.Equal(draft2.Order(), Names(Draft2));
        Assert.Equal(draft2.Order(), Names(V1_0));
        Assert.Equal(draft2.Concat(added11).Order(), Names(V1_1));
        Assert.Equal(draft2.Concat(added11).Concat(added12).Order(), Names(V1_2));
        Assert.Equal(Names(V1_2), StandardLibrary.All.Select(f => f.Name));
    }

    private static IEnumerable<string> Names(WdlVersion version)
        => StandardLibrary.FunctionsIn(version).Select(f => f.Name);
}
