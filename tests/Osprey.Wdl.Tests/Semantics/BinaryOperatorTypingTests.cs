using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Syntax.BinaryOperator;
using static Osprey.Wdl.Syntax.WdlVersion;

namespace Osprey.Wdl.Tests.Semantics;

public class BinaryOperatorTypingTests
{
    private static OperatorResult Type(BinaryOperator op, string left, string right, WdlVersion version, bool inPlaceholder = false)
        => BinaryOperatorTyping.ResultType(op, TypeText.Parse(left), TypeText.Parse(right), version, inPlaceholder);

    // Rows present and undeprecated in every version's table.
    [Theory]
    [InlineData(Add, "Int", "Int", "Int")]
    [InlineData(Subtract, "Int", "Int", "Int")]
    [InlineData(Multiply, "Int", "Int", "Int")]
    [InlineData(Divide, "Int", "Int", "Int")]
    [InlineData(Remainder, "Int", "Int", "Int")]
    [InlineData(Add, "Int", "Float", "Float")]
    [InlineData(Subtract, "Float", "Int", "Float")]
    [InlineData(Multiply, "Float", "Float", "Float")]
    [InlineData(Divide, "Int", "Float", "Float")]
    [InlineData(Remainder, "Float", "Int", "Float")]
    [InlineData(Remainder, "Int", "Float", "Float")]
    [InlineData(Add, "String", "String", "String")]
    [InlineData(Equal, "Int", "Int", "Boolean")]
    [InlineData(NotEqual, "Int", "Float", "Boolean")]
    [InlineData(Equal, "String", "String", "Boolean")]
    [InlineData(Equal, "File", "File", "Boolean")]
    [InlineData(Equal, "File", "String", "Boolean")]
    [InlineData(NotEqual, "Boolean", "Boolean", "Boolean")]
    [InlineData(Less, "Int", "Float", "Boolean")]
    [InlineData(GreaterOrEqual, "Float", "Float", "Boolean")]
    [InlineData(LessOrEqual, "String", "String", "Boolean")]
    [InlineData(And, "Boolean", "Boolean", "Boolean")]
    [InlineData(Or, "Boolean", "Boolean", "Boolean")]
    public void Valid_in_every_version(BinaryOperator op, string left, string right, string expected)
    {
        foreach (var version in TypeCoercionTests.AllVersions)
        {
            var result = Type(op, left, right, version);
            Assert.Equal(Verdict.Allowed, result.Verdict);
            Assert.Equal(TypeText.Parse(expected), result.Type);
        }
    }

    // Valid in draft-2/1.0, deprecated (🗑) in 1.1 and 1.2.
    [Theory]
    [InlineData(Add, "String", "Int", "String")]
    [InlineData(Add, "Float", "String", "String")]
    [InlineData(Add, "Int", "String", "String")]
    [InlineData(Add, "File", "String", "File")]
    [InlineData(Add, "File", "File", "File")]
    [InlineData(Greater, "Boolean", "Boolean", "Boolean")]
    [InlineData(Less, "Boolean", "Boolean", "Boolean")]
    public void Deprecated_from_1_1(BinaryOperator op, string left, string right, string expected)
    {
        foreach (var version in TypeCoercionTests.AllVersions)
        {
            var result = Type(op, left, right, version);
            Assert.Equal(version >= V1_1 ? Verdict.Deprecated : Verdict.Allowed, result.Verdict);
            Assert.Equal(TypeText.Parse(expected), result.Type);
        }
    }

