using Osprey.Cli.Arguments;

namespace Osprey.Cli.Commands;

/// <summary>
/// One <c>osprey</c> subcommand. Each command describes its own options and help; the top
/// level (<see cref="OspreyCli"/>) only finds the command by name and hands it the arguments.
/// </summary>
public interface ICommand
{
    string Name { get; }

    /// <summary>One line for the command list in <c>osprey --help</c>.</summary>
    string Summary { get; }

    /// <summary>The synopsis, e.g. <c>osprey check [options] FILE...</c>.</summary>
    string Usage { get; }

    /// <summary>Paragraphs shown after the synopsis in <c>osprey help NAME</c>.</summary>
    string Description { get; }

    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs the command and returns the process exit code. Throws <see cref="UsageException"/> for bad arguments.</summary>
    Task<int> RunAsync(ParsedArguments arguments, CliContext context);
}
