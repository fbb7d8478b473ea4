namespace Osprey.Engine.State;

public enum RunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Aborted,
}

public enum CallStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Aborted,
}

public enum AttemptStatus
{
    /// <summary>Recorded, the job not yet handed to the backend (or handed, its handle not yet known).</summary>
    Created,
    Submitted,
    Running,
    Succeeded,
    Failed,
    Aborted,
    /// <summary>Ended by the platform rather than by the command (e.g. a spot interruption).</summary>
    Preempted,
}

public enum CacheResult
{
    Disabled,
    Miss,
    Hit,
}

/// <summary>
/// The words stored for each status. Spelled out rather than taken from the enum names so that
/// renaming a member can never change what is on disk.
/// </summary>
internal static class StatusNames
{
    public static string Of(RunStatus status) => status switch
    {
        RunStatus.Queued => "queued",
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.Aborted => "aborted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(CallStatus status) => status switch
    {
        CallStatus.Queued => "queued",
        CallStatus.Running => "running",
        CallStatus.Succeeded => "succeeded",
        CallStatus.Failed => "failed",
        CallStatus.Aborted => "aborted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(AttemptStatus status) => status switch
    {
        AttemptStatus.Created => "created",
        AttemptStatus.Submitted => "submitted",
        AttemptStatus.Running => "running",
        AttemptStatus.Succeeded => "succeeded",
        AttemptStatus.Failed => "failed",
        AttemptStatus.Aborted => "aborted",
        AttemptStatus.Preempted => "preempted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(CacheResult result) => result switch
    {
        CacheResult.Disabled => "disabled",
        CacheResult.Miss => "miss",
        CacheResult.Hit => "hit",
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    public static RunStatus RunStatusOf(string text) => text switch
    {
        "queued" => RunStatus.Queued,
        "running" => RunStatus.Running,
        "succeeded" => RunStatus.Succeeded,
        "failed" => RunStatus.Failed,
        "aborted" => RunStatus.Aborted,
        _ => throw new RunStoreException($"unknown status '{text}' in the store"),
    };

    public static CallStatus CallStatusOf(string text) => text switch
    {
        "queued" => CallStatus.Queued,
        "running" => CallStatus.Running,
        "succeeded" => CallStatus.Succeeded,
        "failed" => CallStatus.Failed,
        "aborted" => CallStatus.Aborted,
        _ => throw new RunStoreException($"unknown call status '{text}' in the store"),
    };

    public static AttemptStatus AttemptStatusOf(string text) => text switch
    {
        "created" => AttemptStatus.Created,
        "submitted" => AttemptStatus.Submitted,
        "running" => AttemptStatus.Running,
        "succeeded" => AttemptStatus.Succeeded,
        "failed" => AttemptStatus.Failed,
        "aborted" => AttemptStatus.Aborted,
        "preempted" => AttemptStatus.Preempted,
        _ => throw new RunStoreException($"unknown attempt status '{text}' in the store"),
    };

    public static CacheResult CacheResultOf(string text) => text switch
    {
        "disabled" => CacheResult.Disabled,
        "miss" => CacheResult.Miss,
        "hit" => CacheResult.Hit,
        _ => throw new RunStoreException($"unknown cache result '{text}' in the store"),
    };

    public static bool IsTerminal(RunStatus status) => status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Aborted;

    public static bool IsTerminal(CallStatus status) => status is CallStatus.Succeeded or CallStatus.Failed or CallStatus.Aborted;

    public static bool IsTerminal(AttemptStatus status) => status is AttemptStatus.Succeeded or AttemptStatus.Failed or AttemptStatus.Aborted or AttemptStatus.Preempted;
}
