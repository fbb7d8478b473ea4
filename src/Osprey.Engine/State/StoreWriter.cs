using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Osprey.Engine.State.Sql;

namespace Osprey.Engine.State;

/// <summary>
/// The one writer of a store. Callers enqueue writes without waiting; a background loop takes
/// everything queued so far (up to <see cref="RunStoreOptions.MaxBatchWrites"/>) and commits it as
/// one transaction, so while one commit is in flight the next batch builds up (group commit: the
/// busier the engine, the bigger and fewer the transactions). A flush is a marker in the same
/// queue, completed once the transaction holding every write before it has committed; it fails
/// if a write between the previous marker and it was lost.
/// </summary>
internal sealed class StoreWriter : IAsyncDisposable
{
    // Transient errors (a locked SQLite file, a dropped PostgreSQL connection) are retried for this
    // long before the batch's writes are given up as lost.
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(30);

    private readonly SqlDialect _dialect;
    private readonly int _maxBatchWrites;
    private readonly Channel<QueueItem> _queue = Channel.CreateUnbounded<QueueItem>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });
    private readonly Task _loop;
    private DbConnection? _connection;
    private IStatementExecutor? _executor;
    private long _transactions;
    private long _committedWrites;
    private long _statements;
    private long _lostWrites;

    private readonly TimeSpan _commitDelay;

    public StoreWriter(SqlDialect dialect, int maxBatchWrites, Task? startGate, TimeSpan commitDelay = default)
    {
        _dialect = dialect;
        _maxBatchWrites = maxBatchWrites;
        _commitDelay = commitDelay;
        _loop = Task.Run(() => RunAsync(startGate));
    }

    public WriterStatistics Statistics => new(
        Interlocked.Read(ref _transactions), Interlocked.Read(ref _committedWrites), Interlocked.Read(ref _statements),
        Interlocked.Read(ref _lostWrites));

    public void Enqueue(StoreWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        write.Validate();
        if (!_queue.Writer.TryWrite(new QueueItem(write, null)))
            throw new ObjectDisposedException(nameof(IRunStore), "the run store is closed");
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new QueueItem(null, flushed)))
            throw new ObjectDisposedException(nameof(IRunStore), "the run store is closed");
        return flushed.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Everything enqueued before disposal is still written.
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync(Task? startGate)
    {
        if (startGate is not null) await startGate.ConfigureAwait(false);
        var items = new List<QueueItem>();
        var writes = new List<StoreWrite>();
        var reader = _queue.Reader;
        // The first write lost since the last flush marker: the next marker reports it, and only
        // that one, so a flush fails only for losses it covers and the store recovers afterwards.
        StoreWriteException? unreported = null;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                // Group commit: with little queued, wait a moment for more, so that calls finishing
                // close together share one transaction instead of paying for one each.
                if (_commitDelay > TimeSpan.Zero && reader.CanCount && reader.Count < _maxBatchWrites)
                    await Task.Delay(_commitDelay).ConfigureAwait(false);
                while (writes.Count < _maxBatchWrites && reader.TryRead(out var item))
                {
                    items.Add(item);
                    if (item.Write is not null) writes.Add(item.Write);
                }
                Exception?[]? lost;
                try
                {
                    lost = writes.Count > 0 ? await CommitAsync(writes).ConfigureAwait(false) : null;
                }
                catch (Exception e)
                {
                    // Not a database error (those are handled inside): a bug. What part of the
                    // batch was committed is unknown, so all of it counts as lost and the flushes
                    // after its writes fail rather than wait forever or claim durability.
                    lost = new Exception?[writes.Count];
                    Array.Fill(lost, e);
                }
                unreported = Settle(items, lost, unreported);
                items.Clear();
                writes.Clear();
            }
        }
        finally
        {
            CloseConnection();
        }
    }

    /// <summary>Completes the batch's flushes in queue order: each fails with the first write lost
    /// since the marker before it (<paramref name="unreported"/> carries one over from earlier
    /// batches). Returns the loss still unreported after the batch's last marker.</summary>
    private StoreWriteException? Settle(List<QueueItem> items, Exception?[]? lost, StoreWriteException? unreported)
    {
        int index = 0;
        foreach (var item in items)
        {
            if (item.Write is not null)
            {
                if (lost?[index] is { } error)
                {
                    Interlocked.Increment(ref _lostWrites);
                    unreported ??= new StoreWriteException(
                        $"the run store could not record {item.Write.GetType().Name}: {error.Message}", item.Write, error);
                }
                index++;
            }
            else if (unreported is null)
            {
                item.Flushed!.TrySetResult();
            }
            else
            {
                item.Flushed!.TrySetException(unreported);
                unreported = null;
            }
        }
        return unreported;
    }

    /// <summary>Commits <paramref name="writes"/> in one transaction. If that fails for a reason other
    /// than a transient one, each write is retried alone, so one bad write loses only itself.
    /// Returns null when everything was committed, else why each write was lost (null: committed).</summary>
    private async Task<Exception?[]?> CommitAsync(List<StoreWrite> writes)
    {
        var statements = new List<SqlStatement>(writes.Count * 2);
        foreach (var write in writes) WriteStatements.Add(write, statements);
        var error = await TryCommitAsync(statements).ConfigureAwait(false);
        if (error is null)
        {
            Interlocked.Add(ref _committedWrites, writes.Count);
            return null;
        }
        var lost = new Exception?[writes.Count];
        if (writes.Count == 1 || _dialect.IsTransient(error))
        {
            // Alone, or the database stayed unreachable for the whole retry period: trying each
            // write again would only wait that long once per write.
            Array.Fill(lost, error);
            return lost;
        }
        for (int i = 0; i < writes.Count; i++)
        {
            statements.Clear();
            WriteStatements.Add(writes[i], statements);
            lost[i] = await TryCommitAsync(statements).ConfigureAwait(false);
            if (lost[i] is null) Interlocked.Increment(ref _committedWrites);
        }
        return lost;
    }

    private async Task<Exception?> TryCommitAsync(List<SqlStatement> statements)
    {
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            try
            {
                if (_connection is null)
                {
                    _connection = await _dialect.OpenAsync(CancellationToken.None).ConfigureAwait(false);
                    await _dialect.ConfigureWriterAsync(_connection, CancellationToken.None).ConfigureAwait(false);
                    _executor = _dialect.CreateExecutor(_connection);
                }
                await using var transaction = await _connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
                await _executor!.ExecuteAsync(transaction, statements, CancellationToken.None).ConfigureAwait(false);
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                Interlocked.Increment(ref _transactions);
                Interlocked.Add(ref _statements, statements.Count);
                return null;
            }
            catch (Exception e) when (_dialect.IsTransient(e) && clock.Elapsed < RetryFor)
            {
                // The connection may be broken (PostgreSQL) or merely busy (SQLite); a new one is
                // cheap next to the wait.
                CloseConnection();
                await Task.Delay(delay).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
            }
            catch (Exception e)
            {
                // A failed statement can leave the connection unusable; start the next batch afresh.
                CloseConnection();
                return e;
            }
        }
    }

    private void CloseConnection()
    {
        _executor?.Dispose();
        _executor = null;
        _connection?.Dispose();
        _connection = null;
    }

    private readonly record struct QueueItem(StoreWrite? Write, TaskCompletionSource? Flushed);
}

/// <summary>Counters of a store's writer since it opened.</summary>
/// <param name="Transactions">Committed transactions.</param>
/// <param name="Writes">Writes committed.</param>
/// <param name="Statements">SQL statements committed.</param>
/// <param name="LostWrites">Writes that could not be stored (each also failed the flush that followed it).</param>
public sealed record WriterStatistics(long Transactions, long Writes, long Statements, long LostWrites);
