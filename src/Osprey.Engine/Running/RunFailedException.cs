namespace Osprey.Engine.Running;

/// <summary>
/// A run failed. <see cref="CallName"/>, <see cref="ExitCode"/> and <see cref="StderrPath"/> are
/// set when a task call failed; otherwise the message names the declaration and position.
/// </summary>
public sealed class RunFailedException(string message, string? callName = null, int? exitCode = null, string? stderrPath = null, Exception? inner = null)
    : Exception(message, inner)
{
    public string? CallName { get; } = callName;

    public int? ExitCode { get; } = exitCode;

    public string? StderrPath { get; } = stderrPath;
}
