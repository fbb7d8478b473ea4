using System.Text;
using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

/// <summary>One test per lexical/syntax diagnostic code, checking code and line:column.</summary>
public class SyntaxDiagnosticTests
{
    private static string Workflow(string body, string version = "1.1") => $"version {version}\nworkflow w {{\n{body}\n}}\n";

    [Fact]
    public void WDL001_invalid_character()
    {
        var d = Only(Workflow("  Int x = 1 @ 2"), DiagnosticCatalogue.InvalidCharacterCode, 3, 13);
        Assert.Contains("'@'", d.Message);
    }

    [Fact]
    public void WDL001_runs_of_invalid_characters_are_one_diagnostic()
    {
        Only(Workflow("  Int x = 1 $@^ 2"), DiagnosticCatalogue.InvalidCharacterCode, 3, 13);
    }

    [Fact]
    public void WDL002_unterminated_string()
    {
        var result = Parse(Workflow("  String s = \"abc\n  Int y = 2"));
        Assert.Single(result.Diagnostics);
        Has(result, DiagnosticCatalogue.UnterminatedStringCode, 3, 14);
        Assert.Equal(2, result.Document.Workflow!.Body.Count);
    }

    [Fact]
    public void WDL003_unterminated_command()
    {
        Only("version 1.1\ntask t {\n  command { ls\n", DiagnosticCatalogue.UnterminatedCommandCode, 3, 11);
        Only("version 1.1\ntask t {\n  command <<< ls }\n", DiagnosticCatalogue.UnterminatedCommandCode, 3, 11);
    }

    [Fact]
    public void WDL004_unterminated_placeholder()
    {
        var result = Parse(Workflow("  String s = \"a ~{x\n  Int y = 2"));
        Assert.Single(result.Diagnostics);
        Has(result, DiagnosticCatalogue.UnterminatedPlaceholderCode, 3, 17);
        Assert.Equal(2, result.Document.Workflow!.Body.Count);

        var heredoc = Parse("version 1.1\ntask t {\n  command <<< echo ~{x\n  >>>\n  output { Int o = 1 }\n}\n");
        Assert.Single(heredoc.Diagnostics);
        Has(heredoc, DiagnosticCatalogue.UnterminatedPlaceholderCode, 3, 20);
        Assert.NotNull(heredoc.Document.Tasks[0].Output);
    }

    [Fact]
    public void WDL005_unterminated_multiline_string()
    {
        Only(Workflow("  String s = <<< abc", "1.2").TrimEnd('\n', '}'), DiagnosticCatalogue.UnterminatedMultilineStringCode, 3, 14);
    }

    [Fact]
    public void WDL006_unknown_escape_is_a_warning_and_kept()
    {
        var d = Only(Workflow("  String s = \"a\\qb\""), DiagnosticCatalogue.UnknownEscapeCode, 3, 16);
        Assert.False(d.IsError);
    }

    [Theory]
    [InlineData("\\x4", 16)]
    [InlineData("\\12", 16)]
    [InlineData("\\u12", 16)]
    [InlineData("\\UFFFFFFFF", 16)]
    public void WDL007_malformed_escape(string escape, int column)
    {
        Only(Workflow($"  String s = \"a{escape}\""), DiagnosticCatalogue.MalformedEscapeCode, 3, column);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("09")]
    [InlineData("0x")]
    [InlineData("1e999")]
    public void WDL008_invalid_number(string number)
    {
        Only(Workflow($"  Int x = {number}"), DiagnosticCatalogue.InvalidNumberCode, 3, 11);
    }

    [Fact]
    public void WDL009_unexpected_token_names_what_was_expected_and_found()
    {
        var d = Only("version 1.1\ntask t {\n  command <<< >>>\n\nworkflow w {}\n", DiagnosticCatalogue.UnexpectedTokenCode, 5, 1);
        Assert.Equal("expected '}' to close the body of task 't', found 'workflow'", d.Message);

        var missingValue = Only(Workflow("  Int x = \n"), DiagnosticCatalogue.UnexpectedTokenCode, 5, 1);
        Assert.Equal("expected an expression, found '}'", missingValue.Message);
    }

