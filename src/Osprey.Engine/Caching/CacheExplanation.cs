using Osprey.Engine.State;

namespace Osprey.Engine.Caching;

/// <summary>One key component that differs between a call and the nearest earlier cache entry (null: absent on that side).</summary>
public sealed record ComponentChange(string Component, string? Earlier, string? Now);

/// <summary>
/// Why a call did or did not reuse earlier results. For a miss: the earlier entry of the same task
/// whose key differs in the fewest components, and those components.
/// </summary>
/// <param name="Outcome">hit, miss, off, or unknown (the call never consulted the cache).</param>
public sealed record CacheExplanation(string Outcome, string Summary, IReadOnlyList<ComponentChange> Changes, CacheEntry? Nearest, StoredCall? NearestCall)
{
    private const int Candidates = 50;

    public static async Task<CacheExplanation> ForAsync(IRunStore store, StoredCall call, CancellationToken cancellationToken)
    {
        switch (call.Cache)
        {
            case CacheResult.Hit:
                var source = call.CacheSourceCallId is { } id ? await store.FindCallAsync(id, cancellationToken).ConfigureAwait(false) : null;
                return new("hit", $"{call.DisplayName} reused the outputs of {Describe(source, call.CacheSourceCallId)}", [], null, source);
            case CacheResult.Disabled:
                return new("off", $"the call cache was off for {call.DisplayName} (--no-cache or read_from_cache: false)", [], null, null);
            case null:
                return new("unknown", $"{call.DisplayName} never consulted the call cache (it did not get that far, or the run predates it)", [], null, null);
        }

        var own = await store.FindCacheEntryBySourceCallAsync(call.Id, cancellationToken).ConfigureAwait(false);
        if (own is null)
            return new("miss", $"{call.DisplayName} missed the cache, and left no key to compare (it did not succeed, or write_to_cache was false)", [], null, null);
        var key = CallCacheKey.FromComponentsJson(own.ComponentsJson);
        var earlier = await store.FindNearestCacheEntriesAsync(own.TaskName, null, own.CreatedAt, Candidates, cancellationToken).ConfigureAwait(false);
        if (earlier.Count == 0)
            return new("miss", $"{call.DisplayName} missed the cache: no earlier result of task '{own.TaskName}' is recorded", [], null, null);

        // Fewest differences first; among equals, a result of the same call (name, then shard)
        // reads as "what changed since last time", then the newest.
        var candidates = earlier.Select(e => (Entry: e, Key: CallCacheKey.FromComponentsJson(e.ComponentsJson))).ToList();
        int fewest = candidates.Min(c => key.Differences(c.Key).Count);
        (CacheEntry Entry, CallCacheKey Key, StoredCall? Call)? nearest = null;
        foreach (var (entry, candidateKey) in candidates.Where(c => key.Differences(c.Key).Count == fewest))
        {
            var source = entry.SourceCallId is { } sourceId ? await store.FindCallAsync(sourceId, cancellationToken).ConfigureAwait(false) : null;
            int closeness = source is null || source.Name != call.Name ? 0 : source.Shard == call.Shard ? 2 : 1;
            int best = nearest?.Call is not { } chosen || chosen.Name != call.Name ? 0 : chosen.Shard == call.Shard ? 2 : 1;
            if (nearest is null || closeness > best) nearest = (entry, candidateKey, source);
            if (closeness == 2) break;
        }
        var (nearestEntry, nearestKey, nearestCall) = nearest!.Value;
        var changes = key.Differences(nearestKey)
            .Select(name => new ComponentChange(name, nearestKey.Components.GetValueOrDefault(name), key.Components.GetValueOrDefault(name)))
            .ToList();
        string summary = changes.Count == 0
            ? $"{call.DisplayName} missed the cache although {Describe(nearestCall, nearestEntry.SourceCallId)} had the same key: its outputs were gone or had changed"
            : $"{call.DisplayName} missed the cache: compared with {Describe(nearestCall, nearestEntry.SourceCallId)}, {changes.Count} key component{(changes.Count == 1 ? "" : "s")} differ{(changes.Count == 1 ? "s" : "")}";
        return new("miss", summary, changes, nearestEntry, nearestCall);
    }

    private static string Describe(StoredCall? call, Guid? id) =>
        call is not null ? $"{call.DisplayName} of run {call.RunId}" : id is { } known ? $"call {known} (no longer recorded)" : "an earlier call";
}
