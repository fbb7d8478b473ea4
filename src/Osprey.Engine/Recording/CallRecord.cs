using Osprey.Engine.State;
using Osprey.Engine.Values;

namespace Osprey.Engine.Recording;

/// <summary>
/// The store's record of one task call (one shard of it inside a scatter): its status, its
/// attempts and their jobs, what the call cache said, and its outputs. Writes are queued; only
/// <see cref="SucceededAsync"/> waits, because the run may use a call's outputs only once they
/// are durable (otherwise a crash could leave later calls built on outputs the store never saw).
/// </summary>
public sealed class CallRecord
{
    private readonly RunJournal _journal;
    private bool _running;

    internal CallRecord(RunJournal journal, Guid id, string name, ShardIndex shard, string workDirectory, StoredCall? earlier,
        IReadOnlyDictionary<string, string>? earlierOutputs)
    {
        _journal = journal;
        Id = id;
        Name = name;
        Shard = shard;
        WorkDirectory = workDirectory;
        Earlier = earlier;
        EarlierOutputs = earlierOutputs;
    }

    public Guid Id { get; }

    public string Name { get; }

    public ShardIndex Shard { get; }

    public string WorkDirectory { get; }

    /// <summary>The call as an earlier engine left it (a resumed run), else null.</summary>
    public StoredCall? Earlier { get; }

    /// <summary>Outputs (name → JSON) of a call that already succeeded under an earlier engine: it is not run again.</summary>
    public IReadOnlyDictionary<string, string>? EarlierOutputs { get; }

    /// <summary>An earlier engine was running this call when it stopped: its last attempt may still be running or have finished.</summary>
    public bool WasActive => Earlier is { Status: CallStatus.Queued or CallStatus.Running };

    private IRunStore Store => _journal.Store;

    public void Queued()
    {
        var now = DateTimeOffset.UtcNow;
        if (Earlier is null) Store.Enqueue(new CallCreated(Id, _journal.RunId, Name, Shard, CallStatus.Queued, WorkDirectory, now));
        else if (Earlier.Status != CallStatus.Queued) Store.Enqueue(new CallStatusChanged(Id, _journal.RunId, CallStatus.Queued, now, "resumed"));
    }

    public void AttemptCreated(int attempt, string stdoutPath, string stderrPath) =>
        Store.Enqueue(new AttemptCreated(Id, attempt, null, stdoutPath, stderrPath, DateTimeOffset.UtcNow));

    /// <summary>The attempt's job exists (a local process, a container) and is about to run the command.</summary>
    public void JobStarted(int attempt, JobHandle job)
    {
        var now = DateTimeOffset.UtcNow;
        Store.Enqueue(new AttemptStarted(Id, attempt, job, now));
        Running(now);
    }

    /// <summary>A job left running by an earlier engine is being waited for again.</summary>
    public void Reattached(int attempt)
    {
        var now = DateTimeOffset.UtcNow;
        Store.Enqueue(new EventRecorded(_journal.RunId, Id, now, "reattach", $"waiting for attempt {attempt} started by an earlier engine"));
        Running(now);
    }

    public void AttemptEnded(int attempt, AttemptStatus status, int? exitCode) =>
        Store.Enqueue(new AttemptStatusChanged(Id, attempt, status, DateTimeOffset.UtcNow, exitCode));

    /// <summary>The call's outputs came from the call cache.</summary>
    public bool CacheHit { get; private set; }

    public void CacheResolved(CacheResult result, Guid? sourceCallId = null)
    {
        CacheHit = result == CacheResult.Hit;
        Store.Enqueue(new CallCacheResolved(Id, result, sourceCallId));
    }

    /// <summary>Records the outputs and the success, and returns once both are durable.</summary>
    public Task SucceededAsync(WdlObject outputs, CancellationToken cancellationToken)
    {
        foreach (var name in outputs.MemberNames)
            if (outputs.TryGetMember(name, out var value))
                Store.Enqueue(new OutputRecorded(_journal.RunId, Id, name, ValueJson.Serialize(value)));
        Store.Enqueue(new CallStatusChanged(Id, _journal.RunId, CallStatus.Succeeded, DateTimeOffset.UtcNow));
        return Store.FlushAsync(cancellationToken);
    }

    public void Failed(string message, bool aborted) =>
        Store.Enqueue(new CallStatusChanged(Id, _journal.RunId, aborted ? CallStatus.Aborted : CallStatus.Failed, DateTimeOffset.UtcNow, message));

    private void Running(DateTimeOffset now)
    {
        if (_running) return;
        _running = true;
        Store.Enqueue(new CallStatusChanged(Id, _journal.RunId, CallStatus.Running, now));
    }
}
