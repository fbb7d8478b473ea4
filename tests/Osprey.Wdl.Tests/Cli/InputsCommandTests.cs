using System.Text.Json;

namespace Osprey.Wdl.Tests.Cli;

/// <summary><c>osprey inputs</c> end to end, in-process, through the real loader and checker.</summary>
public class InputsCommandTests
{
    private const string Workflow =
        """
        version 1.1

        task align {
          input {
            File reads
            Int threads = 4
            String? tag
          }
          command <<< echo ~{reads} ~{threads} >>>
        }

        workflow pipeline {
          meta {
            allowNestedInputs: true
          }
          input {
            String sample
            Int n = 2 + 3
            Array[File]? extra
          }
          call align
          call align as again { input: reads = sample }
        }
        """;

    private const string TwoTasks =
        """
        version 1.1

        task one {
          input {
            Int a
          }
          command <<< echo ~{a} >>>
        }

        task two {
          command <<< echo two >>>
        }
        """;

    private static Dictionary<string, string> Template(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [Fact]
    public async Task Workflow_template_has_required_then_optional_inputs_and_open_call_inputs()
    {
        using var dir = new TempDirectory();
        dir.Write("pipeline.wdl", Workflow);

        var run = await CliRun.StartAsync(["inputs", "pipeline.wdl"], dir.Path);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(
            [
                "pipeline.sample", "pipeline.align.reads",
                "pipeline.n", "pipeline.extra",
                "pipeline.align.threads", "pipeline.align.tag",
                "pipeline.again.threads", "pipeline.again.tag",
            ],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        var template = Template(run.Stdout);
        Assert.Equal("String", template["pipeline.sample"]);
        Assert.Equal("File", template["pipeline.align.reads"]);
        Assert.Equal("Int (optional, default = 2 + 3)", template["pipeline.n"]);
        Assert.Equal("Array[File]? (optional)", template["pipeline.extra"]);
        Assert.Equal("Int (optional, default = 4)", template["pipeline.align.threads"]);
        Assert.Equal("String? (optional)", template["pipeline.again.tag"]);
    }

    [Fact]
    public async Task Task_option_makes_the_template_for_that_task()
    {
        using var dir = new TempDirectory();
        dir.Write("pipeline.wdl", Workflow);

        var run = await CliRun.StartAsync(["inputs", "pipeline.wdl", "--task", "align"], dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["align.reads", "align.threads", "align.tag"], Template(run.Stdout).Keys);
    }

    [Fact]
    public async Task A_document_with_one_task_and_no_workflow_uses_the_task()
    {
        using var dir = new TempDirectory();
        dir.Write("one.wdl", "version 1.1\n\ntask solo {\n  input {\n    Int x\n  }\n  command <<< echo ~{x} >>>\n}\n");

        var run = await CliRun.StartAsync(["inputs", "one.wdl"], dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new Dictionary<string, string> { ["solo.x"] = "Int" }, Template(run.Stdout));
    }

    [Fact]
    public async Task Several_tasks_and_no_workflow_asks_for_task()
    {
        using var dir = new TempDirectory();
        dir.Write("two.wdl", TwoTasks);

        var run = await CliRun.StartAsync(["inputs", "two.wdl"], dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("osprey: 'two.wdl' has no workflow and 2 tasks; choose one with --task NAME (one, two)", run.Stderr);
    }

    [Fact]
    public async Task An_unknown_task_lists_the_tasks()
    {
        using var dir = new TempDirectory();
        dir.Write("two.wdl", TwoTasks);

        var run = await CliRun.StartAsync(["inputs", "two.wdl", "--task", "three"], dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("osprey: 'two.wdl' has no task named 'three'; its tasks: one, two", run.Stderr);
    }

    [Fact]
    public async Task A_document_with_errors_prints_diagnostics_and_no_template()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.wdl", "version 1.1\n\nworkflow bad {\n  input {\n    Int x = true\n  }\n}\n");

        var run = await CliRun.StartAsync(["inputs", "bad.wdl"], dir.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Matches(@"(?m)^bad\.wdl:5:\d+: error WDL\d{3}: ", run.Stderr);
    }

    [Fact]
    public async Task A_missing_file_exits_2()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.StartAsync(["inputs", "nope.wdl"], dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("osprey: cannot read 'nope.wdl': no such file\n", run.Stderr.Replace("\r", ""));
    }
}
