using System.Text.Json;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>`osprey resume` in-process: what it refuses, and that finished calls are not run again.</summary>
public sealed class ResumeCommandTests
{
    private static string Workflow(string log, string fail) => $$"""
        version 1.1
        workflow wf {
          call step as first { input: x = 1 }
          call step as second { input: x = first.y }
          output { Int y = second.y }
        }
        task step {
          input { Int x }
          command <<<
            echo "~{x}" >> "{{log}}"
            if [ "~{x}" = 2 ] && [ -e "{{fail}}" ]; then exit 1; fi
            echo $(( ~{x} + 1 ))
          >>>
          output { Int y = read_int(stdout()) }
        }
        """;

    [Fact]
    public async Task Resuming_a_failed_run_runs_only_what_did_not_succeed_and_prints_the_outputs()
    {
        using var dir = new TempDirectory();
        string log = Path.Combine(dir.Path, "log");
        string fail = dir.Write("fail", "");
        dir.Write("wf.wdl", Workflow(log, fail));
        var environment = CliRun.TestEnvironment(Path.Combine(dir.Path, "data"));

        var run = await CliRun.StartAsync(["run", "wf.wdl", "--no-container", "--no-cache", "--dir", "out"], dir.Path, environment);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["1", "2"], File.ReadAllLines(log));

        File.Delete(fail);
        var resume = await CliRun.StartAsync(["resume", "out/", "--no-container"], dir.Path, environment);
        Assert.True(resume.ExitCode == 0, resume.Stderr);
        Assert.Equal(["1", "2", "2"], File.ReadAllLines(log));
        Assert.Contains("finished wf.first (done before the restart)", resume.Stderr);
        using var result = JsonDocument.Parse(resume.Stdout);
        Assert.Equal(3, result.RootElement.GetProperty("outputs").GetProperty("wf.y").GetInt32());
        Assert.Equal(run.Stderr.Split("run ")[1][..36], result.RootElement.GetProperty("id").GetString());
        Assert.False(File.Exists(Path.Combine(dir.Path, "out", "error.json")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "outputs.json")));

        var show = await CliRun.StartAsync(["show", "out", "--json"], dir.Path, environment);
        using var shown = JsonDocument.Parse(show.Stdout);
        Assert.Equal("succeeded", shown.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_run_whose_wdl_changed_is_not_resumed()
    {
        using var dir = new TempDirectory();
        string log = Path.Combine(dir.Path, "log");
        string fail = dir.Write("fail", "");
        dir.Write("wf.wdl", Workflow(log, fail));
        var environment = CliRun.TestEnvironment(Path.Combine(dir.Path, "data"));
        Assert.Equal(1, (await CliRun.StartAsync(["run", "wf.wdl", "--no-container", "--dir", "out"], dir.Path, environment)).ExitCode);

        dir.Write("wf.wdl", Workflow(log, fail).Replace("x = 1", "x = 5", StringComparison.Ordinal));
        var resume = await CliRun.StartAsync(["resume", "out", "--no-container"], dir.Path, environment);

        Assert.Equal(1, resume.ExitCode);
        Assert.Contains("changed since the run started", resume.Stderr);
        Assert.Equal(["1", "2"], File.ReadAllLines(log));
    }

    [Fact]
    public async Task An_unknown_run_is_a_clear_error()
    {
        using var dir = new TempDirectory();
        var resume = await CliRun.StartAsync(["resume", "nowhere"], dir.Path, CliRun.TestEnvironment(Path.Combine(dir.Path, "data")));
        Assert.Equal(1, resume.ExitCode);
        Assert.StartsWith("osprey: no run 'nowhere' in the run store", resume.Stderr);
    }
}
