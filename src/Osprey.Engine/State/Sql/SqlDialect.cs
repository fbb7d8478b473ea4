using System.Data.Common;
using System.Text.RegularExpressions;

namespace Osprey.Engine.State.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL, and nothing else: column types in the schema,
/// how a Guid, a time or bytes is bound and read, connections, transient errors, the lock that
/// serializes migrations and how a transaction's statements are sent. Every statement's SQL text
/// is written once, in the common subset both understand (<c>INSERT ... ON CONFLICT</c>,
/// <c>LIMIT</c>, <c>@name</c> parameters).
/// </summary>
internal abstract partial class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>Replaces the placeholders of a schema migration: the types <c>{uuid}</c>, <c>{time}</c>,
    /// <c>{int64}</c>, <c>{bytes}</c> and <c>{auto_id}</c> (an integer primary key the database assigns),
    /// and <c>{postgres: ...}</c> or <c>{sqlite: ...}</c> around SQL that only that database needs
    /// (storage settings, or undoing what only it did, such as an index the other never had).</summary>
    public string RenderSchema(string sql) => DialectOnly().Replace(sql, m => m.Groups[1].Value == Name ? m.Groups[2].Value.Trim() : "")
        .Replace("{uuid}", TypeName(SqlType.Uuid), StringComparison.Ordinal)
        .Replace("{time}", TypeName(SqlType.Time), StringComparison.Ordinal)
        .Replace("{int64}", TypeName(SqlType.Int64), StringComparison.Ordinal)
        .Replace("{bytes}", TypeName(SqlType.Bytes), StringComparison.Ordinal)
        .Replace("{auto_id}", AutoIdColumn, StringComparison.Ordinal);

    // The body may hold type placeholders but no other braces.
    [GeneratedRegex(@"\{(postgres|sqlite):((?:[^{}]|\{[a-z0-9_]+\})*)\}")]
    private static partial Regex DialectOnly();

    protected abstract string TypeName(SqlType type);

    protected abstract string AutoIdColumn { get; }

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Per-connection settings for the writer's connection (SQLite: synchronous mode).</summary>
    public virtual Task ConfigureWriterAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called inside the migration transaction before the schema version is read, so that
    /// two processes opening a new store at once migrate it once.</summary>
    public abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Database-wide settings made once per open, outside any transaction (SQLite: WAL).</summary>
    public virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract bool IsTransient(Exception exception);

    public abstract void Bind(DbParameter parameter, SqlArg arg);

    public abstract Guid ReadGuid(DbDataReader reader, int ordinal);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>Runs a transaction's statements. A writer connection owns one executor, which may
    /// keep prepared commands between transactions.</summary>
    public abstract IStatementExecutor CreateExecutor(DbConnection connection);

    public void AddParameters(DbCommand command, IReadOnlyList<SqlArg> args)
    {
        foreach (var arg in args)
        {
            var parameter = command.CreateParameter();
            Bind(parameter, arg);
            command.Parameters.Add(parameter);
        }
    }

    public Guid? ReadNullableGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ReadGuid(reader, ordinal);

    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);
}

/// <summary>Sends the statements of one writer transaction.</summary>
internal interface IStatementExecutor : IDisposable
{
    Task ExecuteAsync(DbTransaction transaction, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken);
}
