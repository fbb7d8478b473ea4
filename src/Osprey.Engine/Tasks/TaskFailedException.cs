namespace Osprey.Engine.Tasks;

/// <summary>
/// A call failed: its command exited with a code not accepted, or its outputs could not be
/// collected. Carries what a person needs to look: the call, the exit code and the stderr file.
/// </summary>
public sealed class TaskFailedException(string callName, string message, int? exitCode = null, string? stderrPath = null, string? directory = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string CallName { get; } = callName;

    public int? ExitCode { get; } = exitCode;

    public string? StderrPath { get; } = stderrPath;

    public string? Directory { get; } = directory;
}
