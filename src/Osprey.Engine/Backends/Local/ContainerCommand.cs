using System.Diagnostics;
using System.Globalization;
using Osprey.Engine.Tasks;

namespace Osprey.Engine.Backends.Local;

/// <summary>
/// The <c>run</c> command line for one attempt in a container. The attempt directory is mounted
/// at the same path and each input read-only at its own, so no path in the command, the inputs or
/// the outputs needs translating. Podman and docker get the same flags: every one used here means
/// the same to both.
/// </summary>
public static class ContainerCommand
{
    // Below this, bash and the runtime's own set-up inside the cgroup do not fit (podman and
    // docker refuse less than 6 MB, and runc fails when the limit is under current usage).
    internal const long MinimumMemoryBytes = 16L << 20;

    /// <summary>The runtime's process for the attempt, named <paramref name="name"/> so that the engine can remove the container when it cancels.</summary>
    /// <exception cref="ArgumentException">A path cannot be written as a bind mount.</exception>
    public static ProcessStartInfo StartInfo(ContainerRuntime runtime, string image, TaskAttemptSpec attempt, string name, int hostCpus)
    {
        var start = new ProcessStartInfo(runtime.Executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            // The task's own output goes to its files from inside; what comes here is the
            // runtime's (pull progress, "image not known"), kept for the failure message.
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in Arguments(image, attempt, name, hostCpus)) start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>The arguments after the executable: the same for podman and docker.</summary>
    public static List<string> Arguments(string image, TaskAttemptSpec attempt, string name, int hostCpus)
    {
        var args = new List<string> { "run", "--rm", "--name", name };
        // SELinux hosts deny access to unlabelled bind mounts; relabelling them (:z) would change
        // the labels of the user's own input files, so the container is left unconfined instead.
        // A no-op where SELinux is off.
        args.AddRange(["--security-opt", "label=disable"]);
        args.AddRange(["-v", Bind(attempt.AttemptDirectory, readOnly: false)]);
        foreach (var input in InputMounts(attempt))
            args.AddRange(["-v", Bind(input, readOnly: true)]);
        foreach (var (variable, value) in attempt.Environment)
            args.AddRange(["-e", $"{variable}={value}"]);
        // docker rejects more cpus than the host has (podman accepts it); the budget already
        // treats such a request as "the whole machine", so the limit says the same.
        double cpus = Math.Clamp(attempt.Cpu, 0.01, Math.Max(1, hostCpus));
        args.Add($"--cpus={cpus.ToString("0.##", CultureInfo.InvariantCulture)}");
        if (attempt.MemoryBytes > 0)
        {
            long memory = Math.Max(attempt.MemoryBytes, MinimumMemoryBytes);
            // Equal memory and memory-swap: the task gets what it asked for, not that much again in
            // swap (podman's default allows twice the memory in total).
            args.Add($"--memory={memory.ToString(CultureInfo.InvariantCulture)}");
            args.Add($"--memory-swap={memory.ToString(CultureInfo.InvariantCulture)}");
        }
        args.AddRange(["-w", attempt.WorkDirectory]);
        // The command is a bash script: an image's own ENTRYPOINT (a wrapper, a tool) would
        // receive our launcher as its arguments instead of running it.
        args.AddRange(["--entrypoint", "bash"]);
        args.Add(image);
        args.AddRange(["-c", TaskLauncher.InContainer]);
        args.AddRange(TaskLauncher.Arguments(attempt));
        return args;
    }

    /// <summary>
    /// The input paths to mount: local, existing, outside the attempt directory (already mounted),
    /// and not inside another mounted input directory; each once.
    /// </summary>
    internal static List<string> InputMounts(TaskAttemptSpec attempt)
    {
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in attempt.InputPaths)
        {
            string path = raw.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(raw).LocalPath : raw;
            // A relative path would be taken for a named volume; inputs reach the backend absolute.
            if (!Path.IsPathRooted(path)) continue;
            path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            // A missing path would stop the container from starting; the command reports it better.
            if (!File.Exists(path) && !Directory.Exists(path)) continue;
            if (IsWithin(path, attempt.AttemptDirectory)) continue;
            candidates.Add(path);
        }
        // Sorted, a directory comes before everything inside it, so one pass finds each path that a
        // kept directory already covers. Only directories can cover, and they are few.
        var mounts = new List<string>();
        var directories = new List<string>();
        foreach (var path in candidates)
        {
            if (directories.Exists(d => IsWithin(path, d))) continue;
            mounts.Add(path);
            if (Directory.Exists(path)) directories.Add(path);
        }
        return mounts;
    }

    private static bool IsWithin(string path, string directory)
    {
        string dir = Path.TrimEndingDirectorySeparator(directory);
        return path.Length > dir.Length ? path.StartsWith(dir + "/", StringComparison.Ordinal) : path == dir;
    }

    // `-v` splits on ':', and neither runtime has an escape for it.
    private static string Bind(string path, bool readOnly) =>
        path.Contains(':', StringComparison.Ordinal)
            ? throw new ArgumentException($"'{path}' contains ':' and cannot be mounted into a container")
            : readOnly ? $"{path}:{path}:ro" : $"{path}:{path}";
}
