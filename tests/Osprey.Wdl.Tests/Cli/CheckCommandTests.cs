using System.Text.Json;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// <c>osprey check</c> end to end, in-process: real files in a temporary directory, the real
/// loader and checker.
/// </summary>
public class CheckCommandTests
{
    private const string Clean =
        """
        version 1.1

        task greet {
          input {
            String name
          }
          command <<<
            echo "hello ~{name}"
          >>>
          output {
            String out = read_string(stdout())
          }
        }

        workflow hello {
          input {
            String who = "world"
          }
          call greet { input: name = who }
          output {
            String message = greet.out
          }
        }
        """;

    private const string TypeError =
        """
        version 1.1

        workflow bad {
          Int x = [1, 2]
        }
        """;

    private static string Lines(string text) => text.Replace("\r", "");

    [Fact]
    public async Task A_clean_file_prints_nothing_on_stdout_and_exits_0()
    {
        using var dir = new TempDirectory();
        dir.Write("hello.wdl", Clean);

        var run = await CliRun.StartAsync(["check", "hello.wdl"], dir.Path);

        Assert.Equal("", run.Stdout);
        Assert.Equal("0 errors, 0 warnings in 1 file\n", Lines(run.Stderr));
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task A_type_error_is_printed_compiler_style_and_exits_1()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.wdl", TypeError);

        var run = await CliRun.StartAsync(["check", "bad.wdl"], dir.Path);

        Assert.Equal(1, run.ExitCode);
        string[] lines = Lines(run.Stdout).Split('\n');
        Assert.Matches(@"^bad\.wdl:4:\d+: error WDL\d{3}: \S.*$", lines[0]);
        Assert.Equal(" 4 |   Int x = [1, 2]", lines[1]);
        Assert.Matches(@"^   \| +\^~*$", lines[2]);
        Assert.Matches(@"^[1-9]\d* errors?, \d+ warnings? in 1 file\n$", Lines(run.Stderr));
    }

    [Fact]
    public async Task Warnings_alone_exit_0_and_strict_makes_them_errors()
    {
        using var dir = new TempDirectory();
        // String to Int is a coercion Cromwell tolerates: a warning unless --strict.
        dir.Write("lenient.wdl", "version 1.1\n\nworkflow lenient {\n  Int x = \"5\"\n}\n");

        var lenient = await CliRun.StartAsync(["check", "lenient.wdl"], dir.Path);
        var strict = await CliRun.StartAsync(["check", "--strict", "lenient.wdl"], dir.Path);

        Assert.Equal(0, lenient.ExitCode);
        Assert.Matches(@"^lenient\.wdl:4:\d+: warning WDL\d{3}: ", lenient.Stdout);
        Assert.Equal("0 errors, 1 warning in 1 file\n", Lines(lenient.Stderr));
        Assert.Equal(1, strict.ExitCode);
        Assert.Matches(@"^lenient\.wdl:4:\d+: error WDL\d{3}: ", strict.Stdout);
    }

