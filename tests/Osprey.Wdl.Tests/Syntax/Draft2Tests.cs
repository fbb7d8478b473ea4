using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

public class Draft2Tests
{
    private const string Source = """
        import "tools.wdl" as tools

        task hello {
          String name
          Int? times = 2
          command {
            echo "${name}" ~{not_a_placeholder} | awk '{print $1}'
          }
          output {
            String out = read_string(stdout())
          }
          runtime {
            docker: "ubuntu:" + "latest"
          }
          parameter_meta {
            name: "who to greet"
          }
        }

        workflow wf {
          Array[String] names
          String greeting = "hi"
          scatter (n in names) {
            call hello { input: name = n, times = 3 }
          }
          output {
            Array[String] outs = hello.out
          }
          meta { author: "me" }
        }
        """;

    [Fact]
    public void Draft2_document_parses_without_input_sections()
    {
        var document = Clean(Source);
        Assert.Equal(WdlVersion.Draft2, document.Version);
        var task = document.Tasks[0];
        Assert.Null(task.Input);
        Assert.Equal(new[] { "name", "times" }, task.Declarations.Select(d => d.Name.Name));
        Assert.Null(task.Declarations[0].Initializer);
        Assert.Equal("(+ \"ubuntu:\" \"latest\")", Show(task.Runtime!.Entries[0].Value));

        var workflow = document.Workflow!;
        Assert.Null(workflow.Input);
        Assert.Equal(3, workflow.Body.Count);
        Assert.Null(((DeclarationElement)workflow.Body[0]).Declaration.Initializer);
        Assert.NotNull(workflow.Meta);
    }

    [Fact]
    public void Draft2_commands_use_dollar_placeholders_only()
    {
        var document = Clean(Source);
        var command = document.Tasks[0].Command!;
        var placeholder = Assert.Single(command.Parts.OfType<Placeholder>());
        Assert.False(placeholder.IsTilde);
        Assert.Equal("name", Show(placeholder.Expression));
        Assert.Contains("~{not_a_placeholder}", ((StringText)command.Parts[^1]).Text);
    }

    [Fact]
    public void Draft2_heredoc_command_uses_dollar_placeholders()
    {
        var document = Clean("task t {\n  File in\n  command<<<\n  python ${in} ~{x}\n  >>>\n}\n");
        var command = document.Tasks[0].Command!;
        Assert.True(command.IsHeredoc);
        Assert.Single(command.Parts.OfType<Placeholder>());
    }

    [Fact]
    public void Draft2_untyped_workflow_outputs_are_reported()
    {
        var result = Parse("task t { command { ls } }\nworkflow w {\n  call t\n  output {\n    t.*\n    t.out\n    File f = t.out\n  }\n}\n");
        Assert.Equal(2, result.Diagnostics.Count);
        var first = Has(result, DiagnosticCatalogue.UntypedWorkflowOutputCode, 5, 5);
        Assert.Contains("'t.*'", first.Message);
        Has(result, DiagnosticCatalogue.UntypedWorkflowOutputCode, 6, 5);
        Assert.Equal("f", Assert.Single(result.Document.Workflow!.Output!.Declarations).Name.Name);
    }

    [Fact]
    public void Draft2_escapes_follow_its_grammar()
    {
        var document = Clean("workflow w {\n  String s = \"\\7\\x4\\b\"\n}\n");
        var literal = (StringLiteral)((DeclarationElement)document.Workflow!.Body[0]).Declaration.Initializer!;
        Assert.Equal("\a\u0004\b", literal.ConstantValue);
    }

    [Fact]
    public void Draft2_while_loops_are_reported_and_skipped()
    {
        var result = Parse("workflow w {\n  while (true) { call t }\n  call u\n}\n");
        Has(result, DiagnosticCatalogue.WhileLoopUnsupportedCode, 2, 3);
        Assert.Single(result.Diagnostics);
        Assert.Equal("u", ((CallNode)Assert.Single(result.Document.Workflow!.Body)).CallName.Name);
    }
}
