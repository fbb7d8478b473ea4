using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Osprey.Engine.State;

internal static class Benchmarks
{
    private static readonly string RunRoot = "/home/user/osprey-runs";

    public static async Task<int> CallsAsync(Arguments a)
    {
        string shape = a.Get("shape", "scatter");
        int calls = a.Int("calls", shape == "chain" ? 30 : 10_000);
        int runs = a.Int("runs", 1);
        bool waves = a.Get("waves", "no") == "yes";
        var options = a.StoreOptions();
        await using var store = await RunStore.OpenAsync(options);
        long sizeBefore = await StoreSizeAsync(store, a);
        var enqueue = new Stopwatch();
        var drain = new Stopwatch();
        var cpu = TimeSpan.Zero;
        for (int r = 0; r < runs; r++)
        {
            var process = Process.GetCurrentProcess();
            var cpuStart = process.TotalProcessorTime;
            enqueue.Start();
            await WriteRunAsync(store, shape, calls, waves ? FlushBetweenWaves : null);
            enqueue.Stop();
            drain.Start();
            await store.FlushAsync();
            drain.Stop();
            process.Refresh();
            cpu += process.TotalProcessorTime - cpuStart;
        }
        long sizeAfter = await StoreSizeAsync(store, a);
        long total = (long)calls * runs;
        Console.WriteLine(string.Join(' ',
            $"provider={store.Provider} shape={shape} calls={calls} runs={runs} waves={(waves ? "yes" : "no")} sync={a.Get("sync", "full")}",
            $"enqueue_us_per_call={Us(enqueue.Elapsed, total)} drain_us_per_call={Us(drain.Elapsed, total)}",
            $"cpu_us_per_call={Us(cpu, total)} total_s={(enqueue.Elapsed + drain.Elapsed).TotalSeconds:F2}",
            $"transactions={store.WriterStatistics.Transactions} writes={store.WriterStatistics.Writes}",
            $"store_bytes={sizeAfter - sizeBefore} bytes_per_call={(sizeAfter - sizeBefore) / (double)total:F0}"));
        return 0;

        // The engine records a call when it is created, again when its job starts and again when
        // it ends: with waves, each of the three is flushed before the next (the flush counts as drain).
        async Task FlushBetweenWaves()
        {
            enqueue.Stop();
            drain.Start();
            await store.FlushAsync();
            drain.Stop();
            enqueue.Start();
        }
    }

    public static async Task<int> FlushAsync(Arguments a)
    {
        int calls = a.Int("calls", 2000);
        await using var store = await RunStore.OpenAsync(a.StoreOptions());
        var run = NewRun(RunRoot, "flush_bench");
        store.Enqueue(run);
        await store.FlushAsync();
        var latencies = new double[calls];
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            long start = Stopwatch.GetTimestamp();
            WriteCall(store, run, "flush_bench.step", ShardIndex.Of(i), i);
            await store.FlushAsync();
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        Array.Sort(latencies);
        Console.WriteLine(string.Join(' ',
            $"provider={store.Provider} sync={a.Get("sync", "full")} calls={calls}",
            $"flush_p50_us={Percentile(latencies, 0.50):F0} flush_p99_us={Percentile(latencies, 0.99):F0} flush_max_us={latencies[^1]:F0}",
            $"total_s={clock.Elapsed.TotalSeconds:F2}"));
        return 0;
    }

