namespace Osprey.Engine.State;

/// <summary>A call (one shard of it inside a scatter) became known to the run. Recording a call id
/// again (a resumed run) sets its status and work directory and keeps everything else, including
/// its creation time; another id for the same run, name and shard is refused by the store.</summary>
/// <param name="Name">The fully qualified call name, e.g. <c>wf.align</c>.</param>
public sealed record CallCreated(
    Guid CallId,
    Guid RunId,
    string Name,
    ShardIndex Shard,
    CallStatus Status,
    string? WorkDirectory,
    DateTimeOffset At) : StoreWrite
{
    internal override void Validate()
    {
        Require(CallId != Guid.Empty && RunId != Guid.Empty, "a call needs its id and its run's id");
        Require(!string.IsNullOrEmpty(Name), "a call needs a name");
    }
}

/// <summary>The call moved to <paramref name="Status"/>; also appended to the run's events. The
/// first change to running (or straight to an end) sets the start time; a terminal status sets the
/// end time, any other clears it.</summary>
public sealed record CallStatusChanged(Guid CallId, Guid RunId, CallStatus Status, DateTimeOffset At, string? Message = null) : StoreWrite;

/// <summary>What the call cache said for the call; <paramref name="SourceCallId"/> is the call whose
/// outputs a hit reuses.</summary>
public sealed record CallCacheResolved(Guid CallId, CacheResult Result, Guid? SourceCallId = null) : StoreWrite
{
    internal override void Validate() =>
        Require(Result == CacheResult.Hit || SourceCallId is null, "only a cache hit has a source call");
}

/// <summary>A call as stored.</summary>
/// <param name="Attempt">The current attempt's number; 0 before the first attempt.</param>
/// <param name="Cache">Null until the call cache was consulted.</param>
public sealed record StoredCall(
    Guid Id,
    Guid RunId,
    string Name,
    ShardIndex Shard,
    CallStatus Status,
    int Attempt,
    CacheResult? Cache,
    Guid? CacheSourceCallId,
    string? WorkDirectory,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;

    /// <summary><c>wf.align[3]</c>.</summary>
    public string DisplayName => Name + Shard;
}

/// <summary>A call still queued or running, with its current attempt (and so its job handle) if it has one.</summary>
public sealed record ActiveCall(StoredCall Call, StoredAttempt? Attempt);
