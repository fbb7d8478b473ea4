namespace Osprey.Engine.State;

/// <summary>
/// A fact to record, handed to <see cref="IRunStore.Enqueue"/>. The set of kinds is closed (the
/// constructor is not visible outside this assembly) because the writer knows how to store each one.
/// Writes carry their own times: they are committed later, in batches, so the database's clock
/// would say when the batch was written rather than when the thing happened.
/// </summary>
public abstract record StoreWrite
{
    private protected StoreWrite()
    {
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a write that could never be stored, so that
    /// the caller learns at once rather than through a failed batch later.</summary>
    internal virtual void Validate()
    {
    }

    private protected static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message);
    }
}
