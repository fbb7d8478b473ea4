using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Osprey.Engine.State.Sql;

/// <summary>
/// SQLite: Guids as 16-byte big-endian BLOBs (so byte order is text order and version-7 ids sort
/// by time), times as INTEGER microseconds since the Unix epoch (PostgreSQL's precision, so both
/// stores round-trip the same values), WAL journal.
/// </summary>
internal sealed class SqliteDialect(string connectionString, bool synchronousFull) : SqlDialect
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    static SqliteDialect()
    {
        // Microsoft.Data.Sqlite finds the native library's initializer by reflection, which a
        // trimmed Native AOT binary may have removed; calling it directly keeps it and is idempotent.
        SQLitePCL.Batteries_V2.Init();
    }

    public override string Name => "sqlite";

    public string ConnectionString { get; } = connectionString;

    protected override string TypeName(SqlType type) => type switch
    {
        SqlType.Text => "TEXT",
        SqlType.Uuid or SqlType.Bytes => "BLOB",
        _ => "INTEGER",
    };

    protected override string AutoIdColumn => "INTEGER PRIMARY KEY";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL: readers never block the writer and a commit appends to one file. The setting is
        // stored in the database, so later connections get it too.
        string? mode = (string?)await ScalarAsync(connection, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new RunStoreException($"the SQLite store could not switch to WAL mode (journal mode is '{mode}')");
        // After a checkpoint the WAL file is truncated to this size rather than left at its peak.
        await ScalarAsync(connection, "PRAGMA journal_size_limit = 67108864", cancellationToken).ConfigureAwait(false);
    }

    public override Task ConfigureWriterAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // FULL: each commit is fsynced, so a committed batch survives power loss, not only a crash
        // of this process (which NORMAL already survives in WAL mode).
        ScalarAsync(connection, synchronousFull ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL", cancellationToken);

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already holds the database's write lock.
    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    public override void Bind(DbParameter parameter, SqlArg arg)
    {
        parameter.ParameterName = "@" + arg.Name;
        (parameter.DbType, parameter.Value) = arg.Type switch
        {
            SqlType.Text => (DbType.String, arg.Value),
            SqlType.Int32 => (DbType.Int32, arg.Value),
            SqlType.Int64 => (DbType.Int64, arg.Value),
            SqlType.Uuid => (DbType.Binary, arg.Value is Guid g ? g.ToByteArray(bigEndian: true) : null),
            SqlType.Time => (DbType.Int64, arg.Value is DateTimeOffset t ? ToMicroseconds(t) : null),
            SqlType.Bytes => (DbType.Binary, arg.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(arg)),
        };
        parameter.Value ??= DBNull.Value;
    }

    public override Guid ReadGuid(DbDataReader reader, int ordinal) =>
        new(reader.GetFieldValue<byte[]>(ordinal), bigEndian: true);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(ordinal) * TimeSpan.TicksPerMicrosecond);

    private static long ToMicroseconds(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public override IStatementExecutor CreateExecutor(DbConnection connection) => new PreparedExecutor(this, connection);

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// SQLite runs in this process, so a statement costs microseconds and there is no round trip
    /// to save; what costs is compiling SQL. Each distinct statement is prepared once on the
    /// writer's connection and rebound for every row.
    /// </summary>
    private sealed class PreparedExecutor(SqliteDialect dialect, DbConnection connection) : IStatementExecutor
    {
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

        public Task ExecuteAsync(DbTransaction transaction, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
        {
            foreach (var statement in statements)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!_commands.TryGetValue(statement.Sql, out var command))
                {
                    command = connection.CreateCommand();
                    command.CommandText = statement.Sql;
                    dialect.AddParameters(command, statement.Args);
                    _commands.Add(statement.Sql, command);
                }
                else
                {
                    for (int i = 0; i < statement.Args.Length; i++) dialect.Bind(command.Parameters[i], statement.Args[i]);
                }
                command.Transaction = transaction;
                // Synchronous on purpose: Microsoft.Data.Sqlite's async methods run synchronously anyway.
                command.ExecuteNonQuery();
            }
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values) command.Dispose();
            _commands.Clear();
        }
    }
}
