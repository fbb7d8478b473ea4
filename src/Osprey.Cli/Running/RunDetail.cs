using Osprey.Cli.Rendering;
using Osprey.Engine.State;

namespace Osprey.Cli.Running;

/// <summary>
/// Everything <c>osprey show</c> prints about a run, read with a fixed number of queries however
/// many calls the run has (a 10,000-shard scatter is one query for calls, one for attempts).
/// </summary>
/// <param name="Messages">Why a failed or aborted call (by call id) or the run itself (by the run's id)
/// ended, from its last status event.</param>
public sealed record RunDetail(
    StoredRun Run,
    IReadOnlyList<StoredCall> Calls,
    ILookup<Guid, StoredAttempt> Attempts,
    IReadOnlyDictionary<Guid, string> Messages,
    IReadOnlyList<StoredOutput> WorkflowOutputs)
{
    public static async Task<RunDetail> LoadAsync(IRunStore store, StoredRun run, CancellationToken cancellationToken)
    {
        var calls = await store.GetCallsAsync(run.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        var attempts = (await store.GetRunAttemptsAsync(run.Id, cancellationToken).ConfigureAwait(false)).ToLookup(a => a.CallId);
        var outputs = (await store.GetOutputsAsync(run.Id, cancellationToken).ConfigureAwait(false)).Where(o => o.CallId is null).ToList();

        // Events are only read when something ended badly: a large successful run has many of them
        // and none is shown.
        var messages = new Dictionary<Guid, string>();
        bool anyFailure = IsFailure(run.Status) || calls.Any(c => IsFailure(c.Status));
        if (anyFailure)
        {
            var failed = calls.Where(c => IsFailure(c.Status)).ToDictionary(c => c.Id, c => c.Status);
            var last = new Dictionary<Guid, string?>();
            foreach (var e in await store.GetEventsAsync(run.Id, cancellationToken).ConfigureAwait(false))
            {
                if (e.Kind != EventKinds.Status) continue;
                if (e.CallId is { } callId) { if (failed.ContainsKey(callId)) last[callId] = e.Message; }
                else last[run.Id] = e.Message;
            }
            foreach (var (id, message) in last)
            {
                string status = id == run.Id ? RunFormat.Status(run.Status) : RunFormat.Status(failed[id]);
                if (Reason(message, status) is { } reason) messages[id] = reason;
            }
        }
        return new RunDetail(run, calls, attempts, messages, outputs);
    }

    /// <summary>The run's own message (why it failed), if any.</summary>
    public string? RunMessage => Messages.GetValueOrDefault(Run.Id);

    public string? MessageOf(StoredCall call) => Messages.GetValueOrDefault(call.Id);

    private static bool IsFailure(RunStatus status) => status is RunStatus.Failed or RunStatus.Aborted;

    private static bool IsFailure(CallStatus status) => status is CallStatus.Failed or CallStatus.Aborted;

    /// <summary>A status event reads <c>failed: REASON</c> (or just <c>failed</c>); the status is shown
    /// already, so only the reason is kept. An event of another status says nothing about this end.</summary>
    private static string? Reason(string? message, string status)
    {
        if (message is null || !message.StartsWith(status, StringComparison.Ordinal)) return null;
        string rest = message[status.Length..];
        return rest.StartsWith(": ", StringComparison.Ordinal) && rest.Length > 2 ? rest[2..] : null;
    }
}
