using Osprey.Engine.State;

namespace Osprey.Engine.Tasks;

/// <summary>
/// Everything a backend needs to run one attempt of a task: where its files go, the script to
/// run, the image (if any), the resources it asked for, the input paths to expose read-only, and
/// its environment. Backends run <see cref="ScriptPath"/> with the working directory as current
/// directory, stdout/stderr into their files, and leave the exit code in <see cref="ReturnCodePath"/>;
/// they call <see cref="Started"/> once the attempt has its resources and is about to start, and
/// <see cref="JobStarted"/> with the job's handle once the job exists.
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
    Action? Started = null,
    Action<JobHandle>? JobStarted = null);

/// <summary>Runs task attempts somewhere: local processes, containers, later Slurm or AWS Batch.</summary>
public interface ITaskBackend
{
    /// <summary>Runs the attempt to completion and returns its exit code.</summary>
    Task<int> ExecuteAsync(TaskAttemptSpec attempt, CancellationToken cancellationToken);

    /// <summary>
    /// Finds an attempt an engine that has since died started, and waits for it: its exit code,
    /// or null when it never ran its command or was killed before it could leave one (then it
    /// is certainly not running any more, and the call may run again).
    /// </summary>
    Task<int?> ReattachAsync(TaskAttemptSpec attempt, CancellationToken cancellationToken);
}