    [Fact]
    public void WDL010_invalid_version()
    {
        Only("version 2.0\n", DiagnosticCatalogue.InvalidVersionCode, 1, 9);
    }

    [Fact]
    public void WDL011_version_not_first()
    {
        Only("import \"a.wdl\"\nversion 1.1\n", DiagnosticCatalogue.VersionNotFirstCode, 2, 1);
    }

    [Fact]
    public void WDL012_duplicate_section()
    {
        var d = Only("version 1.1\ntask t {\n  command <<< >>>\n  output {}\n  output {}\n}\n", DiagnosticCatalogue.DuplicateSectionCode, 5, 3);
        Assert.Contains("'output'", d.Message);
        Only("version 1.1\nworkflow w {\n  meta {}\n  meta {}\n}\n", DiagnosticCatalogue.DuplicateSectionCode, 4, 3);
        Only("version 1.1\ntask t {\n  command <<< >>>\n  command <<< >>>\n}\n", DiagnosticCatalogue.DuplicateSectionCode, 4, 3);
    }

    [Fact]
    public void WDL013_missing_command()
    {
        Only("version 1.1\ntask nothing {\n  output { Int x = 1 }\n}\n", DiagnosticCatalogue.MissingCommandCode, 2, 6);
    }

    [Fact]
    public void WDL014_duplicate_workflow()
    {
        var result = Parse("version 1.1\nworkflow a {}\nworkflow b {}\n");
        Assert.Single(result.Diagnostics);
        Has(result, DiagnosticCatalogue.DuplicateWorkflowCode, 3, 10);
        Assert.Equal("a", result.Document.Workflow!.Name.Name);
    }

    [Fact]
    public void WDL015_missing_initializer()
    {
        Only("version 1.1\ntask t {\n  command <<< >>>\n  output { Int x }\n}\n", DiagnosticCatalogue.MissingInitializerCode, 4, 16);
        // Unbound private declarations are the binder's to judge, not a syntax error.
        Clean(Workflow("  Int x"));
    }

    [Fact]
    public void WDL016_struct_member_initializer()
    {
        Only("version 1.1\nstruct S {\n  String s = \"x\"\n}\n", DiagnosticCatalogue.StructMemberInitializerCode, 3, 10);
    }

    [Fact]
    public void WDL018_nesting_too_deep()
    {
        var result = Parse(Workflow("  Int x = " + new string('(', 1000) + "1" + new string(')', 1000)));
        Assert.Single(result.Diagnostics);
        Has(result, DiagnosticCatalogue.NestingTooDeepCode, 3, 11 + 256);
    }

    [Fact]
    public void WDL019_too_many_errors_stops_parsing()
    {
        var body = new StringBuilder();
        for (int i = 0; i < 150; i++) body.Append("  Int = 1\n");
        var result = Parse(Workflow(body.ToString()));
        Assert.Equal(DiagnosticCatalogue.TooManyErrorsCode, result.Diagnostics[^1].Code);
        Assert.InRange(result.Diagnostics.Count, 100, 102);
    }

    [Fact]
    public void WDL020_wrong_type_argument_count()
    {
        var d = Only(Workflow("  Map[String] m = {}"), DiagnosticCatalogue.WrongTypeArgumentCountCode, 3, 6);
        Assert.Contains("2 type parameters, found 1", d.Message);
        Only(Workflow("  Int[String] m = 1"), DiagnosticCatalogue.WrongTypeArgumentCountCode, 3, 6);
    }

    [Fact]
    public void WDL021_non_empty_on_non_array()
    {
        Only(Workflow("  Int+ x = 1"), DiagnosticCatalogue.NonEmptyOnNonArrayCode, 3, 6);
    }

