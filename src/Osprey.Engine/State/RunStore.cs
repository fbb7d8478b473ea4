using Osprey.Engine.State.Sql;

namespace Osprey.Engine.State;

/// <summary>
/// The store's behaviour, shared by both databases: the one batched writer and every query.
/// <see cref="SqliteRunStore"/> and <see cref="PostgresRunStore"/> only say how to connect; what
/// differs in SQL is in their <see cref="SqlDialect"/>.
/// </summary>
public abstract partial class RunStore : IRunStore
{
    private StoreWriter? _writer;

    private protected RunStore(SqlDialect dialect) => Dialect = dialect;

    internal SqlDialect Dialect { get; }

    public string Provider => Dialect.Name;

    /// <summary>Opens the store <paramref name="options"/> names, creating or migrating its schema.
    /// Nothing else in Osprey opens a database, so commands that need no store never load a driver.</summary>
    public static async Task<RunStore> OpenAsync(RunStoreOptions options, CancellationToken cancellationToken = default) =>
        options.Provider switch
        {
            StoreProvider.Sqlite => await SqliteRunStore.OpenAsync(options, cancellationToken).ConfigureAwait(false),
            StoreProvider.Postgres => await PostgresRunStore.OpenAsync(options, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };

    private StoreWriter Writer => _writer ?? throw new InvalidOperationException("the run store is not open");

    public WriterStatistics WriterStatistics => Writer.Statistics;

    public void Enqueue(StoreWrite write) => Writer.Enqueue(write);

    public Task FlushAsync(CancellationToken cancellationToken = default) => Writer.FlushAsync(cancellationToken);

    /// <summary>Brings the schema up to date and starts the writer.</summary>
    private protected async Task StartAsync(RunStoreOptions options, CancellationToken cancellationToken)
    {
        if (options.MaxBatchWrites < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxBatchWrites must be at least 1");
        await MigrateAsync(options.SchemaSteps ?? SchemaMigrations.All, cancellationToken).ConfigureAwait(false);
        _writer = new StoreWriter(Dialect, options.MaxBatchWrites, options.WriterStartGate, options.CommitDelay);
    }

    internal async Task<int> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await Dialect.PrepareDatabaseAsync(connection, cancellationToken).ConfigureAwait(false);
        return await SchemaMigrator.MigrateAsync(Dialect, connection, migrations, cancellationToken).ConfigureAwait(false);
    }

    internal async Task<IReadOnlyList<int>> AppliedSchemaVersionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SchemaMigrator.AppliedVersionsAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes everything still queued, then closes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync().ConfigureAwait(false);
        await CloseAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the database's connections once the writer has stopped.</summary>
    private protected abstract ValueTask CloseAsync();
}
