using System.Text;
using System.Text.Json;
using Osprey.Engine.State;
using Osprey.Engine.Storage;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Caching;

/// <summary>
/// The call cache: before a task call runs, its key (<see cref="CallCacheKey"/>) is looked up in
/// the run store; an entry whose output files all still exist with the digests they had is reused
/// by linking those files into the new call's directory. After a call succeeds its outputs are
/// entered under its key. <see cref="Reads"/> and <see cref="Writes"/> are Cromwell's
/// read_from_cache and write_to_cache.
/// </summary>
public sealed class CallCache(IRunStore store, FileDigests digests, bool reads = true, bool writes = true)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TaskModel, string> Sources = new();

    // Whether the store held any entry for a version of a task (by its digest) when this run
    // first looked. A task with none (a new task, or the first run with the cache) is not looked
    // up call by call: a scatter's shards would each pay a query that cannot hit. Entries this
    // run makes are not looked for, so identical shards of one scatter all run.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _taskHasEntries = new(StringComparer.Ordinal);

    public bool Reads { get; } = reads;

    public bool Writes { get; } = writes;

    public CallCacheKey KeyFor(TaskModel task, string command, IEnumerable<KeyValuePair<string, WdlValue>> inputs, string? image,
        IReadOnlyDictionary<string, WdlValue> runtime, string attemptDirectory)
    {
        var inputValues = inputs.ToDictionary(StringComparer.Ordinal);
        return CallCacheKey.Create(TaskSource(task), StableCommand(command, inputValues.Values, attemptDirectory), inputValues, image, runtime, digests);
    }

    /// <summary>
    /// The outputs of the entry for <paramref name="key"/>, linked into <paramref name="callDirectory"/>,
    /// or null for a miss. An entry whose files are gone or changed, or that cannot be read back,
    /// is forgotten: the call runs and enters a fresh one.
    /// </summary>
    public async Task<CacheHit?> TryReuseAsync(CallCacheKey key, TaskModel task, string callDirectory, CancellationToken cancellationToken)
    {
        var found = await FindAsync(key, task, cancellationToken).ConfigureAwait(false);
        if (found is null) return null;
        try
        {
            return found with { Values = Reuse(found.Outputs, task, callDirectory) };
        }
        catch (Exception e) when (e is CacheEntryException or JsonException or WdlValueException or IOException or UnauthorizedAccessException)
        {
            store.Enqueue(new CacheEntryRemoved(key.Hash));
            if (Directory.Exists(Path.Combine(callDirectory, "cached"))) Directory.Delete(Path.Combine(callDirectory, "cached"), recursive: true);
            return null;
        }
    }

    private async Task<CacheHit?> FindAsync(CallCacheKey key, TaskModel task, CancellationToken cancellationToken)
    {
        if (!Reads) return null;
        string taskDigest = key.Components["task"];
        if (!_taskHasEntries.TryGetValue(taskDigest, out bool any))
        {
            any = (await store.FindNearestCacheEntriesAsync(task.Name, taskDigest, null, 1, cancellationToken).ConfigureAwait(false)).Count > 0;
            _taskHasEntries.TryAdd(taskDigest, any);
        }
        if (!any) return null;
        var entry = await store.FindCacheEntryAsync(key.Hash, cancellationToken).ConfigureAwait(false);
        if (entry is null) return null;
        var stored = CachedOutputs.Parse(entry.OutputsJson);
        foreach (var (file, digest) in stored.Files)
        {
            string path = Path.IsPathRooted(file) ? file : Path.Combine(stored.AttemptDirectory, file);
            if (digests.Of(path) != digest)
            {
                store.Enqueue(new CacheEntryRemoved(key.Hash));
                return null;
            }
        }
        return new CacheHit(entry.SourceCallId, stored, WdlObject.Empty);
    }

    /// <summary>The entry's outputs, with the files the source call made linked (or copied) under <c>cached/</c> in <paramref name="callDirectory"/>.</summary>
    private static WdlObject Reuse(CachedOutputs entry, TaskModel task, string callDirectory)
    {
        string root = Path.TrimEndingDirectorySeparator(entry.AttemptDirectory) + Path.DirectorySeparatorChar;
        string cached = Path.Combine(callDirectory, "cached");
        var outputs = new List<KeyValuePair<string, WdlValue>>();
        using var json = JsonDocument.Parse(entry.ValuesJson);
        foreach (var (decl, type) in Planning.TaskPlan.For(task).Outputs)
        {
            string name = decl.Name.Name;
            if (!json.RootElement.TryGetProperty(name, out var stored)) throw new CacheEntryException($"the cache entry has no output '{name}'");
            var value = FileValues.Map(Recording.StoredOutputs.Read(task, type, name, stored), (location, _) =>
            {
                // Outputs outside the source's attempt directory are inputs passed through: shared, not copied.
                if (!location.StartsWith(root, StringComparison.Ordinal)) return location;
                string destination = Path.Combine(cached, location[root.Length..]);
                if (!Path.Exists(destination)) FileLinks.LinkOrCopy(location, destination);
                return destination;
            });
            outputs.Add(new(name, value));
        }
        return WdlObject.Create(outputs);
    }

    /// <summary>Enters a succeeded call's outputs under its key, with the digests a later hit checks them against.</summary>
    public void Remember(CallCacheKey key, TaskModel task, Guid callId, WdlObject outputs, string attemptDirectory)
    {
        if (!Writes) return;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string root = Path.TrimEndingDirectorySeparator(attemptDirectory) + Path.DirectorySeparatorChar;
        var values = new List<KeyValuePair<string, WdlValue>>();
        foreach (var name in outputs.MemberNames)
        {
            if (!outputs.TryGetMember(name, out var value)) continue;
            values.Add(new(name, value));
            FileValues.Visit(value, (location, _) =>
            {
                // Files the call made are kept relative to its attempt directory (fewer bytes per entry).
                if (digests.Of(location) is { } digest) files[location.StartsWith(root, StringComparison.Ordinal) ? location[root.Length..] : location] = digest;
            });
        }
        string outputsJson = new CachedOutputs(attemptDirectory, OutputsJson(values), files).ToJson();
        store.Enqueue(new CacheEntryRecorded(new CacheEntry(key.Hash, task.Name, key.Components["task"], key.ComponentsJson(), callId, outputsJson, DateTimeOffset.UtcNow)));
    }

    /// <summary>The task's whole definition and the document's version: a changed task is a different task.</summary>
    private static string TaskSource(TaskModel task) =>
        Sources.GetValue(task, t => t.Document.Version + "\n" + t.Document.Syntax.Source.GetText(t.Syntax.Span));

    /// <summary>
    /// The rendered command with the paths that differ from run to run for the same work replaced:
    /// each input file's path by its position among the inputs' files (their contents are in the
    /// key as the inputs' own components), the attempt's directory by <c>&lt;attempt&gt;</c>.
    /// Otherwise a call downstream of a cache hit (whose input now lives in another run's
    /// directory) could never hit itself.
    /// </summary>
    private static string StableCommand(string command, IEnumerable<WdlValue> inputs, string attemptDirectory)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
            FileValues.Visit(input, (location, _) =>
            {
                if (Path.IsPathRooted(location) && !paths.ContainsKey(location)) paths[location] = $"<input-file-{paths.Count}>";
            });
        var text = new StringBuilder(command);
        // Longest first, so that a path is not replaced inside a longer one that contains it.
        foreach (var (path, token) in paths.OrderByDescending(p => p.Key.Length)) text.Replace(path, token);
        text.Replace(Path.TrimEndingDirectorySeparator(attemptDirectory), "<attempt>");
        return text.ToString();
    }

    private static string OutputsJson(IEnumerable<KeyValuePair<string, WdlValue>> outputs)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in outputs)
            {
                writer.WritePropertyName(name);
                ValueJson.Write(writer, value);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>A cache entry that does not fit the task it was found for (an entry written by another version of Osprey).</summary>
public sealed class CacheEntryException(string message) : Exception(message);

/// <summary>A reused cache entry: the call that made it, what the entry keeps, and the outputs as the new call has them.</summary>
public sealed record CacheHit(Guid? SourceCallId, CachedOutputs Outputs, WdlObject Values);
