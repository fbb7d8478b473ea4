using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

/// <summary>One mistake gives one diagnostic, and later mistakes are still found.</summary>
public class RecoveryTests
{
    [Fact]
    public void Two_errors_in_one_workflow_are_both_reported()
    {
        var result = Parse("""
            version 1.1
            workflow w {
              Int a = 1 +
              Int b = 2
              String c = foo(1, 2
              Int d = 4
            }
            """);
        Assert.Equal(2, result.Diagnostics.Count);
        Has(result, DiagnosticCatalogue.UnexpectedTokenCode, 4, 3);
        Has(result, DiagnosticCatalogue.UnexpectedTokenCode, 6, 3);
        var names = result.Document.Workflow!.Body.OfType<DeclarationElement>().Select(d => d.Declaration.Name.Name);
        Assert.Equal(new[] { "a", "b", "c", "d" }, names);
    }

    [Fact]
    public void Errors_in_two_tasks_are_both_reported_and_both_tasks_kept()
    {
        var result = Parse("""
            version 1.1
            task one {
              input { Int x = }
              command <<< echo >>>
            }
            task two {
              command <<< echo >>>
              output { Int y = [1, 2 }
            }
            workflow w { call one call two }
            """);
        Assert.Equal(2, result.Diagnostics.Count);
        Has(result, DiagnosticCatalogue.UnexpectedTokenCode, 3, 19);
        Has(result, DiagnosticCatalogue.UnexpectedTokenCode, 8, 26);
        Assert.Equal(new[] { "one", "two" }, result.Document.Tasks.Select(t => t.Name.Name));
        Assert.NotNull(result.Document.Tasks[1].Output);
        Assert.Equal(2, result.Document.Workflow!.Body.Count);
    }

    [Fact]
    public void Missing_closing_brace_is_reported_at_the_next_task()
    {
        var result = Parse("""
            version 1.1
            task one {
              command <<< echo >>>

            task two {
              command <<< echo >>>
            }
            """);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((5, 1), d.Start);
        Assert.Equal("expected '}' to close the body of task 'one', found 'task'", d.Message);
        Assert.Equal(2, result.Document.Tasks.Count);
    }

    [Fact]
    public void Garbage_between_sections_resynchronises_at_the_next_section()
    {
        var result = Parse("""
            version 1.1
            task t {
              input { Int x }
              + garbage = [ 1, 2
              command <<< echo >>>
              output { Int y = x }
            }
            """);
        Assert.Single(result.Diagnostics);
        Has(result, DiagnosticCatalogue.UnexpectedTokenCode, 4, 3);
        var task = result.Document.Tasks[0];
        Assert.NotNull(task.Command);
        Assert.NotNull(task.Output);
    }

    [Fact]
    public void Missing_brace_in_section_recovers_at_the_next_section_keyword()
    {
        var result = Parse("""
            version 1.1
            task t {
              runtime {
                cpu: 1
              command <<< echo >>>
              output { Int y = 1 }
            }
            """);
        Assert.Single(result.Diagnostics);
        Has(result, DiagnosticCatalogue.UnexpectedTokenCode, 5, 3);
        Assert.NotNull(result.Document.Tasks[0].Command);
        Assert.NotNull(result.Document.Tasks[0].Output);
    }

    [Fact]
    public void Errors_inside_placeholders_stay_inside_them()
    {
        var result = Parse("""
            version 1.1
            task t {
              command <<<
                echo ~{1 +} ~{x y} ~{ok}
              >>>
              output { Int z = 1 }
            }
            """);
        Assert.Equal(2, result.Diagnostics.Count);
        Has(result, DiagnosticCatalogue.UnexpectedTokenCode, 4, 15);
        Has(result, DiagnosticCatalogue.UnexpectedTokenCode, 4, 21);
        var command = result.Document.Tasks[0].Command!;
        Assert.Equal(3, command.Parts.OfType<Placeholder>().Count());
        Assert.NotNull(result.Document.Tasks[0].Output);
    }

    [Fact]
    public void Unknown_top_level_text_skips_to_the_next_definition()
    {
        var result = Parse("version 1.1\nfoo bar { baz }\ntask t { command <<< >>> }\n");
        Assert.Single(result.Diagnostics);
        Has(result, DiagnosticCatalogue.UnexpectedTokenCode, 2, 1);
        Assert.Single(result.Document.Tasks);
    }

    [Fact]
    public void Missing_equals_is_named_and_the_next_declaration_still_parses()
    {
        var result = Parse("version 1.1\nworkflow w {\n  input {\n    Int x 5\n    String y = \"a\"\n  }\n}\n");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("expected '=' after 'x', found '5'", d.Message);
        Assert.Equal((4, 11), d.Start);
        Assert.Equal(new[] { "x", "y" }, result.Document.Workflow!.Input!.Declarations.Select(x => x.Name.Name));
    }

    [Fact]
    public void Declarations_may_share_a_line()
    {
        var document = Clean("version 1.1\nworkflow w { input { Int x String y = \"a\" File? z } }\n");
        Assert.Equal(3, document.Workflow!.Input!.Declarations.Count);
    }

    [Fact]
    public void Truncated_document_gives_one_error_at_the_end()
    {
        var result = Parse("version 1.1\nworkflow w {\n  call a { input: x = ");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalogue.UnexpectedTokenCode, d.Code);
        Assert.Contains("end of file", d.Message);
    }
}
