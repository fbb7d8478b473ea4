namespace Osprey.Engine.Tasks;

/// <summary>
/// Everything a backend needs to run one attempt of a task: where its files go, the script to
/// run, the image (if any), the resources it asked for, the input paths to expose read-only, and
/// its environment. Backends run <see cref="ScriptPath"/> with the working directory as current
/// directory, stdout/stderr into their files, and leave the exit code in <see cref="ReturnCodePath"/>;
/// they call <see cref="Started"/> once the attempt has its resources and is about to start.
/// </summary>
public sealed record TaskAttemptSpec(
    string CallName,
    string AttemptDirectory,
    string WorkDirectory,
    string ScriptPath,
    string StdoutPath,
    string StderrPath,
    string ReturnCodePath,
    string? ContainerImage,
    double Cpu,
    long MemoryBytes,
    IReadOnlyList<string> InputPaths,
    IReadOnlyDictionary<string, string> Environment,
    Action? Started = null);

/// <summary>Runs task attempts somewhere: local processes, containers, later Slurm or AWS Batch.</summary>
public interface ITaskBackend
{
    /// <summary>Runs the attempt to completion and returns its exit code.</summary>
    Task<int> ExecuteAsync(TaskAttemptSpec attempt, CancellationToken cancellationToken);
}
