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
/// A write that was enqueued could not be stored. Sticky: once a write is lost every later
/// <see cref="IRunStore.FlushAsync"/> throws this, because "everything enqueued so far is durable"
/// can no longer be true.
/// </summary>
public sealed class StoreWriteException(string message, StoreWrite write, Exception inner) : RunStoreException(message, inner)
{
    /// <summary>The first write that was lost.</summary>
    public StoreWrite Write { get; } = write;
}
