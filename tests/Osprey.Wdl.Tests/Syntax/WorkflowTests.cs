using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

public class WorkflowTests
{
    [Fact]
    public void Workflow_sections_and_body_elements()
    {
        var document = Clean("""
            version 1.1
            import "lib.wdl" as lib
            workflow main {
              input {
                Array[String] names
              }
              Int n = length(names)
              call lib.greet as hello after prep { input: name = "a", n }
              scatter (name in names) {
                call lib.greet { input: name = name }
                String shout = name + "!"
              }
              if (n > 1) {
                if (true) {
                  call lib.greet as nested
                }
              }
              output {
                Array[String] outs = lib.greet.out
              }
              meta { author: "me" }
              parameter_meta { names: "who" }
            }
            """);
        var workflow = document.Workflow!;
        Assert.Equal("main", workflow.Name.Name);
        Assert.Single(workflow.Input!.Declarations);
        Assert.Equal(4, workflow.Body.Count);
        Assert.IsType<DeclarationElement>(workflow.Body[0]);

        var call = Assert.IsType<CallNode>(workflow.Body[1]);
        Assert.Equal(new[] { "lib", "greet" }, call.Target.Select(t => t.Name));
        Assert.Equal("lib.greet", call.TargetName);
        Assert.Equal("hello", call.Alias!.Name);
        Assert.Equal("hello", call.CallName.Name);
        Assert.Equal("prep", Assert.Single(call.After).Name);
        Assert.True(call.HasBody);
        Assert.True(call.HasInputKeyword);
        Assert.Equal(new[] { "name", "n" }, call.Inputs.Select(i => i.Name.Name));
        Assert.NotNull(call.Inputs[0].Value);
        Assert.Null(call.Inputs[1].Value);
        Assert.Equal("name = \"a\"", document.TextOf(call.Inputs[0]));
        Assert.Equal("call lib.greet as hello after prep { input: name = \"a\", n }", document.TextOf(call));

        var scatter = Assert.IsType<ScatterNode>(workflow.Body[2]);
        Assert.Equal("name", scatter.Variable.Name);
        Assert.Equal("names", Show(scatter.Collection));
        Assert.Equal(2, scatter.Body.Count);
        Assert.StartsWith("scatter (name in names) {", document.TextOf(scatter));
        Assert.EndsWith("}", document.TextOf(scatter));

        var conditional = Assert.IsType<ConditionalNode>(workflow.Body[3]);
        Assert.Equal("(> n 1)", Show(conditional.Condition));
        var inner = Assert.IsType<ConditionalNode>(Assert.Single(conditional.Body));
        var nested = Assert.IsType<CallNode>(Assert.Single(inner.Body));
        Assert.False(nested.HasBody);

        Assert.Equal("outs", Assert.Single(workflow.Output!.Declarations).Name.Name);
        Assert.NotNull(workflow.Meta);
        Assert.NotNull(workflow.ParameterMeta);
        Assert.Null(workflow.Hints);
    }

    [Fact]
    public void Calls_without_input_keyword_and_with_empty_bodies_in_11()
    {
        var document = Clean("""
            version 1.1
            workflow w {
              call a { x = 1, y, }
              call b {}
              call c { input: }
              call d
            }
            """);
        var calls = document.Workflow!.Body.Cast<CallNode>().ToList();
        Assert.False(calls[0].HasInputKeyword);
        Assert.Equal(2, calls[0].Inputs.Count);
        Assert.True(calls[1].HasBody);
        Assert.Empty(calls[1].Inputs);
        Assert.True(calls[2].HasInputKeyword);
        Assert.False(calls[3].HasBody);
        Assert.Equal("call d", document.TextOf(calls[3]));
    }

    [Fact]
    public void Workflow_hints_in_12()
    {
        var document = Clean("version 1.2\nworkflow w {\n  hints { allow_nested_inputs: true }\n}\n");
        var hints = document.Workflow!.Hints!;
        Assert.Equal("allow_nested_inputs", hints.Entries[0].Key.Name);
    }

    [Fact]
    public void After_is_a_name_when_not_followed_by_a_call_name()
    {
        var document = Clean("version 1.1\nworkflow w {\n  call a\n  Int after = 1\n}\n");
        Assert.Empty(((CallNode)document.Workflow!.Body[0]).After);
        Assert.Equal("after", ((DeclarationElement)document.Workflow.Body[1]).Declaration.Name.Name);
    }
}