    [Theory]
    [InlineData(Add, "Boolean", "Int")]
    [InlineData(Add, "Boolean", "Boolean")]
    [InlineData(Subtract, "String", "String")]
    [InlineData(Multiply, "String", "Int")]
    [InlineData(Divide, "File", "Int")]
    [InlineData(And, "Boolean", "Int")]
    [InlineData(Or, "String", "Boolean")]
    [InlineData(Less, "File", "File")]
    [InlineData(Less, "Int", "String")]
    [InlineData(Add, "Array[Int]", "Array[Int]")]
    [InlineData(Add, "String", "Array[String]")]
    [InlineData(Equal, "Array[Int]", "Int")]
    [InlineData(Equal, "Array[Int]", "Array[String]")]
    [InlineData(Equal, "Map[String, Int]", "Pair[String, Int]")]
    [InlineData(Less, "Array[Int]", "Array[Int]")]
    [InlineData(Add, "Int", "None")]
    [InlineData(Subtract, "None", "Int")]
    public void Invalid_in_every_version(BinaryOperator op, string left, string right)
    {
        foreach (var version in TypeCoercionTests.AllVersions)
        {
            var result = Type(op, left, right, version);
            Assert.Null(result.Type);
            Assert.Equal(Verdict.Forbidden, result.Verdict);
            Assert.False(string.IsNullOrEmpty(result.Reason));
        }
    }

    [Fact]
    public void Power_only_in_1_2()
    {
        Assert.Equal(WdlType.Int, Type(Power, "Int", "Int", V1_2).Type);
        Assert.Equal(WdlType.Float, Type(Power, "Int", "Float", V1_2).Type);
        Assert.Equal(WdlType.Float, Type(Power, "Float", "Float", V1_2).Type);
        Assert.Null(Type(Power, "String", "Int", V1_2).Type);
        foreach (var version in new[] { Draft2, V1_0, V1_1 })
        {
            var result = Type(Power, "Int", "Int", version);
            Assert.Null(result.Type);
            Assert.Contains("1.2", result.Reason);
        }
    }

    // String + File: File in 1.1+ (spec row); draft-2/1.0 only define File + String, Cromwell gives a String.
    [Fact]
    public void String_plus_file()
    {
        Assert.Equal(OperatorResult.Ok(WdlType.File), Type(Add, "String", "File", V1_1));
        var old = Type(Add, "String", "File", V1_0);
        Assert.Equal(WdlType.String, old.Type);
        Assert.Equal(LenientRule.StringPlusFile, old.Rule);
    }

    // 1.1+: equality of any primitives (compared as strings), e.g. the spec's `1 == true`.
    [Theory]
    [InlineData("Int", "Boolean")]
    [InlineData("Boolean", "String")]
    [InlineData("Float", "File")]
    public void Mixed_primitive_equality(string left, string right)
    {
        Assert.Equal(OperatorResult.Ok(WdlType.Boolean), Type(Equal, left, right, V1_1));
        Assert.Equal(OperatorResult.Ok(WdlType.Boolean), Type(NotEqual, left, right, V1_2));
        Assert.Null(Type(Equal, left, right, V1_0).Type);
    }

    [Theory]
    [InlineData("Array[Int]", "Array[Int]")]
    [InlineData("Array[Int]", "Array[Float]")]
    [InlineData("Map[String, Int]", "Map[String, Int]")]
    [InlineData("Pair[Int, String]", "Pair[Int, String]")]
    [InlineData("Person", "Person")]
    [InlineData("Person", "Human")]
    [InlineData("Object", "Object")]
    public void Compound_equality(string left, string right)
    {
        Assert.Equal(OperatorResult.Ok(WdlType.Boolean), Type(Equal, left, right, V1_1));
        Assert.Equal(OperatorResult.Ok(WdlType.Boolean), Type(NotEqual, left, right, V1_2));
        var old = Type(Equal, left, right, V1_0);
        Assert.Equal(Verdict.AllowedWithWarning, old.Verdict);
        Assert.Equal(LenientRule.CompoundEquality, old.Rule);
    }

    // 1.1+: either operand of == and != may be optional, and may be None.
    [Theory]
    [InlineData("Int?", "Int")]
    [InlineData("Int", "Int?")]
    [InlineData("String?", "String?")]
    [InlineData("Int?", "None")]
    [InlineData("None", "Array[Int]")]
    [InlineData("None", "None")]
    public void Optional_equality(string left, string right)
    {
        Assert.Equal(OperatorResult.Ok(WdlType.Boolean), Type(Equal, left, right, V1_1));
        Assert.Equal(OperatorResult.Ok(WdlType.Boolean), Type(NotEqual, left, right, V1_2));
    }

