namespace Osprey.Engine.State;

/// <summary>A new run, as submitted. It starts <see cref="RunStatus.Queued"/>.</summary>
/// <param name="EnginePid">The process running it, if one already does (the local CLI); see <see cref="RunEngineChanged"/>.</param>
public sealed record RunCreated(
    Guid RunId,
    string WorkflowName,
    string WdlPath,
    string InputsJson,
    string RunDirectory,
    DateTimeOffset At,
    int? EnginePid = null,
    string? EngineHost = null) : StoreWrite
{
    internal override void Validate()
    {
        Require(RunId != Guid.Empty, "a run needs an id");
        Require(!string.IsNullOrEmpty(WorkflowName), "a run needs a workflow name");
        Require(WdlPath is not null && InputsJson is not null && RunDirectory is not null, "a run needs a WDL path, inputs JSON and a run directory");
    }
}

/// <summary>The run moved to <paramref name="Status"/>; also appended to the run's events. Entering
/// a terminal status sets the end time; leaving one (a resumed run) clears it.</summary>
public sealed record RunStatusChanged(Guid RunId, RunStatus Status, DateTimeOffset At, string? Message = null) : StoreWrite;

/// <summary>Another engine process took the run over (a resume); also appended to the run's events.</summary>
public sealed record RunEngineChanged(Guid RunId, int EnginePid, string EngineHost, DateTimeOffset At) : StoreWrite;

/// <summary>A run as stored.</summary>
public sealed record StoredRun(
    Guid Id,
    string WorkflowName,
    string WdlPath,
    string InputsJson,
    string RunDirectory,
    RunStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? EnginePid,
    string? EngineHost)
{
    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;
}

/// <summary>A line of the run list: no inputs, so that listing stays cheap.</summary>
public sealed record RunSummary(
    Guid Id,
    string WorkflowName,
    RunStatus Status,
    string RunDirectory,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;
}
