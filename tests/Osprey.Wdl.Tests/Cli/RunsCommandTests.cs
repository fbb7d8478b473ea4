using System.Text.RegularExpressions;
using System.Text.Json;

namespace Osprey.Wdl.Tests.Cli;

/// <summary><c>osprey runs</c> over a store written through the store's API.</summary>
public class RunsCommandTests
{
    /// <summary>A table's lines as cells (columns are two or more spaces apart; no cell here has two spaces).</summary>
    internal static List<string[]> Rows(string stdout) =>
        stdout.Replace("\r", "").TrimEnd('\n').Split('\n').Select(line => Regex.Split(line, " {2,}")).ToList();

    [Fact]
    public async Task Lists_runs_newest_first_with_short_ids_local_start_times_and_durations()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await sample.StartAsync("runs");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Equal(
            [
                ["ID", "WORKFLOW", "STATUS", "START", "DURATION", "DIR"],
                ["5f00aaaa", "other_wf", "running", SampleRunStore.Local(SampleRunStore.At(201)), "-", sample.RunDirectory("running")],
                ["0abc2222", "wf", "failed", SampleRunStore.Local(SampleRunStore.At(100.5)), "2.3s", sample.RunDirectory("failing")],
                ["0abc1111", "wf", "succeeded", SampleRunStore.Local(SampleRunStore.At(1)), "1m 05s", sample.RunDirectory("scatter")],
            ],
            Rows(run.Stdout));
        Assert.DoesNotContain(" \n", run.Stdout);
    }

    [Fact]
    public async Task Limit_shows_the_newest_runs_and_says_there_are_more()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await sample.StartAsync("runs", "--limit", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["ID", "5f00aaaa", "0abc2222"], Rows(run.Stdout).Select(r => r[0]));
        Assert.Equal("the 2 newest runs; --limit N shows more\n", run.Stderr.Replace("\r", ""));

        var all = await sample.StartAsync("runs", "--limit=3");
        Assert.Equal(4, Rows(all.Stdout).Count);
        Assert.Empty(all.Stderr);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("ten")]
    public async Task Limit_must_be_a_positive_number(string limit)
    {
        using var sample = await SampleRunStore.CreateAsync(empty: true);

        var run = await sample.StartAsync("runs", $"--limit={limit}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--limit needs a positive whole number, not '{limit}'", run.Stderr);
    }

    [Fact]
    public async Task Json_has_full_ids_iso_times_and_seconds()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await sample.StartAsync("runs", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var runs = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([SampleRunStore.Running.ToString(), SampleRunStore.Failing.ToString(), SampleRunStore.Scatter.ToString()],
            runs.Select(r => r.GetProperty("id").GetString()));

        var scatter = runs[2];
        Assert.Equal(["id", "workflow", "status", "submitted", "started", "ended", "durationSeconds", "dir"],
            scatter.EnumerateObject().Select(p => p.Name));
        Assert.Equal("wf", scatter.GetProperty("workflow").GetString());
        Assert.Equal("succeeded", scatter.GetProperty("status").GetString());
        Assert.Equal(SampleRunStore.At(0), scatter.GetProperty("submitted").GetDateTimeOffset());
        Assert.Equal(SampleRunStore.At(1), scatter.GetProperty("started").GetDateTimeOffset());
        Assert.Equal(SampleRunStore.At(66), scatter.GetProperty("ended").GetDateTimeOffset());
        Assert.Equal(65.0, scatter.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(sample.RunDirectory("scatter"), scatter.GetProperty("dir").GetString());
        Assert.Matches(@"^2026-03-14T09:26:53(\.0+)?\+00:00$", scatter.GetProperty("submitted").GetString());

        var running = runs[0];
        Assert.Equal(JsonValueKind.Null, running.GetProperty("ended").ValueKind);
        Assert.Equal(JsonValueKind.Null, running.GetProperty("durationSeconds").ValueKind);
        Assert.Equal(2.3, runs[1].GetProperty("durationSeconds").GetDouble(), 6);
    }

    [Fact]
    public async Task An_empty_store_says_so_and_succeeds()
    {
        using var sample = await SampleRunStore.CreateAsync(empty: true);

        var text = await sample.StartAsync("runs");
        var json = await sample.StartAsync("runs", "--json");

        Assert.Equal((0, ""), (text.ExitCode, text.Stdout));
        Assert.Contains("no runs yet", text.Stderr);
        Assert.Equal((0, "[]\n", ""), (json.ExitCode, json.Stdout.Replace("\r", ""), json.Stderr));
    }

    [Fact]
    public async Task Runs_takes_no_arguments_and_has_help()
    {
        var extra = await CliRun.StartAsync("runs", "abc");
        var help = await CliRun.StartAsync("help", "runs");
        var general = await CliRun.StartAsync("--help");

        Assert.Equal(2, extra.ExitCode);
        Assert.StartsWith("Usage: osprey runs [--limit N] [--json]", help.Stdout);
        Assert.Contains("--limit N", help.Stdout);
        Assert.Matches(@"\n  runs +List recent runs", general.Stdout);
        Assert.Matches(@"\n  show +Show a run's status", general.Stdout);
    }
}