    [Fact]
    public void Optional_equality_before_1_1_is_lenient()
    {
        var result = Type(Equal, "Int?", "Int", V1_0);
        Assert.Equal(Verdict.AllowedWithWarning, result.Verdict);
        Assert.Equal(LenientRule.OptionalToRequired, result.Rule);
        Assert.Null(Type(Equal, "Int?", "None", V1_0).Type);
    }

    // Inside placeholders `+` concatenates optional strings into a String? (1.1+ rule; the
    // draft-2/1.0 idiom `${"--val=" + val}`).
    [Theory]
    [InlineData("String", "String?", "String?")]
    [InlineData("String?", "String", "String?")]
    [InlineData("String", "Int?", "String?")]
    [InlineData("String", "File?", "File?")]
    [InlineData("String", "None", "String?")]
    public void Optional_concatenation_in_placeholders(string left, string right, string expected)
    {
        foreach (var version in TypeCoercionTests.AllVersions)
        {
            var result = Type(Add, left, right, version, inPlaceholder: true);
            Assert.True(result.IsValid, $"{left} + {right} in {version}: {result}");
            if (version >= V1_1 || !(left + right).Contains("File"))
                Assert.Equal(TypeText.Parse(expected).Required, result.Type!.Required);
            Assert.True(result.Type!.IsOptional);
        }
    }

    [Fact]
    public void Optional_operands_outside_placeholders_are_lenient()
    {
        var concat = Type(Add, "String", "String?", V1_1);
        Assert.Equal(WdlType.String, concat.Type);
        Assert.Equal(Verdict.AllowedWithWarning, concat.Verdict);
        Assert.Equal(LenientRule.OptionalToRequired, concat.Rule);

        var sum = Type(Add, "Int?", "Int", V1_0);
        Assert.Equal(WdlType.Int, sum.Type);
        Assert.Equal(LenientRule.OptionalToRequired, sum.Rule);

        // Numeric + stays lenient even in a placeholder: only concatenation gains optional operands.
        Assert.Equal(Verdict.AllowedWithWarning, Type(Add, "Int?", "Int", V1_1, inPlaceholder: true).Verdict);

        Assert.Equal(LenientRule.OptionalToRequired, Type(And, "Boolean?", "Boolean", V1_2).Rule);
        Assert.Equal(LenientRule.OptionalToRequired, Type(Less, "Float", "Int?", V1_2).Rule);
        Assert.Null(Type(Less, "None", "Int", V1_2).Type);
    }

    // 1.1+ order of precedence: in interpolation, (String, Y) converts Y to String.
    [Fact]
    public void String_plus_any_primitive_in_placeholders()
    {
        Assert.Equal(WdlType.String, Type(Add, "String", "Boolean", V1_1, inPlaceholder: true).Type);
        Assert.Equal(WdlType.String, Type(Add, "Boolean", "String", V1_2, inPlaceholder: true).Type);
        Assert.Null(Type(Add, "String", "Boolean", V1_1).Type);
        Assert.Null(Type(Add, "String", "Boolean", V1_0, inPlaceholder: true).Type);
    }

    [Theory]
    [InlineData(Add, "Error", "Int", "Error")]
    [InlineData(Equal, "Error", "Int", "Boolean")]
    [InlineData(And, "Boolean", "Error", "Boolean")]
    [InlineData(Add, "Any", "Int", "Any")]
    [InlineData(Less, "Any", "Int", "Boolean")]
    public void Error_and_unknown_operands_are_silent(BinaryOperator op, string left, string right, string expected)
        => Assert.Equal(OperatorResult.Ok(TypeText.Parse(expected)), Type(op, left, right, V1_1));
}
