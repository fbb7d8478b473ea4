using Osprey.Engine.State;
using Osprey.Engine.Values;

namespace Osprey.Engine.Recording;

/// <summary>
/// What one engine process records of one run in the store. A new run starts with nothing known;
/// a resumed one starts with the calls an earlier engine recorded, so that each call keeps its
/// id and a call that already succeeded is not run again.
/// </summary>
public sealed class RunJournal
{
    private readonly Dictionary<(string Name, ShardIndex Shard), StoredCall> _earlier;
    private readonly Dictionary<Guid, Dictionary<string, string>> _earlierOutputs;

    private RunJournal(IRunStore store, Guid runId, Dictionary<(string, ShardIndex), StoredCall> earlier, Dictionary<Guid, Dictionary<string, string>> earlierOutputs)
    {
        Store = store;
        RunId = runId;
        _earlier = earlier;
        _earlierOutputs = earlierOutputs;
    }

    public IRunStore Store { get; }

    public Guid RunId { get; }

    public static RunJournal ForNewRun(IRunStore store, Guid runId) => new(store, runId, [], []);

    /// <summary>The journal of a run an earlier engine started, with what it recorded.</summary>
    public static async Task<RunJournal> ForResumeAsync(IRunStore store, Guid runId, CancellationToken cancellationToken)
    {
        var calls = await store.GetCallsAsync(runId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var outputs = await store.GetOutputsAsync(runId, cancellationToken).ConfigureAwait(false);
        var earlier = calls.ToDictionary(c => (c.Name, c.Shard));
        var succeeded = calls.Where(c => c.Status == CallStatus.Succeeded).Select(c => c.Id).ToHashSet();
        var earlierOutputs = new Dictionary<Guid, Dictionary<string, string>>();
        foreach (var output in outputs)
        {
            if (output.CallId is not { } callId || !succeeded.Contains(callId)) continue;
            if (!earlierOutputs.TryGetValue(callId, out var values)) earlierOutputs[callId] = values = new(StringComparer.Ordinal);
            values[output.Name] = output.ValueJson;
        }
        // A call recorded as succeeded always has its outputs recorded in the same flush; one
        // without outputs (a task with no output section) still succeeded.
        foreach (var id in succeeded) earlierOutputs.TryAdd(id, new(StringComparer.Ordinal));
        return new RunJournal(store, runId, earlier, earlierOutputs);
    }

    /// <summary>Records a new run, as this engine process starts it, with its <see cref="SourceDigest"/>.</summary>
    public void RunCreated(string targetName, string wdlPath, string inputsJson, string runDirectory, string sourceDigest)
    {
        var now = DateTimeOffset.UtcNow;
        Store.Enqueue(new RunCreated(RunId, targetName, wdlPath, inputsJson, runDirectory, now, Environment.ProcessId, Environment.MachineName));
        Store.Enqueue(new EventRecorded(RunId, null, now, SourceDigest.EventKind, sourceDigest));
    }

    /// <summary>The source digest the run recorded when it started (null for a run recorded without one).</summary>
    public static async Task<string?> RecordedSourceDigestAsync(IRunStore store, Guid runId, CancellationToken cancellationToken)
    {
        var events = await store.GetEventsAsync(runId, cancellationToken).ConfigureAwait(false);
        return events.LastOrDefault(e => e.Kind == SourceDigest.EventKind)?.Message;
    }

    /// <summary>This engine process takes over a run another one started (a resume).</summary>
    public void EngineTookOver() =>
        Store.Enqueue(new RunEngineChanged(RunId, Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow));

    public void RunRunning() => Store.Enqueue(new RunStatusChanged(RunId, RunStatus.Running, DateTimeOffset.UtcNow));

    /// <summary>Records how the run ended (and the workflow's outputs when it succeeded), and returns once that is durable.</summary>
    public Task RunEndedAsync(RunStatus status, string? message, IEnumerable<KeyValuePair<string, WdlValue>> outputs)
    {
        foreach (var (name, value) in outputs) Store.Enqueue(new OutputRecorded(RunId, null, name, ValueJson.Serialize(value)));
        Store.Enqueue(new RunStatusChanged(RunId, status, DateTimeOffset.UtcNow, message));
        return Store.FlushAsync(CancellationToken.None);
    }

    /// <summary>The record of a call, the one an earlier engine made for the same name and shard if there is one.</summary>
    public CallRecord Call(string name, ShardIndex shard, string workDirectory)
    {
        if (_earlier.TryGetValue((name, shard), out var earlier))
            return new CallRecord(this, earlier.Id, name, shard, workDirectory, earlier, _earlierOutputs.GetValueOrDefault(earlier.Id));
        return new CallRecord(this, Guid.NewGuid(), name, shard, workDirectory, null, null);
    }
}
