namespace Osprey.Engine.State;

/// <summary>The store cannot be opened or used (wrong schema version, unreachable database, ...).</summary>
public class RunStoreException : Exception
{
    public RunStoreException(string message) : base(message)
    {
    }

    public RunStoreException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>
/// A write that was enqueued could not be stored. Thrown by the one
/// <see cref="IRunStore.FlushAsync"/> whose marker follows the lost write (the first flush
/// enqueued after it, whoever called it): that flush cannot promise its writes are durable. Later
/// flushes succeed again once their own writes commit, so one bad write does not stop a run from
/// recording anything else; the caller that sees this decides whether the loss matters.
/// </summary>
public sealed class StoreWriteException(string message, StoreWrite write, Exception inner) : RunStoreException(message, inner)
{
    /// <summary>The first write lost among those the failed flush covered.</summary>
    public StoreWrite Write { get; } = write;
}
