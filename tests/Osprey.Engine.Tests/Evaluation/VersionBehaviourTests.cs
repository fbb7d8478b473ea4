using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.Evaluation;

public class VersionBehaviourTests
{
    [Theory]
    [InlineData(WdlVersion.Draft2, "1.5 2.0 0.30000000000000004")]
    [InlineData(WdlVersion.V1_0, "1.5 2.0 0.30000000000000004")]
    [InlineData(WdlVersion.V1_1, "1.500000 2.000000 0.300000")]
    [InlineData(WdlVersion.V1_2, "1.500000 2.000000 0.300000")]
    public void Float_interpolation_per_version(WdlVersion version, string expected)
    {
        string placeholder = version < WdlVersion.V1_0 ? "$" : "~";
        var value = TestEval.Run($"\"{placeholder}{{1.5}} {placeholder}{{2.0}} {placeholder}{{0.1 + 0.2}}\"", version);
        Assert.Equal(WdlString.Of(expected), value);
    }

    [Fact]
    public void Draft2_expressions_evaluate()
    {
        var scope = TestEval.Scope(("prefix", WdlString.Of("foobar")), ("xs", WdlArray.Create(WdlType.Int, WdlInt.Of(1), WdlInt.Of(2))));
        Assert.Equal(WdlString.Of("foobar.out"), TestEval.Run("\"${prefix}.out\"", WdlVersion.Draft2, scope));
        Assert.Equal(WdlString.Of("1 2"), TestEval.Run("\"${sep=' ' xs}\"", WdlVersion.Draft2, scope));
        Assert.Equal(WdlInt.Of(2), TestEval.Run("length(xs)", WdlVersion.Draft2, scope));
    }

    [Fact]
    public void Struct_coercion_from_maps_ignores_extra_members_only_in_1_2()
    {
        var words = new StructType("Words", [new("a", WdlType.Int)], false);
        var (expr, _) = TestEval.Parse("{\"a\": 1, \"zzz\": 2}");
        var v11 = new Osprey.Engine.Evaluation.ExpressionEvaluator(new Osprey.Engine.Evaluation.LocalFunctionContext(WdlVersion.V1_1, Path.GetTempPath()));
        var v12 = new Osprey.Engine.Evaluation.ExpressionEvaluator(new Osprey.Engine.Evaluation.LocalFunctionContext(WdlVersion.V1_2, Path.GetTempPath()));
        var scope = new Osprey.Engine.Evaluation.DictionaryScope();
        Assert.Equal("struct Words has no member 'zzz'", Assert.Throws<Osprey.Engine.Evaluation.EvaluationException>(() => v11.Evaluate(expr, words, scope)).Message);
        Assert.Equal("Words { a: 1 }", v12.Evaluate(expr, words, scope).ToString());
    }
}
