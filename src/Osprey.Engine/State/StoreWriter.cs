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
/// queue, completed once the transaction holding every write before it has committed.
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
    private StoreWriteException? _fault;
    private long _transactions;
    private long _committedWrites;
    private long _statements;

    public StoreWriter(SqlDialect dialect, int maxBatchWrites, Task? startGate)
    {
        _dialect = dialect;
        _maxBatchWrites = maxBatchWrites;
        _loop = Task.Run(() => RunAsync(startGate));
    }

    public WriterStatistics Statistics => new(
        Interlocked.Read(ref _transactions), Interlocked.Read(ref _committedWrites), Interlocked.Read(ref _statements));

    /// <summary>The first write that could not be stored, if any.</summary>
    public StoreWriteException? Fault => Volatile.Read(ref _fault);

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
        var writes = new List<StoreWrite>();
        var flushes = new List<TaskCompletionSource>();
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (writes.Count < _maxBatchWrites && reader.TryRead(out var item))
                {
                    if (item.Write is not null) writes.Add(item.Write);
                    else flushes.Add(item.Flushed!);
                }
                try
                {
                    if (writes.Count > 0) await CommitAsync(writes).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // Not a database error (those are handled below): a bug. The flushes waiting on
                    // this batch must still hear about it rather than wait forever.
                    Lose(writes[0], e);
                }
                var fault = Fault;
                foreach (var flushed in flushes)
                {
                    if (fault is null) flushed.TrySetResult();
                    else flushed.TrySetException(fault);
                }
                writes.Clear();
                flushes.Clear();
            }
        }
        finally
        {
            CloseConnection();
        }
    }

    /// <summary>Commits <paramref name="writes"/> in one transaction. If that fails for a reason other
    /// than a transient one, each write is retried alone, so one bad write loses only itself.</summary>
    private async Task CommitAsync(List<StoreWrite> writes)
    {
        var statements = new List<SqlStatement>(writes.Count * 2);
        foreach (var write in writes) WriteStatements.Add(write, statements);
        var error = await TryCommitAsync(statements).ConfigureAwait(false);
        if (error is null)
        {
            Interlocked.Add(ref _committedWrites, writes.Count);
            return;
        }
        if (writes.Count == 1 || _dialect.IsTransient(error))
        {
            // Alone, or the database stayed unreachable for the whole retry period: trying each
            // write again would only wait that long once per write.
            Lose(writes[0], error);
            return;
        }
        foreach (var write in writes)
        {
            statements.Clear();
            WriteStatements.Add(write, statements);
            var alone = await TryCommitAsync(statements).ConfigureAwait(false);
            if (alone is null) Interlocked.Increment(ref _committedWrites);
            else Lose(write, alone);
        }
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

    private void Lose(StoreWrite write, Exception error)
    {
        var fault = new StoreWriteException($"the run store could not record {write.GetType().Name}: {error.Message}", write, error);
        Interlocked.CompareExchange(ref _fault, fault, null);
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
public sealed record WriterStatistics(long Transactions, long Writes, long Statements);
