namespace Osprey.Engine.Running;

/// <summary>
/// Counts of calls, updated on the run's loop; read by whoever renders progress. A call is
/// waiting from when it is ready until its task has the cpu and memory it asked for, then
/// running until it finishes or fails.
/// </summary>
public sealed class RunProgress
{
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private int _waitingCount, _runningCount, _done, _failed;

    public int Waiting => Volatile.Read(ref _waitingCount);

    public int Running => Volatile.Read(ref _runningCount);

    public int Done => Volatile.Read(ref _done);

    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Raised (on the run's loop) for each call that starts, finishes or fails, with a line to log.</summary>
    public event Action<string>? Changed;

    internal void Queued(string call) => Interlocked.Increment(ref _waitingCount);

    internal void Started(string call)
    {
        if (!_running.Add(call)) return;
        Interlocked.Decrement(ref _waitingCount);
        Interlocked.Increment(ref _runningCount);
        Changed?.Invoke($"started {call}");
    }

    /// <param name="how">How it finished, when not by running (e.g. "call cache hit").</param>
    internal void Finished(string call, string? how = null)
    {
        Leave(call);
        Interlocked.Increment(ref _done);
        Changed?.Invoke(how is null ? $"finished {call}" : $"finished {call} ({how})");
    }

    internal void CallFailed(string call, string why)
    {
        Leave(call);
        Interlocked.Increment(ref _failed);
        Changed?.Invoke($"failed {call}: {why}");
    }

    private void Leave(string call)
    {
        if (_running.Remove(call)) Interlocked.Decrement(ref _runningCount);
        else Interlocked.Decrement(ref _waitingCount);
    }
}
