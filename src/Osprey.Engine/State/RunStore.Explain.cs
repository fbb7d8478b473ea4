using Osprey.Engine.State.Sql;

namespace Osprey.Engine.State;

// Queries for explaining a call's cache result: the call itself by id, and the entry it wrote.
public abstract partial class RunStore
{
    public async Task<StoredCall?> FindCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {CallColumns} FROM calls c WHERE c.id = @id", [SqlArg.Uuid("id", callId)], r => ReadCall(r, 0), cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault();

    public async Task<CacheEntry?> FindCacheEntryBySourceCallAsync(Guid callId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {CacheColumns} FROM cache_entries WHERE source_call_id = @call", [SqlArg.Uuid("call", callId)], ReadCacheEntry, cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault();
}
