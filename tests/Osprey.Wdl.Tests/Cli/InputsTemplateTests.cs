using System.Text.Json;
using Osprey.Cli.Rendering;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// The template is built from the semantic model; these tests build the model by hand (as the
/// checker would) so the template's rules are tested apart from parsing and checking.
/// </summary>
public class InputsTemplateTests
{
    private const string Text =
        """
        version 1.1
        task t {
          input {
            File reads
            Int threads = 4
            String? tag
          }
        }
        workflow wf {
          input {
            String sample
            Int n = 2 *
              3
            Array[File]? extra
          }
          call t
          call t as t2 { input: reads = "x" }
        }
        """;

    private static readonly SourceText Source = new("/w.wdl", Text);

    private static TextSpan SpanOf(string text) => new(Text.IndexOf(text, StringComparison.Ordinal), text.Length);

    private static Identifier Id(string name, string? locate = null) => new(name, SpanOf(locate ?? name));

    private static InputModel Input(string name, WdlType type, string? defaultText = null)
    {
        var span = SpanOf(name);
        var declaration = new Declaration(new TypeSyntax(type.Display, [], type.IsOptional, false, span, span), new Identifier(name, span), null, false, span);
        Expression? initializer = defaultText is null ? null : new ErrorExpression(SpanOf(defaultText));
        return new InputModel(name, type, initializer, declaration);
    }

    private static (DocumentModel Document, TaskModel Task, WorkflowModel Workflow) Model()
    {
        var span = new TextSpan(0, Text.Length);
        var taskNode = new TaskNode(Id("t", "task t"), null, [], null, null, null, null, null, null, null, span);
        var call1 = new CallNode([Id("t", "call t")], null, [], [], false, false, SpanOf("call t"));
        var call2 = new CallNode([Id("t", "call t as")], Id("t2"), [], [new CallInput(Id("reads", "reads = "), null, SpanOf("reads = "))], true, true, SpanOf("call t as t2"));
        var workflowNode = new WorkflowNode(Id("wf"), null, [call1, call2], null, null, null, null, span);
        var syntax = new Document(Source, null, WdlVersion.V1_1, [], [], [taskNode], workflowNode, [], span);
        var document = new DocumentModel(syntax, "/w.wdl");

        var task = new TaskModel(taskNode, document);
        task.Inputs.Add(Input("reads", WdlType.File));
        task.Inputs.Add(Input("threads", WdlType.Int, "4"));
        task.Inputs.Add(Input("tag", WdlType.String.Optional));
        document.Tasks["t"] = task;

        var workflow = new WorkflowModel(workflowNode, document);
        workflow.Inputs.Add(Input("sample", WdlType.String));
        workflow.Inputs.Add(Input("n", WdlType.Int, "2 *\n      3"));
        workflow.Inputs.Add(Input("extra", WdlType.ArrayOf(WdlType.File).Optional));
        workflow.Calls.Add(new CallModel(call1, task));
        var second = new CallModel(call2, task);
        second.SuppliedInputs.Add("reads");
        workflow.Calls.Add(second);
        document.Workflow = workflow;
        return (document, task, workflow);
    }

    [Fact]
    public void Workflow_template_lists_required_then_optional_including_open_call_inputs()
    {
        var entries = InputsTemplateRenderer.Entries(Model().Workflow);

        Assert.Equal(
            [
                new("wf.sample", "String"),
                new("wf.t.reads", "File"),
                new("wf.n", "Int (optional, default = 2 * 3)"),
                new("wf.extra", "Array[File]? (optional)"),
                new("wf.t.threads", "Int (optional, default = 4)"),
                new("wf.t.tag", "String? (optional)"),
                new("wf.t2.threads", "Int (optional, default = 4)"),
                new("wf.t2.tag", "String? (optional)"),
            ],
            entries);
    }

    [Fact]
    public void Task_template_is_keyed_by_the_task_name()
    {
        var entries = InputsTemplateRenderer.Entries(Model().Task);

        Assert.Equal(["t.reads", "t.threads", "t.tag"], entries.Select(e => e.Key));
    }

    [Fact]
    public void Template_is_a_json_object_in_entry_order()
    {
        var writer = new StringWriter();
        InputsTemplateRenderer.Write(writer, InputsTemplateRenderer.Entries(Model().Workflow));

        using var json = JsonDocument.Parse(writer.ToString());
        var properties = json.RootElement.EnumerateObject().ToList();
        Assert.Equal("wf.sample", properties[0].Name);
        Assert.Equal("String", properties[0].Value.GetString());
        Assert.Equal("Array[File]? (optional)", json.RootElement.GetProperty("wf.extra").GetString());
        Assert.Equal(8, properties.Count);
    }
}
