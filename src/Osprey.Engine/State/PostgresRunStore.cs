using Npgsql;
using Osprey.Engine.State.Sql;

namespace Osprey.Engine.State;

/// <summary>The run store in a PostgreSQL database, for servers and for more than one machine.</summary>
public sealed class PostgresRunStore : RunStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresRunStore(NpgsqlDataSource dataSource) : base(new PostgresDialect(dataSource)) => _dataSource = dataSource;

    public static new async Task<PostgresRunStore> OpenAsync(RunStoreOptions options, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new RunStoreException($"the PostgreSQL run store needs a connection string ({RunStoreOptions.ConnectionStringVariable})");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new RunStoreException($"invalid PostgreSQL connection string: {e.Message}", e);
        }
        // The same few statements run for every call: let Npgsql prepare them on the server.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 32;
        builder.ApplicationName ??= "osprey";
        // The slim builder: only the basic types the store uses, so the Native AOT binary stays small.
        var dataSource = new NpgsqlSlimDataSourceBuilder(builder.ConnectionString).Build();
        var store = new PostgresRunStore(dataSource);
        try
        {
            await store.StartAsync(options, cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (NpgsqlException e)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new RunStoreException($"cannot open the PostgreSQL run store at {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}: {e.Message}", e);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private protected override ValueTask CloseAsync() => _dataSource.DisposeAsync();
}
