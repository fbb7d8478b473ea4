namespace Osprey.Engine.Running;

/// <summary>Counts of calls, updated by the loop; read by whoever renders progress.</summary>
public sealed class RunProgress
{
    private int _running, _done, _failed;

    public int Running => Volatile.Read(ref _running);

    public int Done => Volatile.Read(ref _done);

    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Raised (on the run's loop) for each call that starts, finishes or fails, with a line to log.</summary>
    public event Action<string>? Changed;

    internal void Started(string call)
    {
        Interlocked.Increment(ref _running);
        Changed?.Invoke($"started {call}");
    }

    internal void Finished(string call)
    {
        Interlocked.Decrement(ref _running);
        Interlocked.Increment(ref _done);
        Changed?.Invoke($"finished {call}");
    }

    internal void CallFailed(string call, string why)
    {
        Interlocked.Decrement(ref _running);
        Interlocked.Increment(ref _failed);
        Changed?.Invoke($"failed {call}: {why}");
    }
}
