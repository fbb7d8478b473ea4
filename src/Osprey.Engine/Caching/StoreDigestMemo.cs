using System.Collections.Concurrent;
using Osprey.Engine.State;

namespace Osprey.Engine.Caching;

/// <summary>
/// The digest memo kept in the run store, so that a file hashed by one run is not hashed again by
/// a later (or resumed) run while its identity is unchanged. Lookups try this process's own
/// digests first, then the store; a new digest goes to both, to the store through its writer and
/// without a flush: a digest lost in a crash only costs hashing that file once more.
/// </summary>
public sealed class StoreDigestMemo(IRunStore store, TimeProvider? time = null) : IDigestMemo
{
    // Also the digests found in the store, so each is queried at most once per process.
    private readonly ConcurrentDictionary<(string Path, FileIdentity Identity, DigestMode Mode), string> _known = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string? Find(string path, FileIdentity identity, DigestMode mode)
    {
        var key = (path, identity, mode);
        if (_known.TryGetValue(key, out var digest)) return digest;
        // Waiting on purpose: FileDigests is synchronous and runs off the engine's loop, and the
        // store's queries never need the waiting thread to finish (they capture no context).
        digest = store.FindFileDigestAsync(path, identity, mode).GetAwaiter().GetResult();
        if (digest is not null) _known.TryAdd(key, digest);
        return digest;
    }

    public void Remember(string path, FileIdentity identity, DigestMode mode, string digest)
    {
        _known[(path, identity, mode)] = digest;
        store.Enqueue(new FileDigestRecorded(path, identity, mode, digest, _time.GetUtcNow()));
    }
}
