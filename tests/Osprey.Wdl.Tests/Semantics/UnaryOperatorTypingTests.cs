using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Syntax.UnaryOperator;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Tests.Semantics;

public class UnaryOperatorTypingTests
{
    private static OperatorResult Type(UnaryOperator op, string operand, WdlVersion version)
        => UnaryOperatorTyping.ResultType(op, TypeText.Parse(operand), version);

    [Theory]
    [InlineData(Not, "Boolean", "Boolean")]
    [InlineData(Negate, "Int", "Int")]
    [InlineData(Negate, "Float", "Float")]
    public void Valid_in_every_version(UnaryOperator op, string operand, string expected)
    {
        foreach (var version in TypeCoercionTests.AllVersions)
            Assert.Equal(OperatorResult.Ok(TypeText.Parse(expected)), Type(op, operand, version));
    }

    [Theory]
    [InlineData(Not, "Int")]
    [InlineData(Not, "String")]
    [InlineData(Negate, "Boolean")]
    [InlineData(Negate, "String")]
    [InlineData(Plus, "String")]
    [InlineData(Negate, "Array[Int]")]
    [InlineData(Not, "None")]
    public void Invalid(UnaryOperator op, string operand)
    {
        foreach (var version in TypeCoercionTests.AllVersions)
        {
            var result = Type(op, operand, version);
            Assert.Null(result.Type);
            Assert.False(string.IsNullOrEmpty(result.Reason));
        }
    }

    // Unary plus is in the draft-2/1.0 tables only.
    [Fact]
    public void Unary_plus()
    {
        Assert.Equal(OperatorResult.Ok(WdlType.Int), Type(Plus, "Int", Draft2));
        Assert.Equal(OperatorResult.Ok(WdlType.Float), Type(Plus, "Float", V1_0));
        var modern = Type(Plus, "Int", V1_1);
        Assert.Equal(WdlType.Int, modern.Type);
        Assert.Equal(LenientRule.UnaryPlus, modern.Rule);
    }

    [Fact]
    public void Optional_operand_is_lenient()
    {
        var result = Type(Negate, "Int?", V1_1);
        Assert.Equal(WdlType.Int, result.Type);
        Assert.Equal(LenientRule.OptionalToRequired, result.Rule);
        Assert.Equal(LenientRule.OptionalToRequired, Type(Not, "Boolean?", V1_0).Rule);
    }

    [Fact]
    public void Error_and_unknown_operands_are_silent()
    {
        Assert.Equal(OperatorResult.Ok(WdlType.Error), Type(Negate, "Error", V1_1));
        Assert.Equal(OperatorResult.Ok(WdlType.Boolean), Type(Not, "Any", V1_1));
    }
}
