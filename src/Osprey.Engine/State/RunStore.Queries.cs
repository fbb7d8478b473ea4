using System.Data.Common;
using Osprey.Engine.Caching;
using Osprey.Engine.State.Sql;

namespace Osprey.Engine.State;

// The queries: each opens a pooled connection of its own, so they run beside the writer (SQLite's
// WAL lets readers proceed while a batch commits) and see committed data only.
public abstract partial class RunStore
{
    private const string RunColumns =
        "id, workflow_name, wdl_path, inputs_json, run_dir, status, submitted_at, started_at, ended_at, engine_pid, engine_host";

    // A call's current attempt is its highest-numbered one. Derived rather than kept in the call's
    // row (schema step 3), so that starting an attempt does not write another version of that row.
    private const string CurrentAttempt = "(SELECT MAX(x.attempt) FROM attempts x WHERE x.call_id = c.id)";

    private const string CallColumns =
        $"c.id, c.run_id, c.name, c.shard, c.status, COALESCE({CurrentAttempt}, 0), c.cache_result, c.cache_source_call_id, c.work_dir, c.created_at, c.started_at, c.ended_at";

    private const string AttemptColumns =
        "a.call_id, a.attempt, a.status, a.backend, a.job_id, a.job_detail, a.created_at, a.started_at, a.ended_at, a.exit_code, a.stdout_path, a.stderr_path";

    private const string CacheColumns =
        "key_hash, task_name, task_digest, components_json, source_call_id, outputs_json, created_at";

    public Task<IReadOnlyList<RunSummary>> ListRunsAsync(int limit, CancellationToken cancellationToken = default) =>
        QueryAsync(
            "SELECT id, workflow_name, status, run_dir, submitted_at, started_at, ended_at FROM runs ORDER BY submitted_at DESC LIMIT @limit",
            [SqlArg.Int32("limit", Math.Max(0, limit))],
            r => new RunSummary(
                Dialect.ReadGuid(r, 0), r.GetString(1), StatusNames.RunStatusOf(r.GetString(2)), r.GetString(3),
                Dialect.ReadTime(r, 4), Dialect.ReadNullableTime(r, 5), Dialect.ReadNullableTime(r, 6)),
            cancellationToken);

