using System.Buffers;

namespace Osprey.Engine.State;

/// <summary>
/// A call-cache entry. <see cref="KeyHash"/> is the hex SHA-256 of the canonical key (stored as 32
/// bytes); <see cref="ComponentsJson"/> is the key's components as compact JSON, kept so that a miss
/// can be explained component by component against the nearest earlier entries.
/// </summary>
public sealed record CacheEntry(
    string KeyHash,
    string TaskName,
    string TaskDigest,
    string ComponentsJson,
    Guid? SourceCallId,
    string OutputsJson,
    DateTimeOffset CreatedAt);

/// <summary>Adds the entry, or replaces the one with the same key hash.</summary>
public sealed record CacheEntryRecorded(CacheEntry Entry) : StoreWrite
{
    internal override void Validate()
    {
        Require(CacheKeys.IsHex(Entry.KeyHash), "a cache key hash is an even number of hex digits");
        Require(!string.IsNullOrEmpty(Entry.TaskName) && Entry.TaskDigest is not null, "a cache entry needs a task name and digest");
        Require(Entry.ComponentsJson is not null && Entry.OutputsJson is not null, "a cache entry needs its components and outputs");
    }
}

/// <summary>Forgets an entry (e.g. its outputs are gone).</summary>
public sealed record CacheEntryRemoved(string KeyHash) : StoreWrite
{
    internal override void Validate() => Require(CacheKeys.IsHex(KeyHash), "a cache key hash is an even number of hex digits");
}

internal static class CacheKeys
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsHex(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length % 2 == 0 && !text.AsSpan().ContainsAnyExcept(HexDigits);

    public static byte[] ToBytes(string hex) => Convert.FromHexString(hex);

    public static string ToHex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
