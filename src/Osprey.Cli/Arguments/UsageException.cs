namespace Osprey.Cli.Arguments;

/// <summary>
/// The command line itself is wrong (unknown option, missing value, bad file argument).
/// Reported as <c>osprey: MESSAGE</c> plus a pointer to help, exit code 2.
/// </summary>
public sealed class UsageException(string message, string? command = null) : Exception(message)
{
    /// <summary>The command whose help to point to; null for the top level.</summary>
    public string? Command { get; } = command;
}