    [Fact]
    public async Task Json_prints_one_array_over_all_files()
    {
        using var dir = new TempDirectory();
        dir.Write("bad.wdl", TypeError);
        dir.Write("hello.wdl", Clean);

        var run = await CliRun.StartAsync(["check", "--json", "hello.wdl", "bad.wdl"], dir.Path);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(items);
        var first = items[0];
        Assert.Equal("bad.wdl", first.GetProperty("file").GetString());
        Assert.Equal(4, first.GetProperty("line").GetInt32());
        Assert.True(first.GetProperty("column").GetInt32() >= 1);
        Assert.True(first.GetProperty("endColumn").GetInt32() > first.GetProperty("column").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.StartsWith("WDL", first.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(first.GetProperty("message").GetString()));
        Assert.Contains("in 2 files", run.Stderr);
    }

    [Fact]
    public async Task An_import_shared_by_several_roots_has_its_diagnostics_printed_once()
    {
        using var dir = new TempDirectory();
        dir.Write("lib.wdl", "version 1.1\n\ntask t {\n  Int x = true\n  command <<< >>>\n}\n");
        dir.Write("a.wdl", "version 1.1\n\nimport \"lib.wdl\"\n\nworkflow a {\n  call lib.t\n}\n");
        dir.Write("b.wdl", "version 1.1\n\nimport \"lib.wdl\"\n\nworkflow b {\n  call lib.t as u\n}\n");

        var one = await CliRun.StartAsync(["check", "a.wdl"], dir.Path);
        var two = await CliRun.StartAsync(["check", "a.wdl", "b.wdl"], dir.Path);

        static int LibHeaders(string stdout) => stdout.Split('\n').Count(l => l.StartsWith("lib.wdl:", StringComparison.Ordinal));
        Assert.Equal(1, one.ExitCode);
        Assert.Equal(1, two.ExitCode);
        Assert.True(LibHeaders(one.Stdout) >= 1);
        Assert.Equal(LibHeaders(one.Stdout), LibHeaders(two.Stdout));
    }

    [Fact]
    public async Task Path_adds_a_directory_for_relative_imports()
    {
        using var dir = new TempDirectory();
        dir.Write("libs/greet.wdl", "version 1.1\n\ntask greet {\n  command <<< echo hi >>>\n}\n");
        dir.Write("main.wdl", "version 1.1\n\nimport \"greet.wdl\"\n\nworkflow main {\n  call greet.greet\n}\n");

        var without = await CliRun.StartAsync(["check", "main.wdl"], dir.Path);
        var with = await CliRun.StartAsync(["check", "--path", "libs", "main.wdl"], dir.Path);

        Assert.Equal(1, without.ExitCode);
        Assert.Matches(@"(?m)^main\.wdl:3:\d+: error ", without.Stdout);
        Assert.Equal(0, with.ExitCode);
    }

    [Fact]
    public async Task An_http_import_is_downloaded_once_across_runs()
    {
        using var dir = new TempDirectory();
        await using var server = new LoopbackHttpServer(new Dictionary<string, string>
        {
            ["/greet.wdl"] = "version 1.1\n\ntask greet {\n  command <<< echo hi >>>\n}\n",
        });
        dir.Write("main.wdl", $"version 1.1\n\nimport \"{server.Url("/greet.wdl")}\"\n\nworkflow main {{\n  call greet.greet\n}}\n");
        var environment = new Dictionary<string, string> { ["XDG_CACHE_HOME"] = Path.Combine(dir.Path, "cache") };

        var first = await CliRun.StartAsync(["check", "main.wdl"], dir.Path, environment);
        var second = await CliRun.StartAsync(["check", "main.wdl"], dir.Path, environment);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(1, server.HitsFor("/greet.wdl"));
        Assert.Single(Directory.GetFiles(Path.Combine(dir.Path, "cache", "osprey", "imports")));
    }

    [Fact]
    public async Task A_missing_file_exits_2_with_a_plain_message()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.StartAsync(["check", "x.wdl"], dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("osprey: cannot read 'x.wdl': no such file\n", Lines(run.Stderr));
        Assert.DoesNotContain(" at ", run.Stderr);
    }

    [Fact]
    public async Task A_missing_file_among_good_ones_still_exits_2()
    {
        using var dir = new TempDirectory();
        dir.Write("hello.wdl", Clean);

        var run = await CliRun.StartAsync(["check", "hello.wdl", "missing.wdl"], dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("osprey: cannot read 'missing.wdl': no such file", run.Stderr);
        Assert.Contains("in 1 file", run.Stderr);
    }

    [Fact]
    public async Task A_directory_is_not_a_file()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "sub"));

        var run = await CliRun.StartAsync(["check", "sub"], dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("osprey: cannot read 'sub': is a directory", run.Stderr);
    }

    [Fact]
    public async Task A_missing_search_path_is_a_usage_error()
    {
        using var dir = new TempDirectory();

        var run = await CliRun.StartAsync(["check", "--path", "nowhere", "x.wdl"], dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("osprey: --path 'nowhere': no such directory", run.Stderr);
    }

    [Fact]
    public async Task No_file_is_a_usage_error()
    {
        var run = await CliRun.StartAsync("check", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("osprey: no FILE to check", run.Stderr);
    }
}
