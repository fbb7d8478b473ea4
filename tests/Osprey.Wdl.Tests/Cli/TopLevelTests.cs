namespace Osprey.Wdl.Tests.Cli;

public class TopLevelTests
{
    [Fact]
    public async Task Version_prints_name_and_version()
    {
        var run = await CliRun.StartAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^osprey \d+\.\d+\.\d+\n$", run.Stdout.Replace("\r", ""));
        Assert.Empty(run.Stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_lists_the_commands(string flag)
    {
        var run = await CliRun.StartAsync(flag);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage: osprey COMMAND", run.Stdout);
        Assert.Contains("check", run.Stdout);
        Assert.Contains("inputs", run.Stdout);
    }

    [Theory]
    [InlineData("check", "--strict")]
    [InlineData("inputs", "--task NAME")]
    public async Task Help_for_a_command_shows_its_usage_and_options(string command, string option)
    {
        var viaHelp = await CliRun.StartAsync("help", command);
        var viaFlag = await CliRun.StartAsync(command, "--help");

        Assert.Equal(0, viaHelp.ExitCode);
        Assert.StartsWith($"Usage: osprey {command} ", viaHelp.Stdout);
        Assert.Contains(option, viaHelp.Stdout);
        Assert.Equal(viaHelp.Stdout, viaFlag.Stdout);
    }

    [Fact]
    public async Task No_arguments_prints_usage_on_stderr_and_exits_2()
    {
        var run = await CliRun.StartAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("Usage: osprey COMMAND", run.Stderr);
    }

    [Fact]
    public async Task Unknown_command_suggests_the_nearest_and_exits_2()
    {
        var run = await CliRun.StartAsync("chekc", "x.wdl");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal("osprey: unknown command 'chekc'; did you mean 'check'?\nRun 'osprey --help' for usage.\n", run.Stderr.Replace("\r", ""));
    }

    [Fact]
    public async Task Unknown_top_level_option_exits_2()
    {
        var run = await CliRun.StartAsync("--frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("osprey: unknown option '--frobnicate'", run.Stderr);
        Assert.Contains("osprey --help", run.Stderr);
    }

    [Fact]
    public async Task Unknown_command_option_points_to_the_command_help()
    {
        var run = await CliRun.StartAsync("check", "--jsonn", "a.wdl");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("osprey: unknown option '--jsonn' for 'osprey check'\nRun 'osprey help check' for usage.\n", run.Stderr.Replace("\r", ""));
    }

    [Fact]
    public async Task Help_for_an_unknown_command_exits_2()
    {
        var run = await CliRun.StartAsync("help", "nonsense");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown command 'nonsense'", run.Stderr);
    }
}
