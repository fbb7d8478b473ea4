using Osprey.Engine.Caching;

namespace Osprey.Engine.State;

/// <summary>
/// The durable record of runs: every run, call, attempt, status change and output, plus the call
/// cache and the file digest memo.
/// <para>Writes are enqueued (never blocking) and committed in the background in batched
/// transactions by one writer, in enqueue order. <see cref="FlushAsync"/> returns once everything
/// enqueued before it is durable: the engine makes a transition visible (a call "succeeded") only
/// after flushing the writes that back it.</para>
/// <para>Queries read committed data only: flush first to see one's own recent writes.</para>
/// </summary>
public interface IRunStore : IAsyncDisposable
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    string Provider { get; }

    /// <summary>Queues <paramref name="write"/> for the writer and returns at once. Throws
    /// <see cref="ArgumentException"/> for a write that could never be stored.</summary>
    void Enqueue(StoreWrite write);

    /// <summary>Completes when every write enqueued before this call is committed or given up; throws
    /// <see cref="StoreWriteException"/> if a write enqueued after the previous flush (by any caller)
    /// and before this one could not be stored. Losses before the previous flush were that flush's
    /// to report: they do not fail this one.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);

    WriterStatistics WriterStatistics { get; }

    /// <summary>Runs, newest submitted first.</summary>
    Task<IReadOnlyList<RunSummary>> ListRunsAsync(int limit, CancellationToken cancellationToken = default);

    Task<StoredRun?> FindRunAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Runs whose id starts with <paramref name="hexPrefix"/> (1 to 32 hex digits of the id
    /// without dashes, any case), newest submitted first, at most <paramref name="limit"/>: a unique
    /// prefix names a run on the command line.</summary>
    Task<IReadOnlyList<RunSummary>> FindRunsByIdPrefixAsync(string hexPrefix, int limit, CancellationToken cancellationToken = default);

    /// <summary>The newest run whose run directory is exactly <paramref name="runDirectory"/> (the
    /// caller normalizes the path the same way as when it recorded the run).</summary>
    Task<StoredRun?> FindRunByDirectoryAsync(string runDirectory, CancellationToken cancellationToken = default);

    /// <summary>A run's calls in the order they were created, optionally only those with <paramref name="status"/>
    /// (resume asks for <see cref="CallStatus.Succeeded"/>).</summary>
    Task<IReadOnlyList<StoredCall>> GetCallsAsync(Guid runId, CallStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>A run's queued and running calls with their current attempt and its job handle, for
    /// a restarted engine to reattach to.</summary>
    Task<IReadOnlyList<ActiveCall>> GetActiveCallsAsync(Guid runId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredAttempt>> GetAttemptsAsync(Guid callId, CancellationToken cancellationToken = default);

    /// <summary>Every attempt of every call of a run in one query, by call in creation order, then by
    /// attempt number (for showing a run without one query per call).</summary>
    Task<IReadOnlyList<StoredAttempt>> GetRunAttemptsAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>All outputs of a run: its calls' (with <see cref="StoredOutput.CallId"/>) and the workflow's (without).</summary>
    Task<IReadOnlyList<StoredOutput>> GetOutputsAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>A run's events, oldest first.</summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsAsync(Guid runId, CancellationToken cancellationToken = default);

    Task<StoredCall?> FindCallAsync(Guid callId, CancellationToken cancellationToken = default);

    /// <summary>The cache entry a call wrote when it succeeded (none for a call that failed, hit, or ran with writing off).</summary>
    Task<CacheEntry?> FindCacheEntryBySourceCallAsync(Guid callId, CancellationToken cancellationToken = default);

    /// <summary>The cache entry with exactly this key hash (hex; case does not matter).</summary>
    Task<CacheEntry?> FindCacheEntryAsync(string keyHash, CancellationToken cancellationToken = default);

    /// <summary>The newest entries of a task created before <paramref name="before"/> (if given), for
    /// explaining a miss. With <paramref name="taskDigest"/> null, entries of any version of the task.</summary>
    Task<IReadOnlyList<CacheEntry>> FindNearestCacheEntriesAsync(
        string taskName, string? taskDigest, DateTimeOffset? before, int limit, CancellationToken cancellationToken = default);

    /// <summary>The digest recorded for the file at <paramref name="path"/> in <paramref name="mode"/>, if it
    /// was recorded with exactly <paramref name="identity"/> (every field equal), else null.</summary>
    Task<string?> FindFileDigestAsync(string path, FileIdentity identity, DigestMode mode, CancellationToken cancellationToken = default);
}
