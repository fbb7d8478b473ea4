using Osprey.Cli.Arguments;

namespace Osprey.Wdl.Tests.Cli;

public class ArgumentReaderTests
{
    private static readonly OptionSpec[] Options =
    [
        new("--json", "json output"),
        new("--task", "task name", "NAME"),
        new("--path", "search path", "DIR", Repeatable: true),
    ];

    [Fact]
    public void Reads_flags_values_and_positionals_in_any_order()
    {
        var parsed = ArgumentReader.Read("check", ["a.wdl", "--json", "--path", "lib", "b.wdl", "--path=other", "--task=t"], Options);

        Assert.Equal(["a.wdl", "b.wdl"], parsed.Positionals);
        Assert.True(parsed.HasFlag("--json"));
        Assert.Equal(["lib", "other"], parsed.GetValues("--path"));
        Assert.Equal("t", parsed.GetValue("--task"));
        Assert.False(parsed.HelpRequested);
    }

    [Fact]
    public void Double_dash_ends_options()
    {
        var parsed = ArgumentReader.Read("check", ["--", "--json", "-x.wdl"], Options);

        Assert.Equal(["--json", "-x.wdl"], parsed.Positionals);
        Assert.False(parsed.HasFlag("--json"));
    }

    [Fact]
    public void Help_is_recognised_in_any_position()
    {
        Assert.True(ArgumentReader.Read("check", ["a.wdl", "-h"], Options).HelpRequested);
        Assert.True(ArgumentReader.Read("check", ["--help"], Options).HelpRequested);
    }

    [Theory]
    [InlineData(new[] { "--jsn" }, "unknown option '--jsn' for 'osprey check'")]
    [InlineData(new[] { "--task" }, "option '--task' needs a value: --task NAME")]
    [InlineData(new[] { "--task=" }, "option '--task' needs a non-empty value: --task NAME")]
    [InlineData(new[] { "--json=yes" }, "option '--json' takes no value")]
    [InlineData(new[] { "--task", "a", "--task", "b" }, "option '--task' given more than once")]
    public void Rejects_bad_arguments_with_a_message_naming_the_option(string[] args, string message)
    {
        var e = Assert.Throws<UsageException>(() => ArgumentReader.Read("check", args, Options));

        Assert.Equal(message, e.Message);
        Assert.Equal("check", e.Command);
    }
}
