namespace Osprey.Engine.State;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the run store lives. Read from the environment by <see cref="FromEnvironment"/>
/// (<c>OSPREY__DATABASE__PROVIDER</c> = <c>sqlite</c> | <c>postgres</c>,
/// <c>OSPREY__DATABASE__CONNECTIONSTRING</c>) until the configuration system takes over.
/// </summary>
/// <param name="ConnectionString">SQLite: a file path or a <c>Data Source=...</c> connection string
/// (default: <see cref="DefaultSqlitePath"/>). PostgreSQL: an Npgsql connection string (required).</param>
public sealed record RunStoreOptions(StoreProvider Provider = StoreProvider.Sqlite, string? ConnectionString = null)
{
    public const string ProviderVariable = "OSPREY__DATABASE__PROVIDER";
    public const string ConnectionStringVariable = "OSPREY__DATABASE__CONNECTIONSTRING";
    public const string SyncVariable = "OSPREY__DATABASE__SYNC";

    /// <summary>The most writes committed in one transaction: bounds how long one commit holds the
    /// database's write lock and how much one failed batch has to retry.</summary>
    public int MaxBatchWrites { get; init; } = 2000;

    /// <summary>How long the writer waits for more writes when few are queued before it commits:
    /// a flush waits that much longer, and in exchange calls that end close together share one
    /// transaction (each commit writes whole pages of every table and index it touches).</summary>
    public TimeSpan CommitDelay { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>SQLite only: fsync every commit (<c>synchronous=FULL</c>) so that committed writes survive
    /// power loss; false (the default) gives <c>NORMAL</c>, which in WAL mode survives any crash or
    /// kill of the engine (a commit is in the operating system's hands when it returns) and may
    /// lose only the last commits on power loss, never the database. The engine's promise is
    /// about the engine dying; FULL costs an fsync per commit (see BENCHMARKS.md).</summary>
    public bool SqliteSyncEveryCommit { get; init; }

    /// <summary>Tests only: the writer takes nothing from its queue until this completes, so that a
    /// test can fill the queue first and see exactly how it is batched.</summary>
    internal Task? WriterStartGate { get; init; }

    /// <summary>Tests only: the schema steps to apply instead of all of them, to build a store as an
    /// older Osprey left it.</summary>
    internal IReadOnlyList<Sql.Migration>? SchemaSteps { get; init; }

    /// <summary>The settings in the environment (<paramref name="getVariable"/>: the process's by default).
    /// Without a connection string, SQLite at <see cref="DefaultSqlitePath"/> of that same environment.</summary>
    public static RunStoreOptions FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var provider = ParseProvider(getVariable(ProviderVariable));
        string? connection = getVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connection))
            connection = provider == StoreProvider.Sqlite ? DefaultSqlitePath(getVariable) : null;
        return new RunStoreOptions(provider, connection) { SqliteSyncEveryCommit = ParseSync(getVariable(SyncVariable)) };
    }

    /// <summary><c>full</c> (fsync every commit) or <c>normal</c> (the default).</summary>
    public static bool ParseSync(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "normal" => false,
        "full" => true,
        _ => throw new RunStoreException($"unknown SQLite sync mode '{text}' ({SyncVariable}): use normal or full"),
    };

    public static StoreProvider ParseProvider(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => StoreProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => StoreProvider.Postgres,
        _ => throw new RunStoreException($"unknown database provider '{text}' ({ProviderVariable}): use sqlite or postgres"),
    };

    /// <summary><c>$XDG_DATA_HOME/osprey/osprey.db</c>, else <c>~/.local/share/osprey/osprey.db</c>.</summary>
    public static string DefaultSqlitePath(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        string? xdg = getVariable("XDG_DATA_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "osprey", "osprey.db");
        string? home = getVariable("HOME");
        if (string.IsNullOrEmpty(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
            throw new RunStoreException($"no home directory to keep the run store in: set XDG_DATA_HOME or {ConnectionStringVariable}");
        return Path.Combine(home, ".local", "share", "osprey", "osprey.db");
    }
}