    public static async Task<int> CacheAsync(Arguments a)
    {
        int entries = a.Int("entries", 1_000_000);
        int lookups = a.Int("lookups", 20_000);
        await using var store = await RunStore.OpenAsync(a.StoreOptions(maxBatch: 10_000));
        long present = await CountCacheEntriesAsync(store, a);
        if (present < entries)
        {
            Console.Error.WriteLine($"store-bench: filling the call cache from {present} to {entries} entries");
            var fill = Stopwatch.StartNew();
            for (long i = present; i < entries; i++)
            {
                store.Enqueue(new CacheEntryRecorded(Entry(i)));
                if (i % 50_000 == 49_999)
                {
                    await store.FlushAsync();
                    Console.Error.WriteLine($"store-bench: {i + 1} entries ({fill.Elapsed.TotalSeconds:F0} s)");
                }
            }
            await store.FlushAsync();
            Console.Error.WriteLine($"store-bench: filled in {fill.Elapsed.TotalSeconds:F1} s");
        }
        else if (present > entries)
        {
            entries = (int)present;
        }

        var random = new Random(12345);
        // Warm-up: JIT, connection pool, prepared statements.
        for (int i = 0; i < 1000; i++) await store.FindCacheEntryAsync(KeyHash(random.NextInt64(entries)));

        var hits = new double[lookups];
        int found = 0;
        for (int i = 0; i < lookups; i++)
        {
            string key = KeyHash(random.NextInt64(entries));
            long start = Stopwatch.GetTimestamp();
            var entry = await store.FindCacheEntryAsync(key);
            hits[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (entry is not null) found++;
        }
        var misses = new double[lookups / 4];
        for (int i = 0; i < misses.Length; i++)
        {
            string key = KeyHash(entries + random.NextInt64(entries));
            long start = Stopwatch.GetTimestamp();
            if (await store.FindCacheEntryAsync(key) is not null) throw new InvalidOperationException("a miss was found");
            misses[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        var nearest = new double[500];
        for (int i = 0; i < nearest.Length; i++)
        {
            long n = random.NextInt64(entries);
            long start = Stopwatch.GetTimestamp();
            var near = await store.FindNearestCacheEntriesAsync(TaskName(n), TaskDigest(n), null, 5);
            nearest[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            if (near.Count == 0) throw new InvalidOperationException("no nearest entries");
        }
        if (found != lookups) throw new InvalidOperationException($"only {found} of {lookups} keys were found");
        Array.Sort(hits);
        Array.Sort(misses);
        Array.Sort(nearest);
        long size = await StoreSizeAsync(store, a);
        Console.WriteLine(string.Join(' ',
            $"provider={store.Provider} entries={entries} lookups={lookups}",
            $"hit_p50_us={Percentile(hits, 0.50):F0} hit_p99_us={Percentile(hits, 0.99):F0} hit_max_us={hits[^1]:F0}",
            $"miss_p50_us={Percentile(misses, 0.50):F0} miss_p99_us={Percentile(misses, 0.99):F0}",
            $"nearest5_p50_us={Percentile(nearest, 0.50):F0} nearest5_p99_us={Percentile(nearest, 0.99):F0}",
            $"store_mb={size / 1e6:F0}"));
        return 0;
    }

    /// <summary>One run of the given shape, with the writes the engine makes for it: all at once, or
    /// with <paramref name="betweenWaves"/> run after all calls are created and after all are started.</summary>
    private static async Task WriteRunAsync(IRunStore store, string shape, int calls, Func<Task>? betweenWaves)
    {
        string workflow = shape == "chain" ? "chain_bench" : "scatter_bench";
        var run = NewRun(RunRoot, workflow);
        store.Enqueue(run);
        store.Enqueue(new RunStatusChanged(run.RunId, RunStatus.Running, DateTimeOffset.UtcNow));
        var outputs = new List<string>(calls);
        var created = new List<CallCreated>(calls);
        for (int i = 0; i < calls; i++)
        {
            string name = shape == "chain" ? $"{workflow}.step{i}" : $"{workflow}.echo_i";
            var shard = shape == "chain" ? ShardIndex.None : ShardIndex.Of(i);
            var call = CreateCall(store, run, name, shard);
            if (betweenWaves is null)
            {
                StartCall(store, call, i);
                outputs.Add(FinishCall(store, call));
            }
            else
            {
                created.Add(call);
            }
        }
        if (betweenWaves is not null)
        {
            await betweenWaves();
            for (int i = 0; i < calls; i++) StartCall(store, created[i], i);
            await betweenWaves();
            foreach (var call in created) outputs.Add(FinishCall(store, call));
        }
        // The workflow's outputs: the scatter gathers every shard's file; the chain has the last one.
        string value = shape == "chain" ? outputs[^1] : "[" + string.Join(',', outputs) + "]";
        store.Enqueue(new OutputRecorded(run.RunId, null, "outs", value));
        store.Enqueue(new RunStatusChanged(run.RunId, RunStatus.Succeeded, DateTimeOffset.UtcNow));
    }

    /// <summary>The records of one call: the call, one attempt with its job handle, two status
    /// changes and one File output. Returns the output's JSON.</summary>
    private static string WriteCall(IRunStore store, RunCreated run, string name, ShardIndex shard, int i)
    {
        var call = CreateCall(store, run, name, shard);
        StartCall(store, call, i);
        return FinishCall(store, call);
    }

    private static CallCreated CreateCall(IRunStore store, RunCreated run, string name, ShardIndex shard)
    {
        string shortName = name[(name.LastIndexOf('.') + 1)..];
        string dir = shard.IsNone ? $"{run.RunDirectory}/call-{shortName}" : $"{run.RunDirectory}/call-{shortName}/shard-{shard.Text}";
        var call = new CallCreated(Guid.CreateVersion7(), run.RunId, name, shard, CallStatus.Queued, dir, DateTimeOffset.UtcNow);
        store.Enqueue(call);
        return call;
    }

    private static void StartCall(IRunStore store, CallCreated call, int i)
    {
        string dir = call.WorkDirectory!;
        var now = DateTimeOffset.UtcNow;
        store.Enqueue(new AttemptCreated(call.CallId, 1, JobHandle.Local(100_000 + i, $"{dir}/attempt-1/rc"),
            $"{dir}/attempt-1/stdout", $"{dir}/attempt-1/stderr", now));
        store.Enqueue(new CallStatusChanged(call.CallId, call.RunId, CallStatus.Running, now));
    }

    private static string FinishCall(IRunStore store, CallCreated call)
    {
        string output = $"\"{call.WorkDirectory}/attempt-1/out.txt\"";
        store.Enqueue(new OutputRecorded(call.RunId, call.CallId, "out", output));
        store.Enqueue(new CallStatusChanged(call.CallId, call.RunId, CallStatus.Succeeded, DateTimeOffset.UtcNow.AddMilliseconds(5)));
        return output;
    }

    private static RunCreated NewRun(string root, string workflow)
    {
        var id = Guid.CreateVersion7();
        return new RunCreated(id, workflow, "/home/user/pipelines/" + workflow + ".wdl", """{"n":10000}""",
            $"{root}/{DateTime.UtcNow:yyyyMMdd-HHmmss}-{workflow}-{id.ToString("N")[..8]}", DateTimeOffset.UtcNow, Environment.ProcessId, "bench-host");
    }

    private static string KeyHash(long i) => Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i)));

    private static string Digest(string what, long i) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(what + i)));

    // 1,000 tasks, each in 3 versions: a realistic spread for the nearest-entry index.
    private static string TaskName(long i) => $"pipeline.task{i % 1000}";

    private static string TaskDigest(long i) => Digest("task", i % 3000);

    /// <summary>An entry shaped like a real one: a task digest, the rendered command's digest, three
    /// inputs (two files by content digest), the image and two runtime keys; a File output.</summary>
    private static CacheEntry Entry(long i) => new(
        KeyHash(i),
        TaskName(i),
        TaskDigest(i),
        $$"""{"task":"{{TaskDigest(i)}}","command":"{{Digest("command", i)}}","inputs":{"reads":"{{Digest("reads", i)}}","reference":"{{Digest("ref", i % 10)}}","threads":"4"},"image":"ubuntu@{{Digest("image", i % 5)}}","runtime":{"cpu":"4","memory":"8 GiB"}""" + "}",
        Guid.CreateVersion7(),
        $$"""{"bam":"{{RunRoot}}/20261123-101500-align-{{i:x8}}/call-align/shard-{{i % 1000}}/attempt-1/out.bam"}""",
        DateTimeOffset.UtcNow);

    private static async Task<long> CountCacheEntriesAsync(RunStore store, Arguments a)
    {
        if (store is SqliteRunStore sqlite)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqlite.DatabasePath};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM cache_entries";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        await using var pg = new NpgsqlConnection(a.Get("db", ""));
        await pg.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM cache_entries", pg);
        return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>SQLite: the database file after a checkpoint (so the WAL's pages are counted in it).
    /// PostgreSQL: the current schema's tables with their indexes and TOAST, after a VACUUM.</summary>
    private static async Task<long> StoreSizeAsync(RunStore store, Arguments a)
    {
        if (store is SqliteRunStore sqlite)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqlite.DatabasePath};Pooling=False");
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
            return new FileInfo(sqlite.DatabasePath).Length;
        }
        await using var pg = new NpgsqlConnection(a.Get("db", ""));
        await pg.OpenAsync();
        await using (var vacuum = new NpgsqlCommand("VACUUM", pg)) await vacuum.ExecuteNonQueryAsync();
        await using var size = new NpgsqlCommand(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE c.relkind = 'r' AND n.nspname = current_schema()", pg);
        return Convert.ToInt64(await size.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string Us(TimeSpan elapsed, long count) => (elapsed.TotalMicroseconds / count).ToString("F1", CultureInfo.InvariantCulture);

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
