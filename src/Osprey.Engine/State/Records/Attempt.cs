using System.Globalization;

namespace Osprey.Engine.State;

/// <summary>
/// How to find a backend's job again after a restart. <see cref="JobId"/> is what the backend
/// calls it (local: the process id; Slurm: the job id; AWS Batch: the job id); <see cref="Detail"/>
/// is whatever else that backend needs (local: the path of the file the return code is written to).
/// </summary>
public sealed record JobHandle(string Backend, string JobId, string? Detail = null)
{
    public const string LocalBackend = "local";

    public static JobHandle Local(int pid, string returnCodeFile) =>
        new(LocalBackend, pid.ToString(CultureInfo.InvariantCulture), returnCodeFile);
}

/// <summary>
/// An attempt of a call, recorded before its job can start; becomes the call's current attempt.
/// <paramref name="Job"/> may be null when the handle is only known once the job is submitted; then
/// <see cref="AttemptJobAssigned"/> records it (still before the job is released to run).
/// </summary>
public sealed record AttemptCreated(
    Guid CallId,
    int Attempt,
    JobHandle? Job,
    string? StdoutPath,
    string? StderrPath,
    DateTimeOffset At) : StoreWrite
{
    internal override void Validate()
    {
        Require(CallId != Guid.Empty, "an attempt needs its call's id");
        Require(Attempt >= 1, "attempts are numbered from 1");
    }
}

public sealed record AttemptJobAssigned(Guid CallId, int Attempt, JobHandle Job) : StoreWrite;

/// <summary>The attempt's job exists and is running: <see cref="AttemptJobAssigned"/> and a change to
/// running in one write (one statement), as a local job is both at once.</summary>
public sealed record AttemptStarted(Guid CallId, int Attempt, JobHandle Job, DateTimeOffset At) : StoreWrite;

/// <summary>The attempt moved to <paramref name="Status"/>: running sets the start time, a terminal
/// status the end time and, when given, the exit code.</summary>
public sealed record AttemptStatusChanged(Guid CallId, int Attempt, AttemptStatus Status, DateTimeOffset At, int? ExitCode = null) : StoreWrite;

/// <summary>An attempt as stored.</summary>
public sealed record StoredAttempt(
    Guid CallId,
    int Attempt,
    AttemptStatus Status,
    JobHandle? Job,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? ExitCode,
    string? StdoutPath,
    string? StderrPath)
{
    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;
}