    [Fact]
    public void WDL022_placeholder_in_metadata_is_kept_as_text()
    {
        var result = Parse("version 1.1\nworkflow w {\n  meta { a: \"x ~{y} z\" }\n}\n");
        var d = Has(result, DiagnosticCatalogue.PlaceholderInMetadataCode, 3, 16);
        Assert.False(d.IsError);
        Assert.Equal("x ~{y} z", ((MetaString)result.Document.Workflow!.Meta!.Entries[0].Value).Value);
    }

    [Fact]
    public void WDL023_import_uri_with_placeholder()
    {
        Only("version 1.1\nimport \"~{x}.wdl\"\n", DiagnosticCatalogue.ImportUriNotConstantCode, 2, 8);
    }

    [Fact]
    public void WDL024_unknown_placeholder_option()
    {
        Only(Workflow("  String s = \"~{quote='x' y}\""), DiagnosticCatalogue.UnknownPlaceholderOptionCode, 3, 17);
    }

    [Fact]
    public void WDL025_call_on_non_name()
    {
        Only(Workflow("  Int x = a.b(1)"), DiagnosticCatalogue.CallOnNonNameCode, 3, 14);
    }

    [Fact]
    public void WDL026_hints_literal_outside_hints()
    {
        Only("version 1.2\ntask t {\n  command <<< >>>\n  runtime { x: hints { a: 1 } }\n}\n", DiagnosticCatalogue.HintsLiteralOutsideHintsCode, 4, 16);
    }

    [Fact]
    public void WDL027_env_outside_task()
    {
        Only(Workflow("  env Int x = 1", "1.2"), DiagnosticCatalogue.EnvNotAllowedCode, 3, 3);
        Only("version 1.2\ntask t {\n  command <<< >>>\n  output { env Int x = 1 }\n}\n", DiagnosticCatalogue.EnvNotAllowedCode, 4, 12);
    }

    [Fact]
    public void WDL028_runtime_with_requirements()
    {
        Only("version 1.2\ntask t {\n  command <<< >>>\n  runtime { cpu: 1 }\n  requirements { cpu: 1 }\n}\n", DiagnosticCatalogue.RuntimeWithRequirementsCode, 5, 3);
    }

    [Fact]
    public void WDL029_invalid_tuple()
    {
        Only(Workflow("  Int x = (1, 2, 3)"), DiagnosticCatalogue.InvalidTupleCode, 3, 11);
        Only(Workflow("  Int x = ()"), DiagnosticCatalogue.InvalidTupleCode, 3, 11);
    }

    [Fact]
    public void WDL031_reserved_keyword_as_name()
    {
        var d = Only(Workflow("  Int left = 1"), DiagnosticCatalogue.ReservedKeywordAsNameCode, 3, 7);
        Assert.Contains("'left'", d.Message);
    }

    [Fact]
    public void WDL032_missing_version_number()
    {
        Only("version\nworkflow w {}\n", DiagnosticCatalogue.MissingVersionNumberCode, 1, 1);
    }

    [Fact]
    public void WDL033_quoted_member_name_is_a_warning()
    {
        var result = Parse(Workflow("  Person p = Person { \"name\": \"x\" }"));
        var d = Has(result, DiagnosticCatalogue.QuotedMemberNameCode, 3, 23);
        Assert.False(d.IsError);
        var literal = (StructLiteral)((DeclarationElement)result.Document.Workflow!.Body[0]).Declaration.Initializer!;
        Assert.Equal("name", literal.Members[0].Key.Name);
    }

    [Fact]
    public void WDL034_workflow_hints_must_be_literals()
    {
        Only("version 1.2\nworkflow w {\n  Int n = 1\n  hints { a: n + 1 b: [1, -2, \"x\"] c: hints { d: { \"k\": (1, true) } } }\n}\n",
            DiagnosticCatalogue.WorkflowHintNotLiteralCode, 4, 14);
    }

    [Fact]
    public void Every_message_is_clear_english_about_what_was_found()
    {
        var d = Only("version 1.1\ntask t {\n  input { Int x = }\n  command <<< >>>\n}\n", DiagnosticCatalogue.UnexpectedTokenCode, 3, 19);
        Assert.Equal("expected an expression, found '}'", d.Message);
    }
}
