using System.Diagnostics;
using System.Globalization;
using Osprey.Wdl;
using Osprey.Wdl.Loading;

namespace Osprey.Bench;

/// <summary>
/// Warm in-process timings of the checker, for bench/check-throughput.sh:
///   throughput [--iterations N] FILE...   check each file once to warm up, then N timed passes over all
///   single [--iterations N] FILE          the same for one (large) file
///   generate [--lines N] OUT              write a synthetic document of about N lines
/// Results are printed as one <c>key=value</c> line for the script to read.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Osprey.Bench throughput|single|generate ...");
            return 2;
        }
        var rest = args[1..].ToList();
        int iterations = TakeOption(rest, "--iterations", 20);
        switch (args[0])
        {
            case "throughput":
            case "single":
                await MeasureAsync(rest, iterations);
                return 0;
            case "generate":
                int lines = TakeOption(rest, "--lines", 10_000);
                string text = LargeDocument.Generate(lines);
                File.WriteAllText(rest.Single(), text);
                Console.WriteLine(FormattableString.Invariant($"lines={text.Count(c => c == '\n')} bytes={text.Length}"));
                return 0;
            default:
                Console.Error.WriteLine($"unknown mode '{args[0]}'");
                return 2;
        }
    }

    private static int TakeOption(List<string> args, string name, int fallback)
    {
        int at = args.IndexOf(name);
        if (at < 0) return fallback;
        int value = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
        args.RemoveRange(at, 2);
        return value;
    }

    private static async Task MeasureAsync(List<string> files, int iterations)
    {
        var paths = files.Select(Path.GetFullPath).ToList();
        long bytes = paths.Sum(p => new FileInfo(p).Length);
        var source = new FileDocumentSource();
        var options = new CheckOptions();

        // Warm-up: JIT, tiering and the OS page cache. Twice, so tier-1 code is in place.
        int errors = 0;
        for (int round = 0; round < 2; round++)
        {
            errors = 0;
            foreach (string path in paths)
                errors += (await Compilation.LoadAsync(path, source, options)).Diagnostics.Count(d => d.IsError);
        }

        var times = new List<double>(iterations);
        for (int i = 0; i < iterations; i++)
        {
            var clock = Stopwatch.StartNew();
            foreach (string path in paths)
                await Compilation.LoadAsync(path, source, options);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double mean = times.Average();
        double median = times[times.Count / 2];
        Console.WriteLine(FormattableString.Invariant(
            $"files={paths.Count} bytes={bytes} iterations={iterations} errors={errors} mean_ms={mean:F2} median_ms={median:F2} best_ms={times[0]:F2} files_per_s={paths.Count / (median / 1000):F0} mb_per_s={bytes / 1e6 / (median / 1000):F2}"));
    }
}
