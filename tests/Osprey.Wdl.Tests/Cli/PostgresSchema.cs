using Npgsql;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// A PostgreSQL schema of its own for one test, on the server named by OSPREY_TEST_POSTGRES
/// (which ./test.sh starts); dropped afterwards. Without a reachable server the test fails, never skips.
/// </summary>
internal sealed class PostgresSchema : IAsyncDisposable
{
    private const string Variable = "OSPREY_TEST_POSTGRES";
    private const string Default = "Host=127.0.0.1;Port=55432;Username=postgres";
    private readonly string _admin;
    private readonly string _name = "osprey_cli_test_" + Guid.NewGuid().ToString("N");

    private PostgresSchema(string admin) => _admin = admin;

    /// <summary>The connection string osprey is given: the schema as its search path.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_admin) { SearchPath = _name }.ConnectionString;

    public static async Task<PostgresSchema> CreateAsync()
    {
        string? configured = Environment.GetEnvironmentVariable(Variable);
        var schema = new PostgresSchema(string.IsNullOrWhiteSpace(configured) ? Default : configured);
        await schema.ExecuteAsync($"CREATE SCHEMA {schema._name}");
        return schema;
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync($"DROP SCHEMA {_name} CASCADE");

    private async Task ExecuteAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(_admin) { Timeout = 5, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"This test needs PostgreSQL and could not reach it at '{_admin}' ({e.Message}). Start it with " +
                $"`tests/services/postgres.sh start` (./test.sh does this) and set {Variable} to the connection string it prints.", e);
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
