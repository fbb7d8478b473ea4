using System.Globalization;
using Osprey.Engine.State;

// Run store benchmarks; each prints one line of key=value pairs on stdout (progress on stderr).
//   calls  --provider P --db DB --shape scatter|chain --calls N [--runs R] [--waves yes] [--sync full|normal]
//          writes R runs of N calls each with the records the engine writes per call, and reports
//          the caller's enqueue cost, the writer's drain time and CPU, and the store's growth per call;
//          with --waves yes, each call's records come in three flushed waves (created, started, ended)
//   flush  --provider P --db DB --calls N [--sync full|normal]
//          one call's records then FlushAsync, N times in a row: the latency of "durable before visible"
//   cache  --provider P --db DB --entries N --lookups L
//          fills the call cache to N entries (kept between runs), then times exact-key lookups
//          (hits and misses) and nearest-entry queries
// DB is a SQLite file path or a PostgreSQL connection string.
var options = Arguments.Parse(args);
return options.Command switch
{
    "calls" => await Benchmarks.CallsAsync(options),
    "flush" => await Benchmarks.FlushAsync(options),
    "cache" => await Benchmarks.CacheAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Osprey.StoreBench calls|flush|cache --provider sqlite|postgres --db DB [options]");
    return 2;
}

internal sealed record Arguments(string Command, Dictionary<string, string> Values)
{
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        return new Arguments(args.Length > 0 ? args[0] : "", values);
    }

    public string Get(string name, string fallback) => Values.TryGetValue(name, out var v) ? v : fallback;

    public int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public RunStoreOptions StoreOptions(int maxBatch = 2000) =>
        new(RunStoreOptions.ParseProvider(Get("provider", "sqlite")), Get("db", ""))
        {
            SqliteSyncEveryCommit = Get("sync", "full") == "full",
            MaxBatchWrites = maxBatch,
        };
}
