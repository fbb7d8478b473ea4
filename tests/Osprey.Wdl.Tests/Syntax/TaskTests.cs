using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

public class TaskTests
{
    private const string FullTask = """
        version 1.1
        task count {
          input {
            File infile
            Int? limit = 10
          }
          String prefix = "out"
          command <<<
            wc -l ~{infile} > ~{prefix}.txt ${HOME} $PATH
          >>>
          output {
            Int lines = read_int("~{prefix}.txt")
          }
          runtime {
            container: "ubuntu:latest"
            memory: "~{limit} GB"
          }
          meta { author: "me" }
          parameter_meta { infile: { help: "input" } }
        }
        """;

    [Fact]
    public void All_sections_of_a_task_are_parsed()
    {
        var document = Clean(FullTask);
        var task = Assert.Single(document.Tasks);
        Assert.Equal("count", task.Name.Name);
        Assert.Equal(new[] { "infile", "limit" }, task.Input!.Declarations.Select(d => d.Name.Name));
        Assert.Null(task.Input.Declarations[0].Initializer);
        Assert.Equal("prefix", Assert.Single(task.Declarations).Name.Name);
        Assert.True(task.Command!.IsHeredoc);
        Assert.Equal("lines", Assert.Single(task.Output!.Declarations).Name.Name);
        Assert.Equal(new[] { "container", "memory" }, task.Runtime!.Entries.Select(e => e.Key.Name));
        Assert.Equal("runtime", task.Runtime.Keyword);
        Assert.Equal("me", Assert.IsType<MetaString>(task.Meta!.Entries[0].Value).Value);
        Assert.Equal("infile", task.ParameterMeta!.Entries[0].Key.Name);
        Assert.Null(task.Requirements);
        Assert.Null(task.Hints);
        Assert.StartsWith("task count {", document.TextOf(task));
        Assert.EndsWith("}", document.TextOf(task));
        Assert.StartsWith("input {", document.TextOf(task.Input));
        Assert.Equal("container: \"ubuntu:latest\"", document.TextOf(task.Runtime.Entries[0]));
    }

    [Fact]
    public void Heredoc_command_keeps_raw_text_and_only_tilde_placeholders()
    {
        var document = Clean(FullTask);
        var command = document.Tasks[0].Command!;
        Assert.Equal(5, command.Parts.Count);
        Assert.Equal("\n    wc -l ", Assert.IsType<StringText>(command.Parts[0]).Text);
        Assert.Equal("~{infile}", document.TextOf(command.Parts[1]));
        Assert.Equal(".txt ${HOME} $PATH\n  ", Assert.IsType<StringText>(command.Parts[4]).Text);
        Assert.StartsWith("command <<<", document.TextOf(command));
        Assert.EndsWith(">>>", document.TextOf(command));
    }

    [Fact]
    public void Brace_command_has_both_placeholder_styles_balanced_braces_and_escapes()
    {
        var document = Clean("""
            version 1.0
            task t {
              command {
                awk '{print $1}' ${f} ~{g} \} \${raw} \>>>
              }
            }
            """);
        var command = document.Tasks[0].Command!;
        Assert.False(command.IsHeredoc);
        var placeholders = command.Parts.OfType<Placeholder>().ToList();
        Assert.Equal(2, placeholders.Count);
        Assert.False(placeholders[0].IsTilde);
        Assert.True(placeholders[1].IsTilde);
        Assert.Equal(" \\} \\${raw} \\>>>\n  ", ((StringText)command.Parts[^1]).Text);
        Assert.Equal("\n    awk '{print $1}' ", ((StringText)command.Parts[0]).Text);
    }

    [Fact]
    public void Heredoc_ends_at_first_unescaped_triple_angle()
    {
        var document = Clean("version 1.1\ntask t {\n  command <<<\n  echo \\>>> x ~{sep(' ', [\"a\"])}\n  >>>\n}\n");
        var command = document.Tasks[0].Command!;
        Assert.Equal("\n  echo \\>>> x ", ((StringText)command.Parts[0]).Text);
        Assert.Equal("(sep \" \" [\"a\"])", Show(((Placeholder)command.Parts[1]).Expression));
    }

    [Fact]
    public void Version_12_requirements_hints_and_env()
    {
        var document = Clean("""
            version 1.2
            task t {
              input {
                env String greeting
                String plain
              }
              env Int n = 1
              command <<< echo "$greeting" >>>
              requirements {
                container: ["ubuntu:latest", "debian"]
                cpu: 2
                return_codes: "*"
              }
              hints {
                max_cpu: 4
                short_task: true
              }
            }
            """);
        var task = document.Tasks[0];
        Assert.True(task.Input!.Declarations[0].IsEnv);
        Assert.False(task.Input.Declarations[1].IsEnv);
        Assert.True(task.Declarations[0].IsEnv);
        Assert.Equal("env Int n = 1", document.TextOf(task.Declarations[0]));
        Assert.Equal("requirements", task.Requirements!.Keyword);
        Assert.Equal(3, task.Requirements.Entries.Count);
        Assert.Equal("hints", task.Hints!.Keyword);
        Assert.Null(task.Runtime);
    }

    [Fact]
    public void Task_variable_of_12_is_an_expression()
    {
        var document = Clean("version 1.2\ntask t {\n  command <<< echo ~{task.name} >>>\n  output { Int? rc = task.return_code }\n}\n");
        Assert.Equal("(. task return_code)", Show(document.Tasks[0].Output!.Declarations[0].Initializer!));
        Assert.Equal("(. task name)", Show(((Placeholder)document.Tasks[0].Command!.Parts[1]).Expression));
    }

    [Fact]
    public void Env_is_an_ordinary_name_when_no_type_follows()
    {
        var document = Clean("version 1.2\ntask t {\n  input { String env = \"x\" }\n  command <<< >>>\n}\n");
        var declaration = document.Tasks[0].Input!.Declarations[0];
        Assert.Equal("env", declaration.Name.Name);
        Assert.False(declaration.IsEnv);
    }

    [Fact]
    public void Sections_may_come_in_any_order_and_declarations_anywhere()
    {
        var document = Clean("""
            version 1.1
            task t {
              output { String o = "x" }
              Int a = 1
              command { echo }
              Int b = 2
              input { Int c }
            }
            """);
        var task = document.Tasks[0];
        Assert.Equal(new[] { "a", "b" }, task.Declarations.Select(d => d.Name.Name));
        Assert.NotNull(task.Input);
        Assert.NotNull(task.Output);
        Assert.NotNull(task.Command);
    }

    [Fact]
    public void Struct_typed_declarations_and_literals_in_tasks()
    {
        var document = Clean("version 1.1\ntask t {\n  input { Person? p\n Person q = Person { name: \"x\" } }\n  command <<< >>>\n}\n");
        var declarations = document.Tasks[0].Input!.Declarations;
        Assert.Equal("Person", declarations[0].Type.Name);
        Assert.True(declarations[0].Type.IsOptional);
        Assert.Equal("Person{name:\"x\"}", Show(declarations[1].Initializer!));
    }
}
