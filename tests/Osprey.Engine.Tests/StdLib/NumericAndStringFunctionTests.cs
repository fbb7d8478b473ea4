using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.StdLib;

public class NumericAndStringFunctionTests
{
    [Theory]
    [InlineData("floor(2.0)", "2")]
    [InlineData("floor(1.9)", "1")]
    [InlineData("floor(-1.1)", "-2")]
    [InlineData("floor(3)", "3")]
    [InlineData("ceil(2.0)", "2")]
    [InlineData("ceil(2.1)", "3")]
    [InlineData("ceil(-1.9)", "-1")]
    [InlineData("round(2.49)", "2")]
    [InlineData("round(2.50)", "3")]
    [InlineData("round(-2.5)", "-2")]
    [InlineData("round(-2.51)", "-3")]
    [InlineData("min(1, 2)", "1")]
    [InlineData("min(1, 2.0)", "1.0")]
    [InlineData("min(3.5, 2)", "2.0")]
    [InlineData("max(1, 2)", "2")]
    [InlineData("max(1, 2.0)", "2.0")]
    [InlineData("max(-1.5, -2.5)", "-1.5")]
    public void Numeric(string expression, string expected) => Assert.Equal(expected, TestEval.Json(expression));

    [Fact]
    public void Spec_examples_for_floor_ceil_round()
    {
        var scope = TestEval.Scope(("i1", WdlInt.Of(2)));
        Assert.Equal("[true,true]", TestEval.Json("[floor(i1 - 0.1) == i1 - 1, floor(i1 + 0.0) == i1]", scope: scope));
        Assert.Equal("[true,true]", TestEval.Json("[ceil(i1 + 0.1) == i1 + 1, ceil(i1 + 0.0) == i1]", scope: scope));
        Assert.Equal("[true,true]", TestEval.Json("[round(i1 + 0.49) == i1, round(i1 + 0.50) == i1 + 1]", scope: scope));
    }

    [Fact]
    public void Out_of_range_conversion_fails()
    {
        Assert.Equal("floor(): 1E+300 is out of the range of Int", TestEval.Fail("floor(1e300)").Error.Message);
    }

    [Fact]
    public void Sub_examples_from_the_spec()
    {
        var scope = TestEval.Scope(("chocolike", WdlString.Of("I like chocolate when\nit's late")));
        string Sub(string pattern, string replacement) =>
            ((WdlString)TestEval.Run($"sub(chocolike, \"{pattern}\", \"{replacement}\")", scope: scope)).Value;
        Assert.Equal("I love chocolate when\nit's late", Sub("like", "love"));
        Assert.Equal("I like chocoearly when\nit's early", Sub("late", "early"));
        Assert.Equal("I like chocolate when\nit's early", Sub("late$", "early"));
        Assert.Equal("I like chocearly when\nit's late", Sub("[^ ]late", "early"));
        // The spec's expected text ("I 4444 chocolate 4444\nit's late") cannot be right: "when" is
        // followed by a newline, not by the space the pattern needs.
        Assert.Equal("I 4444 chocolate when\nit's late", Sub(" [:alpha:]{4} ", " 4444 "));
        Assert.Equal("I 4444 chocolate 4444 it's late", ((WdlString)TestEval.Run("sub(\"I like chocolate when it's late\", \" [:alpha:]{4} \", \" 4444 \")")).Value);
        Assert.Equal("I like chocolate when it's late", Sub("\\\\n", " "));
    }

    [Fact]
    public void Sub_with_files_groups_and_classes()
    {
        var scope = TestEval.Scope(("f", WdlFile.Of("my_input_file.bam")));
        Assert.Equal(WdlString.Of("my_input_file.index"), TestEval.Run("sub(f, \"\\\\.bam$\", \".index\")", scope: scope));
        Assert.Equal(WdlString.Of("b-a"), TestEval.Run("sub(\"a-b\", \"([a-z])-([a-z])\", \"\\\\2-\\\\1\")"));
        Assert.Equal(WdlString.Of("b-a"), TestEval.Run("sub(\"a-b\", \"([a-z])-([a-z])\", \"$2-$1\")"));
        Assert.Equal(WdlString.Of("x1y"), TestEval.Run("sub(\"x  y\", \"[[:space:]]+\", \"1\")"));
        Assert.Equal(WdlString.Of("cost: $USD"), TestEval.Run("sub(\"cost: N\", \"N\", \"$USD\")"));
        Assert.Equal(WdlString.Of("a]b"), TestEval.Run("sub(\"a-b\", \"[]-]\", \"]\")"));
    }

