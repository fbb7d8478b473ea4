using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Osprey.Engine.State;

namespace Osprey.Engine.Tests.State;

/// <summary>
/// A fresh, empty store for one test: a SQLite file in a temporary directory, or a PostgreSQL
/// schema of its own (dropped afterwards) on the server named by OSPREY_TEST_POSTGRES, which
/// ./test.sh starts with tests/services/postgres.sh. Without that server the PostgreSQL cases fail
/// (they are never skipped).
/// </summary>
internal sealed class StoreUnderTest : IAsyncDisposable
{
    public const string PostgresVariable = "OSPREY_TEST_POSTGRES";
    private const string DefaultPostgres = "Host=127.0.0.1;Port=55432;Username=postgres";

    private readonly TempDirectory? _directory;
    private readonly string? _adminConnection;
    private readonly string? _schema;
    private readonly List<RunStore> _opened = [];

    private StoreUnderTest(RunStoreOptions options, TempDirectory? directory, string? adminConnection, string? schema)
    {
        Options = options;
        _directory = directory;
        _adminConnection = adminConnection;
        _schema = schema;
    }

    public RunStoreOptions Options { get; }

    /// <summary>The store opened by <see cref="CreateAsync"/> (or the last <see cref="ReopenAsync"/>).</summary>
    public RunStore Store { get; private set; } = null!;

    public static TheoryData<string> Providers => new("sqlite", "postgres");

    public static async Task<StoreUnderTest> CreateAsync(string provider, Func<RunStoreOptions, RunStoreOptions>? configure = null, bool open = true)
    {
        StoreUnderTest target;
        if (provider == "sqlite")
        {
            var directory = new TempDirectory();
            target = new StoreUnderTest(new RunStoreOptions(StoreProvider.Sqlite, Path.Combine(directory.Path, "osprey.db")), directory, null, null);
        }
        else if (provider == "postgres")
        {
            string admin = AdminConnectionString();
            string schema = "osprey_test_" + Guid.NewGuid().ToString("N");
            await using (var connection = await ConnectAsync(admin))
                await ExecuteAsync(connection, $"CREATE SCHEMA {schema}");
            var builder = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema };
            target = new StoreUnderTest(new RunStoreOptions(StoreProvider.Postgres, builder.ConnectionString), null, admin, schema);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(provider));
        }
        if (configure is not null) target = new StoreUnderTest(configure(target.Options), target._directory, target._adminConnection, target._schema);
        if (open) target.Store = await target.OpenAsync();
        return target;
    }

    /// <summary>Another store instance on the same database (closed with this one).</summary>
    public async Task<RunStore> OpenAsync(RunStoreOptions? options = null)
    {
        var store = await RunStore.OpenAsync(options ?? Options);
        _opened.Add(store);
        return store;
    }

    /// <summary>Closes <see cref="Store"/> and opens the database again.</summary>
    public async Task ReopenAsync(RunStoreOptions? options = null)
    {
        if (Store is not null)
        {
            _opened.Remove(Store);
            await Store.DisposeAsync();
        }
        Store = await OpenAsync(options);
    }

    /// <summary>Reads through a connection of its own, outside the store and its pool.</summary>
    public async Task<long> CountAsync(string table, string where = "1 = 1")
    {
        await using var connection = await RawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE {where}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<DbConnection> RawConnectionAsync()
    {
        if (_schema is null)
        {
            var builder = new SqliteConnectionStringBuilder { DataSource = Options.ConnectionString, Pooling = false };
            var sqlite = new SqliteConnection(builder.ConnectionString);
            await sqlite.OpenAsync();
            return sqlite;
        }
        return await ConnectAsync(Options.ConnectionString!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
        _opened.Clear();
        if (_schema is not null)
        {
            await using var connection = await ConnectAsync(_adminConnection!);
            await ExecuteAsync(connection, $"DROP SCHEMA {_schema} CASCADE");
        }
        _directory?.Dispose();
    }

    private static string AdminConnectionString()
    {
        string? configured = Environment.GetEnvironmentVariable(PostgresVariable);
        return string.IsNullOrWhiteSpace(configured) ? DefaultPostgres : configured;
    }

    private static async Task<NpgsqlConnection> ConnectAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"The run store tests need PostgreSQL and could not reach it at '{connectionString}' ({e.Message}). " +
                $"Start it with `tests/services/postgres.sh start` (./test.sh does this) and set {PostgresVariable} to the " +
                "connection string it prints. These tests fail rather than skip, so that PostgreSQL is never silently untested.", e);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
