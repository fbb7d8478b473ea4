using System.Text.Json;
using Osprey.Cli.Rendering;
using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Tests.Cli;

public class DiagnosticRenderingTests
{
    private const string Document = "version 1.1\n\nworkflow w {\n  Int x = \"a\"\n\tString y = 1 +\n    2\n}\n";
    private static readonly SourceText Source = new("/work/w.wdl", Document);

    private static Diagnostic At(string text, int occurrence = 0, int? length = null, DiagnosticSeverity severity = DiagnosticSeverity.Error, string? hint = null)
    {
        int start = -1;
        for (int i = 0; i <= occurrence; i++) start = Document.IndexOf(text, start + 1, StringComparison.Ordinal);
        return new Diagnostic("WDL201", severity, "cannot coerce 'String' to 'Int'", Source, new TextSpan(start, length ?? text.Length), hint);
    }

    private static string Render(Diagnostic d, AnsiStyle? style = null)
    {
        var writer = new StringWriter();
        new DiagnosticTextRenderer(style ?? AnsiStyle.Plain, p => p == "/work/w.wdl" ? "w.wdl" : p).Write(writer, d);
        return writer.ToString();
    }

    [Fact]
    public void Text_has_location_header_source_line_and_caret_under_the_span()
    {
        string text = Render(At("\"a\""));

        Assert.Equal(
            "w.wdl:4:11: error WDL201: cannot coerce 'String' to 'Int'\n" +
            " 4 |   Int x = \"a\"\n" +
            "   |           ^~~\n",
            text);
    }

    [Fact]
    public void Warning_with_hint_shows_the_hint_line()
    {
        string text = Render(At("x", severity: DiagnosticSeverity.Warning, hint: "write Int? x"));

        Assert.StartsWith("w.wdl:4:7: warning WDL201: ", text);
        Assert.EndsWith("   |       ^\n  hint: write Int? x\n", text);
    }

    [Fact]
    public void A_span_over_several_lines_is_underlined_to_the_end_of_its_first_line()
    {
        string text = Render(At("1 +\n    2"));

        Assert.Contains(" 5 |     String y = 1 +\n   |                ^~~\n", text);
    }

    [Fact]
    public void Tabs_are_expanded_so_the_caret_lines_up()
    {
        string text = Render(At("y", occurrence: 0));

        string[] lines = text.Split('\n');
        Assert.Equal(" 5 |     String y = 1 +", lines[1]);
        Assert.Equal(lines[1].IndexOf('y'), lines[2].IndexOf('^'));
    }

    [Fact]
    public void An_empty_span_gets_a_single_caret()
    {
        string text = Render(At("}", length: 0));

        Assert.EndsWith(" 7 | }\n   | ^\n", text);
    }

    [Fact]
    public void Colour_codes_appear_only_with_the_coloured_style()
    {
        Assert.DoesNotContain("\e[", Render(At("x")));
        string coloured = Render(At("x"), AnsiStyle.Colored);
        Assert.Contains("\e[1;31merror WDL201:", coloured);
        Assert.Contains("\e[0m", coloured);
    }

    [Theory]
    [InlineData(0, 0, 1, "0 errors, 0 warnings in 1 file")]
    [InlineData(2, 1, 3, "2 errors, 1 warning in 3 files")]
    [InlineData(1, 2, 0, "1 error, 2 warnings in 0 files")]
    public void Summary_counts_with_plurals(int errors, int warnings, int files, string expected)
        => Assert.Equal(expected, DiagnosticTextRenderer.Summary(errors, warnings, files));

    [Fact]
    public void Json_is_one_array_with_positions_and_optional_hint()
    {
        var writer = new StringWriter();
        DiagnosticJsonRenderer.Write(writer, [At("\"a\""), At("y", severity: DiagnosticSeverity.Warning, hint: "say 'why'")], p => "w.wdl");

        using var json = JsonDocument.Parse(writer.ToString());
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);

        var first = items[0];
        Assert.Equal("w.wdl", first.GetProperty("file").GetString());
        Assert.Equal(4, first.GetProperty("line").GetInt32());
        Assert.Equal(11, first.GetProperty("column").GetInt32());
        Assert.Equal(4, first.GetProperty("endLine").GetInt32());
        Assert.Equal(14, first.GetProperty("endColumn").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("WDL201", first.GetProperty("code").GetString());
        Assert.Equal("cannot coerce 'String' to 'Int'", first.GetProperty("message").GetString());
        Assert.False(first.TryGetProperty("hint", out _));

        Assert.Equal("warning", items[1].GetProperty("severity").GetString());
        Assert.Equal("say 'why'", items[1].GetProperty("hint").GetString());
        Assert.Contains("say 'why'", writer.ToString()); // quotes are not \u0027-escaped
    }

    [Fact]
    public void Json_with_no_diagnostics_is_an_empty_array()
    {
        var writer = new StringWriter();
        DiagnosticJsonRenderer.Write(writer, [], p => p);

        Assert.Equal("[]", writer.ToString().Trim());
    }
}