    [Fact]
    public void Find_and_matches()
    {
        Assert.Equal(WdlString.Of("\t"), TestEval.Run("find(\"hello\\tBob\", \"\\\\t\")", WdlVersion.V1_2));
        Assert.Equal(WdlString.Of("123"), TestEval.Run("find(\"abc123def\", \"[0-9]+\")", WdlVersion.V1_2));
        Assert.Same(WdlNone.Instance, TestEval.Run("find(\"abc\", \"[0-9]+\")", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.True, TestEval.Run("matches(\"abc123\", \"^a.+3$\")", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.True, TestEval.Run("matches(\"hello\\tBob\", \"\\\\t\")", WdlVersion.V1_2));
        Assert.Equal(WdlBoolean.False, TestEval.Run("matches(\"abc123\\n\", \"3$\")", WdlVersion.V1_2));
        Assert.StartsWith("find(): invalid regular expression", TestEval.Fail("find(\"a\", \"(\")", WdlVersion.V1_2).Error.Message);
    }

    [Fact]
    public void Pathological_patterns_do_not_hang()
    {
        string input = new string('a', 5000) + "!";
        var scope = TestEval.Scope(("s", WdlString.Of(input)));
        Assert.Equal(WdlBoolean.False, TestEval.Run("matches(s, \"^(a+)+$\")", WdlVersion.V1_2, scope));
    }

    [Fact]
    public void String_array_functions()
    {
        var scope = TestEval.Scope(
            ("env1", WdlArray.Create(Osprey.Wdl.Semantics.WdlType.String, WdlString.Of("key1=value1"), WdlString.Of("key2=value2"), WdlString.Of("key3=value3"))),
            ("env2", WdlArray.Create(Osprey.Wdl.Semantics.WdlType.Int, WdlInt.Of(1), WdlInt.Of(2), WdlInt.Of(3))));
        Assert.Equal("[\"-e key1=value1\",\"-e key2=value2\",\"-e key3=value3\"]", TestEval.Json("prefix(\"-e \", env1)", scope: scope));
        Assert.Equal("[\"-f 1\",\"-f 2\",\"-f 3\"]", TestEval.Json("prefix(\"-f \", env2)", scope: scope));
        Assert.Equal("[\"key1=value1.txt\",\"key2=value2.txt\",\"key3=value3.txt\"]", TestEval.Json("suffix(\".txt\", env1)", scope: scope));
        Assert.Equal("[\"1.0\",\"2.0\",\"3.0\"]", TestEval.Json("suffix(\".0\", env2)", scope: scope));
        Assert.Equal("[\"\\\"key1=value1\\\"\",\"\\\"key2=value2\\\"\",\"\\\"key3=value3\\\"\"]", TestEval.Json("quote(env1)", scope: scope));
        Assert.Equal("[\"\\\"1\\\"\",\"\\\"2\\\"\",\"\\\"3\\\"\"]", TestEval.Json("quote(env2)", scope: scope));
        Assert.Equal("[\"'key1=value1'\",\"'key2=value2'\",\"'key3=value3'\"]", TestEval.Json("squote(env1)", scope: scope));
        Assert.Equal("[\"'1'\",\"'2'\",\"'3'\"]", TestEval.Json("squote(env2)", scope: scope));
        Assert.Equal("[\"1.500000\"]", TestEval.Json("prefix(\"\", [1.5])"));
    }

    [Fact]
    public void Sep_examples_from_the_spec()
    {
        var scope = TestEval.Scope(("a", WdlArray.Create(Osprey.Wdl.Semantics.WdlType.String, WdlString.Of("file_1"), WdlString.Of("file_2"))));
        Assert.Equal("[true,true,true,true]", TestEval.Json(
            "[sep(' ', prefix('-i ', a)) == \"-i file_1 -i file_2\", sep(\"\", [\"a\", \"b\", \"c\"]) == \"abc\", sep(' ', [\"a\", \"b\", \"c\"]) == \"a b c\", sep(',', [1]) == \"1\"]",
            scope: scope));
        Assert.Equal(WdlString.Of(""), TestEval.Run("sep(',', [])"));
    }

    [Fact]
    public void Prefix_rejects_compound_elements()
    {
        Assert.Equal("prefix(): argument 2: element 0 must be a primitive value, got a value of type Array[String]",
            TestEval.Fail("prefix(\"-x \", [[\"a\", \"b\"], [\"c\", \"d\"]])").Error.Message);
    }
}