    public async Task<StoredRun?> FindRunAsync(Guid runId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {RunColumns} FROM runs WHERE id = @id", [SqlArg.Uuid("id", runId)], ReadRun, cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault();

    public async Task<StoredRun?> FindRunByDirectoryAsync(string runDirectory, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {RunColumns} FROM runs WHERE run_dir = @dir ORDER BY submitted_at DESC LIMIT 1",
            [SqlArg.Text("dir", runDirectory)], ReadRun, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<StoredCall>> GetCallsAsync(Guid runId, CallStatus? status = null, CancellationToken cancellationToken = default) =>
        status is { } only
            ? QueryAsync($"SELECT {CallColumns} FROM calls c WHERE c.run_id = @run AND c.status = @status ORDER BY c.created_at, c.name, c.shard",
                [SqlArg.Uuid("run", runId), SqlArg.Text("status", StatusNames.Of(only))], r => ReadCall(r, 0), cancellationToken)
            : QueryAsync($"SELECT {CallColumns} FROM calls c WHERE c.run_id = @run ORDER BY c.created_at, c.name, c.shard",
                [SqlArg.Uuid("run", runId)], r => ReadCall(r, 0), cancellationToken);

    public Task<IReadOnlyList<ActiveCall>> GetActiveCallsAsync(Guid runId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"""
            SELECT {CallColumns}, {AttemptColumns} FROM calls c
            LEFT JOIN attempts a ON a.call_id = c.id AND a.attempt = {CurrentAttempt}
            WHERE c.run_id = @run AND c.status IN ('queued', 'running')
            ORDER BY c.created_at, c.name, c.shard
            """,
            [SqlArg.Uuid("run", runId)],
            r => new ActiveCall(ReadCall(r, 0), r.IsDBNull(12) ? null : ReadAttempt(r, 12)),
            cancellationToken);

    public Task<IReadOnlyList<StoredAttempt>> GetAttemptsAsync(Guid callId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {AttemptColumns} FROM attempts a WHERE a.call_id = @call ORDER BY a.attempt",
            [SqlArg.Uuid("call", callId)], r => ReadAttempt(r, 0), cancellationToken);

    public Task<IReadOnlyList<StoredOutput>> GetOutputsAsync(Guid runId, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT owner_id, name, value_json FROM outputs WHERE run_id = @run ORDER BY owner_id, name",
            [SqlArg.Uuid("run", runId)],
            r =>
            {
                Guid owner = Dialect.ReadGuid(r, 0);
                return new StoredOutput(runId, owner == runId ? null : owner, r.GetString(1), r.GetString(2));
            },
            cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> GetEventsAsync(Guid runId, CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT id, run_id, call_id, at, kind, message FROM events WHERE run_id = @run ORDER BY at, id",
            [SqlArg.Uuid("run", runId)],
            r => new StoredEvent(r.GetInt64(0), Dialect.ReadGuid(r, 1), Dialect.ReadNullableGuid(r, 2), Dialect.ReadTime(r, 3),
                r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)),
            cancellationToken);

    public async Task<CacheEntry?> FindCacheEntryAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        if (!CacheKeys.IsHex(keyHash)) throw new ArgumentException("a cache key hash is an even number of hex digits", nameof(keyHash));
        var found = await QueryAsync($"SELECT {CacheColumns} FROM cache_entries WHERE key_hash = @key",
            [SqlArg.Bytes("key", CacheKeys.ToBytes(keyHash))], ReadCacheEntry, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<CacheEntry>> FindNearestCacheEntriesAsync(
        string taskName, string? taskDigest, DateTimeOffset? before, int limit, CancellationToken cancellationToken = default)
    {
        // A far-future bound instead of an optional condition keeps one SQL text (and plan) per shape.
        var bound = SqlArg.Time("before", before ?? DateTimeOffset.UnixEpoch.AddYears(1000));
        var max = SqlArg.Int32("limit", Math.Max(0, limit));
        return taskDigest is null
            ? QueryAsync($"SELECT {CacheColumns} FROM cache_entries WHERE task_name = @task AND created_at < @before ORDER BY created_at DESC LIMIT @limit",
                [SqlArg.Text("task", taskName), bound, max], ReadCacheEntry, cancellationToken)
            : QueryAsync($"SELECT {CacheColumns} FROM cache_entries WHERE task_name = @task AND task_digest = @digest AND created_at < @before ORDER BY created_at DESC LIMIT @limit",
                [SqlArg.Text("task", taskName), SqlArg.Text("digest", taskDigest), bound, max], ReadCacheEntry, cancellationToken);
    }

    public async Task<string?> FindFileDigestAsync(string path, FileIdentity identity, DigestMode mode, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync(
            """
            SELECT digest FROM file_digests WHERE path = @path AND mode = @mode AND device = @device AND inode = @inode
                AND size = @size AND modified_ns = @modified AND changed_ns = @changed
            """,
            [
                SqlArg.Text("path", path), SqlArg.Text("mode", FileDigestColumns.ModeName(mode)),
                SqlArg.Int64("device", FileDigestColumns.AsInt64(identity.Device)), SqlArg.Int64("inode", FileDigestColumns.AsInt64(identity.Inode)),
                SqlArg.Int64("size", identity.Size), SqlArg.Int64("modified", identity.ModifiedNanoseconds), SqlArg.Int64("changed", identity.ChangedNanoseconds),
            ],
            r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, SqlArg[] args, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await Dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Dialect.AddParameters(command, args);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) rows.Add(read(reader));
        return rows;
    }

    private StoredRun ReadRun(DbDataReader r) => new(
        Dialect.ReadGuid(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), StatusNames.RunStatusOf(r.GetString(5)),
        Dialect.ReadTime(r, 6), Dialect.ReadNullableTime(r, 7), Dialect.ReadNullableTime(r, 8),
        r.IsDBNull(9) ? null : r.GetInt32(9), r.IsDBNull(10) ? null : r.GetString(10));

    private StoredCall ReadCall(DbDataReader r, int o) => new(
        Dialect.ReadGuid(r, o), Dialect.ReadGuid(r, o + 1), r.GetString(o + 2), ShardIndex.Parse(r.GetString(o + 3)),
        StatusNames.CallStatusOf(r.GetString(o + 4)), r.GetInt32(o + 5),
        r.IsDBNull(o + 6) ? null : StatusNames.CacheResultOf(r.GetString(o + 6)), Dialect.ReadNullableGuid(r, o + 7),
        r.IsDBNull(o + 8) ? null : r.GetString(o + 8),
        Dialect.ReadTime(r, o + 9), Dialect.ReadNullableTime(r, o + 10), Dialect.ReadNullableTime(r, o + 11));

    private StoredAttempt ReadAttempt(DbDataReader r, int o) => new(
        Dialect.ReadGuid(r, o), r.GetInt32(o + 1), StatusNames.AttemptStatusOf(r.GetString(o + 2)),
        r.IsDBNull(o + 3) ? null : new JobHandle(r.GetString(o + 3), r.IsDBNull(o + 4) ? "" : r.GetString(o + 4), r.IsDBNull(o + 5) ? null : r.GetString(o + 5)),
        Dialect.ReadTime(r, o + 6), Dialect.ReadNullableTime(r, o + 7), Dialect.ReadNullableTime(r, o + 8),
        r.IsDBNull(o + 9) ? null : r.GetInt32(o + 9),
        r.IsDBNull(o + 10) ? null : r.GetString(o + 10), r.IsDBNull(o + 11) ? null : r.GetString(o + 11));

    private CacheEntry ReadCacheEntry(DbDataReader r) => new(
        CacheKeys.ToHex(r.GetFieldValue<byte[]>(0)), r.GetString(1), r.GetString(2), r.GetString(3),
        Dialect.ReadNullableGuid(r, 4), r.GetString(5), Dialect.ReadTime(r, 6));
}
