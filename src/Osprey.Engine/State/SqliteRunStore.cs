using Microsoft.Data.Sqlite;
using Osprey.Engine.State.Sql;

namespace Osprey.Engine.State;

/// <summary>The run store in one SQLite file (WAL mode), by default under the user's data directory.</summary>
public sealed class SqliteRunStore : RunStore
{
    private SqliteRunStore(SqliteDialect dialect, string path) : base(dialect) => DatabasePath = path;

    public string DatabasePath { get; }

    public static new async Task<SqliteRunStore> OpenAsync(RunStoreOptions options, CancellationToken cancellationToken = default)
    {
        var builder = ConnectionStringFor(options.ConnectionString ?? RunStoreOptions.DefaultSqlitePath());
        if (builder.Mode is SqliteOpenMode.Memory || builder.DataSource is ":memory:" || builder.DataSource.Length == 0)
            throw new RunStoreException("the SQLite run store needs a file (an in-memory database is not shared between connections)");
        string path = Path.GetFullPath(builder.DataSource);
        builder.DataSource = path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var store = new SqliteRunStore(new SqliteDialect(builder.ConnectionString, options.SqliteSyncEveryCommit), path);
        try
        {
            await store.StartAsync(options, cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch (SqliteException e)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new RunStoreException($"cannot open the run store {path}: {e.Message}", e);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A bare path, or a full connection string (<c>Data Source=...;...</c>).</summary>
    private static SqliteConnectionStringBuilder ConnectionStringFor(string text)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(text);
        }
        catch (ArgumentException)
        {
            return new SqliteConnectionStringBuilder { DataSource = text };
        }
        // "osprey.db" parses as a connection string with no data source.
        return builder.DataSource.Length == 0 && !text.Contains('=') ? new SqliteConnectionStringBuilder { DataSource = text } : builder;
    }

    private protected override ValueTask CloseAsync()
    {
        // Pooled connections keep the file open; a closed store lets go of it (and SQLite folds the
        // WAL back into the database when the last connection closes).
        using var connection = new SqliteConnection(((SqliteDialect)Dialect).ConnectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
