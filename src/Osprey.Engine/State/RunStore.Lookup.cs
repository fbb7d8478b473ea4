using System.Buffers;
using Osprey.Engine.State.Sql;

namespace Osprey.Engine.State;

// Queries for inspecting runs from the command line: finding a run by the first digits of its id,
// and reading every attempt of a run at once (a 10,000-shard scatter must not cost 10,000 queries).
public abstract partial class RunStore
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public Task<IReadOnlyList<RunSummary>> FindRunsByIdPrefixAsync(string hexPrefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hexPrefix);
        if (hexPrefix.Length is 0 or > 32 || hexPrefix.AsSpan().ContainsAnyExcept(HexDigits))
            throw new ArgumentException("an id prefix is 1 to 32 hex digits, without dashes", nameof(hexPrefix));
        // The ids starting with the prefix are exactly those between the prefix padded with 0s and
        // the prefix padded with fs: both databases order uuids bytewise in text order (SQLite keeps
        // them as big-endian blobs, PostgreSQL's uuid compares its bytes), so this is a range scan of
        // the primary key in both, with no per-database text conversion.
        var low = Guid.ParseExact(hexPrefix.PadRight(32, '0'), "N");
        var high = Guid.ParseExact(hexPrefix.PadRight(32, 'f'), "N");
        return QueryAsync(
            "SELECT id, workflow_name, status, run_dir, submitted_at, started_at, ended_at FROM runs WHERE id >= @low AND id <= @high ORDER BY submitted_at DESC LIMIT @limit",
            [SqlArg.Uuid("low", low), SqlArg.Uuid("high", high), SqlArg.Int32("limit", Math.Max(0, limit))],
            r => new RunSummary(
                Dialect.ReadGuid(r, 0), r.GetString(1), StatusNames.RunStatusOf(r.GetString(2)), r.GetString(3),
                Dialect.ReadTime(r, 4), Dialect.ReadNullableTime(r, 5), Dialect.ReadNullableTime(r, 6)),
            cancellationToken);
    }

    public Task<IReadOnlyList<StoredAttempt>> GetRunAttemptsAsync(Guid runId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"SELECT {AttemptColumns} FROM attempts a JOIN calls c ON c.id = a.call_id WHERE c.run_id = @run ORDER BY c.created_at, c.name, c.shard, a.attempt",
            [SqlArg.Uuid("run", runId)], r => ReadAttempt(r, 0), cancellationToken);
}
