namespace Osprey.Cli.Commands;

/// <summary>
/// A command could not do its work for a reason that is not the command line's fault (the run
/// store cannot be opened, the named run does not exist). Reported as <c>osprey: MESSAGE</c>,
/// exit code 1, without a usage hint.
/// </summary>
public sealed class CommandFailedException(string message) : Exception(message);
