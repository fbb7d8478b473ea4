using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Osprey.Engine.State.Sql;

/// <summary>
/// PostgreSQL: native <c>uuid</c>, <c>timestamptz</c> and <c>bytea</c> columns; a transaction's
/// statements go to the server in pipelined batches (<see cref="NpgsqlBatch"/>, prepared on the
/// server by Npgsql's automatic preparation), so a batch of thousands of rows costs a few round
/// trips rather than one per row.
/// </summary>
internal sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    // Statements per round trip: large enough to amortize the trip, small enough to bound the
    // memory of one batch message.
    private const int StatementsPerRoundTrip = 1000;

    // Any fixed number: every Osprey process migrating the same database takes this lock.
    private const long MigrationLockKey = 0x4F73707265790001;

    public override string Name => "postgres";

    protected override string TypeName(SqlType type) => type switch
    {
        SqlType.Text => "text",
        SqlType.Int32 => "integer",
        SqlType.Int64 => "bigint",
        SqlType.Uuid => "uuid",
        SqlType.Time => "timestamptz",
        SqlType.Bytes => "bytea",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    protected override string AutoIdColumn => "bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsTransient(Exception exception) => exception is NpgsqlException { IsTransient: true };

    public override void Bind(DbParameter parameter, SqlArg arg)
    {
        var p = (NpgsqlParameter)parameter;
        p.ParameterName = arg.Name;
        (p.NpgsqlDbType, p.Value) = arg.Type switch
        {
            SqlType.Text => (NpgsqlDbType.Text, arg.Value),
            SqlType.Int32 => (NpgsqlDbType.Integer, arg.Value),
            SqlType.Int64 => (NpgsqlDbType.Bigint, arg.Value),
            SqlType.Uuid => (NpgsqlDbType.Uuid, arg.Value),
            SqlType.Time => (NpgsqlDbType.TimestampTz, arg.Value is DateTimeOffset t ? t.UtcDateTime : null),
            SqlType.Bytes => (NpgsqlDbType.Bytea, arg.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(arg)),
        };
        p.Value ??= DBNull.Value;
    }

    public override Guid ReadGuid(DbDataReader reader, int ordinal) => reader.GetGuid(ordinal);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc));

    public override IStatementExecutor CreateExecutor(DbConnection connection) => new PipelinedExecutor(this, (NpgsqlConnection)connection);

    private sealed class PipelinedExecutor(PostgresDialect dialect, NpgsqlConnection connection) : IStatementExecutor
    {
        // Every writer statement inserts or finds its row by a key. Npgsql prepares them on the
        // server, and after a few runs PostgreSQL keeps one generic plan per statement, chosen by
        // the table's statistics at that moment: for a table last analyzed while (nearly) empty
        // that is a sequential scan, which every later update then repeats while the table grows
        // to thousands of rows (a 10,000-call scatter took 10 s instead of 2 s). Forbidden for
        // the writer's own transactions only; queries plan as usual.
        private const string KeyedPlansOnly = "SET LOCAL enable_seqscan = off";

        public async Task ExecuteAsync(DbTransaction transaction, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
        {
            for (int start = 0; start < statements.Count; start += StatementsPerRoundTrip)
            {
                await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction);
                if (start == 0) batch.BatchCommands.Add(new NpgsqlBatchCommand(KeyedPlansOnly));
                int end = Math.Min(statements.Count, start + StatementsPerRoundTrip);
                for (int i = start; i < end; i++)
                {
                    var command = new NpgsqlBatchCommand(statements[i].Sql);
                    foreach (var arg in statements[i].Args)
                    {
                        var parameter = new NpgsqlParameter();
                        dialect.Bind(parameter, arg);
                        command.Parameters.Add(parameter);
                    }
                    batch.BatchCommands.Add(command);
                }
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public void Dispose()
        {
        }
    }
}
