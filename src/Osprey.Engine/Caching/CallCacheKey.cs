using System.Security.Cryptography;
using System.Text;
using Osprey.Engine.Values;

namespace Osprey.Engine.Caching;

/// <summary>
/// The identity of a task call's result: an explicit list of named components (task source,
/// rendered command, each input with file contents as digests, container image, the runtime
/// settings that change results), so that a miss can be explained component by component.
/// <see cref="Hash"/> is the SHA-256 of the sorted components.
/// </summary>
public sealed class CallCacheKey
{
    private CallCacheKey(SortedDictionary<string, string> components)
    {
        Components = components;
        var text = new StringBuilder();
        foreach (var (name, value) in components) text.Append(name).Append('=').Append(value).Append('\n');
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public IReadOnlyDictionary<string, string> Components { get; }

    public string Hash { get; }

    /// <summary>Runtime keys that only size or place the job; they do not change what it computes.</summary>
    private static readonly HashSet<string> ResourceKeys = new(StringComparer.Ordinal)
    {
        "cpu", "memory", "disks", "disk", "gpu", "gpuType", "gpuCount", "fpga", "maxRetries", "max_retries", "preemptible",
        "zones", "bootDiskSizeGb", "noAddress", "cpuPlatform", "queueArn", "awsBatchRetryAttempts", "time", "short_task",
        "max_cpu", "max_memory", "localization_optional", "container", "docker",
    };

    /// <param name="taskSource">The task's source text (its whole definition) and WDL version.</param>
    /// <param name="command">The rendered command script.</param>
    /// <param name="inputs">The task's input values (after defaults), by name.</param>
    /// <param name="image">The container image the task runs in, or null on the host.</param>
    /// <param name="runtime">The evaluated runtime/requirements/hints values.</param>
    /// <param name="digests">File and Directory content digests.</param>
    public static CallCacheKey Create(string taskSource, string command, IReadOnlyDictionary<string, WdlValue> inputs, string? image,
        IReadOnlyDictionary<string, WdlValue> runtime, FileDigests digests)
    {
        var components = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["task"] = TaskDigests.GetOrAdd(taskSource, Sha256),
            ["command"] = Sha256(command),
            ["image"] = image ?? "(host)",
        };
        foreach (var (name, value) in inputs)
            components["input:" + name] = Canonical(value, digests);
        foreach (var (name, value) in runtime)
            if (!ResourceKeys.Contains(name)) components["runtime:" + name] = Canonical(value, digests);
        return new CallCacheKey(components);
    }

    /// <summary>The components as one compact JSON object (what a cache entry keeps, to explain later misses).</summary>
    public string ComponentsJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in Components) writer.WriteString(name, value);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads <see cref="ComponentsJson"/> back.</summary>
    public static CallCacheKey FromComponentsJson(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return FromComponents(document.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString() ?? "")));
    }

    /// <summary>Rebuilds a key from stored components (as written by <see cref="Components"/>).</summary>
    public static CallCacheKey FromComponents(IEnumerable<KeyValuePair<string, string>> components) =>
        new(new SortedDictionary<string, string>(components.ToDictionary(c => c.Key, c => c.Value), StringComparer.Ordinal));

    /// <summary>The components that differ from an earlier key (added, removed or changed), in name order.</summary>
    public IReadOnlyList<string> Differences(CallCacheKey earlier)
    {
        var names = new SortedSet<string>(Components.Keys, StringComparer.Ordinal);
        names.UnionWith(earlier.Components.Keys);
        return names.Where(n => Components.GetValueOrDefault(n) != earlier.Components.GetValueOrDefault(n)).ToList();
    }

    // A task's source is the same string object for every call of it: hash it once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> TaskDigests = new(StringComparer.Ordinal);

    /// <summary>The first 128 bits of the SHA-256, in hex: as safe from accidental collisions as a
    /// cache needs, and half the bytes in every stored entry (the components and the task column).</summary>
    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    /// <summary>
    /// The value as JSON with every File and Directory replaced by its content digest, so the
    /// key follows what a file holds, not only its name. A missing file keeps its path.
    /// </summary>
    private static string Canonical(WdlValue value, FileDigests digests) =>
        ValueJson.Serialize(WithDigests(value, digests), JsonWriteMode.Output);

    private static WdlValue WithDigests(WdlValue value, FileDigests digests) => value switch
    {
        WdlFile f => WdlString.Of("file:" + (digests.Of(f.Location) ?? f.Location)),
        WdlDirectory d => WdlString.Of("directory:" + (digests.Of(d.Location) ?? d.Location)),
        WdlArray a => WdlArray.Create(Wdl.Semantics.WdlType.Any, a.Items.Select(i => WithDigests(i, digests))),
        WdlPair p => WdlPair.Create(WithDigests(p.Left, digests), WithDigests(p.Right, digests)),
        WdlMap m => WdlObject.Create(m.Entries.Select(e => new KeyValuePair<string, WdlValue>(
            ValueJson.Serialize(WithDigests(e.Key, digests)), WithDigests(e.Value, digests)))),
        IMemberValue o => WdlObject.Create(o.MemberNames.Select(n => new KeyValuePair<string, WdlValue>(
            n, o.TryGetMember(n, out var v) ? WithDigests(v, digests) : WdlNone.Instance))),
        _ => value,
    };
}
