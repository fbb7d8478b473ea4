using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.Evaluation;

public class StringInterpolationTests
{
    private static string Str(string expression, WdlVersion version = WdlVersion.V1_1, Osprey.Engine.Evaluation.IEvaluationScope? scope = null) =>
        Assert.IsType<WdlString>(TestEval.Run(expression, version, scope)).Value;

    [Fact]
    public void Placeholder_coercion_from_the_spec()
    {
        var scope = TestEval.Scope(("x", WdlFile.Of("/hij")), ("i", WdlNone.Instance));
        Assert.Equal("abc", Str("\"~{\"abc\"}\"", scope: scope));
        Assert.Equal("/hij", Str("\"~{x}\"", scope: scope));
        Assert.Equal("5", Str("\"~{5}\"", scope: scope));
        Assert.Equal("3.141000", Str("\"~{3.141}\"", scope: scope));
        Assert.Equal("0.000000", Str("\"~{3.141 * 1E-10}\"", scope: scope));
        Assert.Equal("31410000000.000000", Str("\"~{3.141 * 1E10}\"", scope: scope));
        Assert.Equal("", Str("\"~{i}\"", scope: scope));
        Assert.Equal("-3", Str("\"~{-3}\"", scope: scope));
        Assert.Equal("true", Str("\"~{true}\"", scope: scope));
    }

    [Fact]
    public void Precedence_examples_from_the_spec()
    {
        Assert.Equal("3.000000", Str("\"~{1 + 2.0}\""));
        var scope = TestEval.Scope(("s1", WdlString.Of("3.0")));
        Assert.Equal("3.01", Str("\"~{s1 + 1}\"", scope: scope));
    }

    [Fact]
    public void Floats_in_1_0_use_the_shortest_text()
    {
        var scope = TestEval.Scope(("f", WdlFloat.Of(1.3)), ("g", WdlFloat.Of(2)));
        Assert.Equal("python do_work.py 1.3 2.0", Str("\"python do_work.py ${f} ${g}\"", WdlVersion.V1_0, scope));
        Assert.Equal("1.300000", Str("\"~{f}\"", WdlVersion.V1_2, scope));
    }

    [Fact]
    public void Placeholders_and_nesting()
    {
        var scope = TestEval.Scope(("i", WdlInt.Of(3)), ("b", WdlBoolean.True), ("start", WdlString.Of("h")), ("end", WdlString.Of("o")), ("instr", WdlString.Of("hello")));
        Assert.Equal("4", Str("\"~{1 + i}\"", scope: scope));
        Assert.Equal("grep 'h...o' hello", Str("\"grep '~{start}...~{end}' ~{instr}\"", scope: scope));
        Assert.Equal("4", Str("\"~{if b then '~{1 + i}' else '0'}\"", scope: scope));
        Assert.Equal("good morning", Str("\"good ~{if b then \"morning\" else \"afternoon\"}\"", scope: scope));
        Assert.Equal("x-3", Str("\"x-${i}\"", WdlVersion.V1_0, scope));
    }

    [Fact]
    public void Concatenation_of_optional_values()
    {
        var scope = TestEval.Scope(("salutation", WdlString.Of("hello")), ("name1", WdlNone.Instance), ("name2", WdlString.Of("Fred")), ("max", WdlNone.Instance));
        Assert.Equal("nice to meet you!", Str("\"~{salutation + ' ' + name1 + ' '}nice to meet you!\"", scope: scope));
        Assert.Equal("hello Fred, nice to meet you!", Str("\"~{salutation + ' ' + name2 + ', '}nice to meet you!\"", scope: scope));
        Assert.Equal("grep  pattern", Str("\"grep ~{\"-m \" + max} pattern\"", scope: scope));
    }

    [Fact]
    public void Failures_caused_by_none_render_empty()
    {
        var scope = TestEval.Scope(("c", WdlNone.Instance), ("p", WdlNone.Instance));
        Assert.Equal("/bin/mycmd ", Str("\"/bin/mycmd ~{write_lines(c)}\"", scope: scope));
        Assert.Equal("[]", Str("\"[~{p.left}]\"", scope: scope));
        Assert.Equal("", Str("\"~{c * 2}\"", scope: scope));
    }

    [Fact]
    public void Placeholder_options()
    {
        var scope = TestEval.Scope(
            ("numbers", WdlArray.Create(Osprey.Wdl.Semantics.WdlType.Int, WdlInt.Of(1), WdlInt.Of(2), WdlInt.Of(3))),
            ("yes", WdlBoolean.True),
            ("no", WdlBoolean.False),
            ("s", WdlNone.Instance),
            ("t", WdlString.Of("given")));
        Assert.Equal("python script.py 1,2,3", Str("\"python script.py ~{sep=',' numbers}\"", scope: scope));
        Assert.Equal("1 2 3", Str("\"~{sep=' ' numbers}\"", scope: scope));
        Assert.Equal("--enable-foo", Str("\"~{true='--enable-foo' false='--disable-foo' yes}\"", scope: scope));
        Assert.Equal("--disable-foo", Str("\"~{true='--enable-foo' false='--disable-foo' no}\"", scope: scope));
        Assert.Equal("foobar", Str("\"~{default='foobar' s}\"", scope: scope));
        Assert.Equal("given", Str("\"~{default='foobar' t}\"", scope: scope));
        Assert.Equal("1,2,3", Str("\"${sep=',' numbers}\"", WdlVersion.V1_0, scope));
        Assert.Equal(Str("\"~{sep(',', quote(numbers))}\"", scope: scope), Str("\"~{sep=',' quote(numbers)}\"", scope: scope));
    }

    [Fact]
    public void Compound_values_cannot_be_interpolated()
    {
        var (error, span) = TestEval.Fail("\"~{[1, 2]}\"");
        Assert.Equal("an Array[Int] cannot be interpolated into a string; use sep(\",\", array) or the sep option", error.Message);
        Assert.Equal("[1, 2]", span);
    }

    [Fact]
    public void Multiline_strings_strip_indentation_and_continuations()
    {
        Assert.Equal("hello  world", Str("<<<\n    hello  \\\n      world\n  >>>", WdlVersion.V1_2));
        Assert.Equal("  indented\nnot", Str("<<<\n      indented\n    not\n  >>>", WdlVersion.V1_2));
        Assert.Equal("line1\n\nline3", Str("<<<\n    line1\n\n    line3\n  >>>", WdlVersion.V1_2));
        Assert.Equal("ends with a backslash \\\nnext", Str("<<<\n  ends with a backslash \\\\\n  next\n>>>", WdlVersion.V1_2));
        Assert.Equal("on the first line", Str("<<< on the first line >>>", WdlVersion.V1_2));
        Assert.Equal("tab\there", Str("<<<\n  tab\\there\n>>>", WdlVersion.V1_2));
        Assert.Equal("\nblank lines kept\n", Str("<<<\n\n  blank lines kept\n\n>>>", WdlVersion.V1_2));
        Assert.Equal("quotes \" and ' need no escape", Str("<<<quotes \" and ' need no escape>>>", WdlVersion.V1_2));
    }

    [Fact]
    public void Multiline_placeholders_are_evaluated_after_stripping()
    {
        var scope = TestEval.Scope(("name", WdlString.Of("  spaced\n  value")), ("n", WdlInt.Of(2)));
        Assert.Equal("name:   spaced\n  value\ncount: 2", Str("<<<\n    name: ~{name}\n    count: ~{n}\n  >>>", WdlVersion.V1_2, scope));
        Assert.Equal("2 lines", Str("<<<\n    ~{n} lines\n  >>>", WdlVersion.V1_2, scope));
    }
}
