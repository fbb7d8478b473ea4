using System.Data.Common;

namespace Osprey.Engine.State.Sql;

/// <summary>
/// Brings a database's schema up to the newest known version when a store opens: creates the
/// <c>schema_version</c> table, then applies each missing step in order, all in one transaction
/// under a lock, so a failed or concurrent open never leaves a half-migrated schema.
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at {time} NOT NULL
        )
        """;

    /// <summary>Applies the steps newer than the database's version; returns the resulting version.</summary>
    public static async Task<int> MigrateAsync(SqlDialect dialect, DbConnection connection, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        for (int i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"schema migrations must be numbered 1, 2, ... in order; step {i + 1} says {migrations[i].Version}");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, dialect.RenderSchema(CreateVersionTable), [], dialect, cancellationToken).ConfigureAwait(false);

        int current = await CurrentVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > migrations.Count)
        {
            throw new RunStoreException(
                $"the {dialect.Name} store has schema version {current}, newer than this Osprey knows ({migrations.Count}); use a newer Osprey or another database");
        }
        foreach (var migration in migrations.Skip(current))
        {
            await ExecuteAsync(connection, transaction, dialect.RenderSchema(migration.Sql), [], dialect, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction,
                "INSERT INTO schema_version (version, description, applied_at) VALUES (@version, @description, @at)",
                [SqlArg.Int32("version", migration.Version), SqlArg.Text("description", migration.Description), SqlArg.Time("at", DateTimeOffset.UtcNow)],
                dialect, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return migrations.Count;
    }

    /// <summary>The versions recorded in <c>schema_version</c>, oldest first (empty before the first open).</summary>
    public static async Task<IReadOnlyList<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version";
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT MAX(version) FROM schema_version";
        object? value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, SqlArg[] args, SqlDialect dialect, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        dialect.AddParameters(command, args);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
