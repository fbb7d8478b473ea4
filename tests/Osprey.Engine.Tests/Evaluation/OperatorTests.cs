using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.Evaluation;

public class OperatorTests
{
    [Theory]
    [InlineData("!true", "false")]
    [InlineData("!false", "true")]
    [InlineData("-5", "-5")]
    [InlineData("-(2.5)", "-2.5")]
    [InlineData("-(-3)", "3")]
    public void Unary(string expression, string expected) => Assert.Equal(expected, TestEval.Json(expression));

    [Theory]
    // Int arithmetic
    [InlineData("1 + 2", "3")]
    [InlineData("5 - 7", "-2")]
    [InlineData("6 * 7", "42")]
    [InlineData("7 / 2", "3")]
    [InlineData("-7 / 2", "-3")]
    [InlineData("7 % 3", "1")]
    [InlineData("-7 % 3", "-1")]
    // Int/Float mixes give Float
    [InlineData("1 + 2.2", "3.2")]
    [InlineData("2.5 * 2", "5.0")]
    [InlineData("7 / 2.0", "3.5")]
    [InlineData("7.5 % 2", "1.5")]
    [InlineData("1.5 - 1", "0.5")]
    [InlineData("3 + .14", "3.14")]
    // precedence
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    public void Arithmetic(string expression, string expected) => Assert.Equal(expected, TestEval.Json(expression));

    [Theory]
    [InlineData("2 ** 10", "1024")]
    [InlineData("2 ** 0", "1")]
    [InlineData("2.0 ** 3", "8.0")]
    [InlineData("4 ** 0.5", "2.0")]
    [InlineData("2 * 3 ** 2", "18")]
    public void Power_in_1_2(string expression, string expected) => Assert.Equal(expected, TestEval.Json(expression, WdlVersion.V1_2));

    [Theory]
    [InlineData("1 == 1", "true")]
    [InlineData("1 == 1.0", "true")]
    [InlineData("1 != 2", "true")]
    [InlineData("true == \"true\"", "true")]
    [InlineData("1 == true", "false")]
    [InlineData("\"a\" == \"a\"", "true")]
    [InlineData("[1, 2, 3] == [1, 2, 3]", "true")]
    [InlineData("[1, 2, 3] == [2, 1, 3]", "false")]
    [InlineData("{\"a\": 1, \"b\": 2} == {\"a\": 1, \"b\": 2}", "true")]
    [InlineData("{\"a\": 1, \"b\": 2} == {\"b\": 2, \"a\": 1}", "false")]
    [InlineData("(1, \"a\") == (1, \"a\")", "true")]
    [InlineData("(1, \"a\") != (1, \"b\")", "true")]
    [InlineData("[1, 2] == [1.0, 2.0]", "true")]
    [InlineData("object { a: 1 } == object { a: 1 }", "true")]
    [InlineData("None == None", "true")]
    [InlineData("1 == None", "false")]
    public void Equality(string expression, string expected) => Assert.Equal(expected, TestEval.Json(expression));

    [Theory]
    [InlineData("1 < 2", "true")]
    [InlineData("2 <= 2", "true")]
    [InlineData("3 > 2.5", "true")]
    [InlineData("2.5 >= 3", "false")]
    [InlineData("\"abc\" < \"abd\"", "true")]
    [InlineData("\"b\" > \"a\"", "true")]
    [InlineData("\"B\" < \"a\"", "true")]
    [InlineData("true > false", "true")]
    [InlineData("false >= true", "false")]
    public void Ordering(string expression, string expected) => Assert.Equal(expected, TestEval.Json(expression));

    [Theory]
    [InlineData("true && false", "false")]
    [InlineData("true || false", "true")]
    [InlineData("false || false", "false")]
    [InlineData("true && true", "true")]
    [InlineData("!true || true", "true")]
    public void Logic(string expression, string expected) => Assert.Equal(expected, TestEval.Json(expression));

    [Fact]
    public void Logical_operators_short_circuit()
    {
        // The right side would fail (division by zero) if it were evaluated.
        Assert.Equal("false", TestEval.Json("false && (1 / 0 == 1)"));
        Assert.Equal("true", TestEval.Json("true || (1 / 0 == 1)"));
        Assert.Equal("division by zero", TestEval.Fail("true && (1 / 0 == 1)").Error.Message);
    }

    [Theory]
    [InlineData("\"a\" + \"b\"", "\"ab\"")]
    [InlineData("\"n\" + 1", "\"n1\"")]
    [InlineData("1 + \"n\"", "\"1n\"")]
    [InlineData("\"x\" + true", "\"xtrue\"")]
    [InlineData("\"f=\" + 1.5", "\"f=1.500000\"")]
    public void String_concatenation(string expression, string expected) => Assert.Equal(expected, TestEval.Json(expression));

    [Fact]
    public void Concatenation_with_a_file_gives_a_file()
    {
        var scope = TestEval.Scope(("bam", WdlFile.Of("/data/x.bam")));
        var value = TestEval.Run("bam + \".bai\"", scope: scope);
        Assert.Equal(WdlFile.Of("/data/x.bam.bai"), value);
        Assert.Equal(WdlFile.Of("/dir/x"), TestEval.Run("\"/dir/\" + f", scope: TestEval.Scope(("f", WdlFile.Of("x")))));
    }

    [Fact]
    public void Float_concatenation_before_1_1_uses_the_shortest_text()
    {
        Assert.Equal("\"f=1.5\"", TestEval.Json("\"f=\" + 1.5", WdlVersion.V1_0));
    }

    [Theory]
    [InlineData("1 / 0", "division by zero", "1 / 0")]
    [InlineData("1 % 0", "division by zero", "1 % 0")]
    [InlineData("1.0 / 0", "division by zero", "1.0 / 0")]
    [InlineData("9223372036854775807 + 1", "Int overflow: the result does not fit in a 64-bit integer", "9223372036854775807 + 1")]
    [InlineData("1 + true", "operator '+' cannot be applied to Int and Boolean", "1 + true")]
    [InlineData("!1", "operator '!' cannot be applied to Int", "!1")]
    [InlineData("[1] < [2]", "cannot compare Array[Int] with Array[Int]", "[1] < [2]")]
    [InlineData("1 && true", "'&&' needs Boolean operands, got 1", "1")]
    public void Errors_carry_the_failing_span(string expression, string message, string spanText)
    {
        var (error, text) = TestEval.Fail(expression);
        Assert.Equal(message, error.Message);
        Assert.Equal(spanText, text);
    }

    [Fact]
    public void Int_power_rejects_negative_exponents_and_overflow()
    {
        Assert.Equal("Int ** Int needs a non-negative exponent, got -1", TestEval.Fail("2 ** -1", WdlVersion.V1_2).Error.Message);
        Assert.StartsWith("Int overflow", TestEval.Fail("2 ** 64", WdlVersion.V1_2).Error.Message);
    }

    [Fact]
    public void Operators_on_none_fail_outside_placeholders()
    {
        var scope = TestEval.Scope(("x", WdlNone.Instance));
        var (error, _) = TestEval.Fail("x + 1", scope: scope);
        Assert.Equal("left operand of '+' is None", error.Message);
        Assert.True(error.InvolvesNone);
    }
}
