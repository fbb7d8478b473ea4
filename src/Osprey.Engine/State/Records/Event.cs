namespace Osprey.Engine.State;

/// <summary>A line of a run's history (status changes are recorded as events by their own writes).</summary>
public sealed record EventRecorded(Guid RunId, Guid? CallId, DateTimeOffset At, string Kind, string? Message = null) : StoreWrite
{
    internal override void Validate() =>
        Require(RunId != Guid.Empty && !string.IsNullOrEmpty(Kind), "an event needs its run's id and a kind");
}

public sealed record StoredEvent(long Id, Guid RunId, Guid? CallId, DateTimeOffset At, string Kind, string? Message);

/// <summary>The kinds of event the store itself writes.</summary>
public static class EventKinds
{
    /// <summary>A run's or call's status changed; the message is the new status.</summary>
    public const string Status = "status";

    /// <summary>An engine process took the run (message: <c>pid N on HOST</c>).</summary>
    public const string Engine = "engine";
}
