using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

public class ExpressionTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "(+ 1 (* 2 3))")]
    [InlineData("1 * 2 + 3", "(+ (* 1 2) 3)")]
    [InlineData("1 - 2 - 3", "(- (- 1 2) 3)")]
    [InlineData("8 / 4 % 3", "(% (/ 8 4) 3)")]
    [InlineData("a || b && c", "(|| a (&& b c))")]
    [InlineData("a && b || c", "(|| (&& a b) c)")]
    [InlineData("a == b && c != d", "(&& (== a b) (!= c d))")]
    [InlineData("a < b == c >= d", "(== (< a b) (>= c d))")]
    [InlineData("a <= b + 1", "(<= a (+ b 1))")]
    [InlineData("a > b", "(> a b)")]
    [InlineData("!a && b", "(&& (! a) b)")]
    [InlineData("-a * b", "(* (- a) b)")]
    [InlineData("+a", "(+ a)")]
    [InlineData("- - a", "(- (- a))")]
    [InlineData("!!a", "(! (! a))")]
    [InlineData("2 ** 3", "(** 2 3)")]
    [InlineData("2 ** 3 ** 2", "(** (** 2 3) 2)")]
    [InlineData("2 * 3 ** 2", "(* 2 (** 3 2))")]
    [InlineData("-2 ** 2", "(** (- 2) 2)")]
    [InlineData("a.b.c", "(. (. a b) c)")]
    [InlineData("a[0][1]", "([] ([] a 0) 1)")]
    [InlineData("a.b[0].c", "(. ([] (. a b) 0) c)")]
    [InlineData("f(x, y)", "(f x y)")]
    [InlineData("f()", "(f)")]
    [InlineData("f(x)[0].left", "(. ([] (f x) 0) left)")]
    [InlineData("p.left + p.right", "(+ (. p left) (. p right))")]
    [InlineData("if a then b else c", "(if a b c)")]
    [InlineData("if a then 1 else 2 + 3", "(if a 1 (+ 2 3))")]
    [InlineData("1 + (if a then 1 else 2)", "(+ 1 (paren (if a 1 2)))")]
    [InlineData("(1 + 2) * 3", "(* (paren (+ 1 2)) 3)")]
    [InlineData("(1, \"a\")", "(pair 1 \"a\")")]
    [InlineData("[1, 2, 3,]", "[1 2 3]")]
    [InlineData("[]", "[]")]
    [InlineData("{\"a\": 1, \"b\": 2}", "{\"a\":1 \"b\":2}")]
    [InlineData("{}", "{}")]
    [InlineData("object { a: 1, b: [x] }", "object{a:1 b:[x]}")]
    [InlineData("Person { name: \"a\", age: None }", "Person{name:\"a\" age:None}")]
    [InlineData("true || false", "(|| true false)")]
    [InlineData("None", "None")]
    public void Precedence_and_shapes_follow_the_spec(string source, string expected)
    {
        Assert.Equal(expected, Show(Expr(source)));
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("0", 0L)]
    [InlineData("0x1F", 31L)]
    [InlineData("0XfF", 255L)]
    [InlineData("017", 15L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integer_literals_are_decimal_hex_or_octal(string source, long value)
    {
        Assert.Equal(value, Assert.IsType<IntLiteral>(Expr(source)).Value);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("1.", 1.0)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5E-2", 0.025)]
    [InlineData("3e+2", 300.0)]
    public void Float_literals_allow_fractions_and_exponents(string source, double value)
    {
        Assert.Equal(value, Assert.IsType<FloatLiteral>(Expr(source)).Value);
    }

    [Fact]
    public void Spans_cover_exactly_the_source_text()
    {
        const string source = "version 1.1\nworkflow w {\n  Int x = f(a.b, [1, 2])[0] + -y\n}\n";
        var document = Clean(source);
        var declaration = ((DeclarationElement)document.Workflow!.Body[0]).Declaration;
        var binary = Assert.IsType<BinaryExpression>(declaration.Initializer);
        Assert.Equal("f(a.b, [1, 2])[0] + -y", document.TextOf(binary));
        Assert.Equal("+", source.Substring(binary.OperatorSpan.Start, binary.OperatorSpan.Length));
        var index = Assert.IsType<IndexExpression>(binary.Left);
        Assert.Equal("f(a.b, [1, 2])[0]", document.TextOf(index));
        var call = Assert.IsType<CallExpression>(index.Target);
        Assert.Equal("f(a.b, [1, 2])", document.TextOf(call));
        Assert.Equal("a.b", document.TextOf(call.Arguments[0]));
        Assert.Equal("[1, 2]", document.TextOf(call.Arguments[1]));
        var unary = Assert.IsType<UnaryExpression>(binary.Right);
        Assert.Equal("-y", document.TextOf(unary));
        Assert.Equal("Int x = f(a.b, [1, 2])[0] + -y", document.TextOf(declaration));
        Assert.Equal((3, 3), document.Source.GetLineColumn(declaration.Span.Start));
    }

    [Fact]
    public void Strings_resolve_escapes_and_split_placeholders()
    {
        var literal = Assert.IsType<StringLiteral>(Expr("\"a\\tb\\n\\\\ \\\"q\\\" \\' \\~{no} \\${no} ~{x}${y}\""));
        Assert.Equal(3, literal.Parts.Count);
        Assert.Equal("a\tb\n\\ \"q\" ' ~{no} ${no} ", Assert.IsType<StringText>(literal.Parts[0]).Text);
        var first = Assert.IsType<Placeholder>(literal.Parts[1]);
        Assert.True(first.IsTilde);
        Assert.False(Assert.IsType<Placeholder>(literal.Parts[2]).IsTilde);
        Assert.Null(literal.ConstantValue);
        Assert.False(literal.IsMultiline);
    }

    [Theory]
    [InlineData("\"\\101\\x41\\u0041\\U00000041\"", "AAAA")]
    [InlineData("'it''s'", null)]
    [InlineData("'single \"double\" \\''", "single \"double\" '")]
    [InlineData("\"\\U0001F600\"", "\U0001F600")]
    [InlineData("\"\"", "")]
    public void Numeric_and_unicode_escapes_are_decoded(string source, string? expected)
    {
        if (expected is null)
        {
            // Two adjacent strings are not one expression.
            Assert.NotEmpty(Parse($"version 1.1\nworkflow w {{\n  String x = {source}\n}}\n").Diagnostics);
            return;
        }
        Assert.Equal(expected, Assert.IsType<StringLiteral>(Expr(source)).ConstantValue);
    }

    [Fact]
    public void Placeholders_nest_strings_and_placeholders()
    {
        var literal = Assert.IsType<StringLiteral>(Expr("\"a ~{\"b ~{c + \"d ${e}\"}\"} f\""));
        Assert.Equal("\"a ~{\"b ~{(+ c \"d ${e}\")}\"} f\"", Show(literal));
    }

    [Fact]
    public void Placeholder_options_precede_the_expression()
    {
        var literal = Assert.IsType<StringLiteral>(Expr("\"~{sep=', ' xs} ~{true='y' false='n' b} ~{default='d' o} ~{sep=' ' [1, 2]}\"", "1.0"));
        var placeholders = literal.Parts.OfType<Placeholder>().ToList();
        Assert.Equal(4, placeholders.Count);
        Assert.Equal("sep", Assert.Single(placeholders[0].Options).Name.Name);
        Assert.Equal(new[] { "true", "false" }, placeholders[1].Options.Select(o => o.Name.Name));
        Assert.Equal("default", Assert.Single(placeholders[2].Options).Name.Name);
        Assert.Equal("[1 2]", Show(placeholders[3].Expression));
        Assert.Equal("\", \"", Show(placeholders[0].Options[0].Value));
    }

    [Fact]
    public void Multiline_strings_keep_raw_text_and_both_placeholder_styles()
    {
        const string source = "version 1.2\nworkflow w {\n  String s = <<<\n    a \\n ~{x} ${y}\n    b \\\n  >>>\n}\n";
        var document = Clean(source);
        var literal = Assert.IsType<StringLiteral>(((DeclarationElement)document.Workflow!.Body[0]).Declaration.Initializer);
        Assert.True(literal.IsMultiline);
        Assert.Equal("\n    a \\n ", Assert.IsType<StringText>(literal.Parts[0]).Text);
        Assert.True(Assert.IsType<Placeholder>(literal.Parts[1]).IsTilde);
        Assert.False(Assert.IsType<Placeholder>(literal.Parts[3]).IsTilde);
        Assert.StartsWith("<<<", document.TextOf(literal));
        Assert.EndsWith(">>>", document.TextOf(literal));
    }

    [Fact]
    public void Draft2_strings_only_know_dollar_placeholders()
    {
        var document = Clean("workflow w {\n  String s = \"~{a} ${b}\"\n}\n");
        var literal = Assert.IsType<StringLiteral>(((DeclarationElement)document.Workflow!.Body[0]).Declaration.Initializer);
        Assert.Equal("\"~{a} ${b}\"", Show(literal));
        Assert.Equal("~{a} ", Assert.IsType<StringText>(literal.Parts[0]).Text);
    }

    [Fact]
    public void Hints_literals_are_parsed_inside_hints_sections_with_dotted_keys()
    {
        var document = Clean("version 1.2\ntask t {\n  command <<< >>>\n  hints {\n    inputs: input { a.b: hints { localization_optional: true }, c: hints {} }\n    outputs: output { o: hints { x: 1 } }\n    gcp: hints { gpu: 2 }\n  }\n}\n");
        var hints = document.Tasks[0].Hints!;
        Assert.Equal("hints", hints.Keyword);
        Assert.Equal("input{a.b:hints{localization_optional:true} c:hints{}}", Show(hints.Entries[0].Value));
        var input = Assert.IsType<HintsLiteral>(hints.Entries[0].Value);
        Assert.Equal("a.b", document.TextOf(input.Members[0].Key));
        Assert.Equal("output{o:hints{x:1}}", Show(hints.Entries[1].Value));
        Assert.Equal("hints{gpu:2}", Show(hints.Entries[2].Value));
    }
}
