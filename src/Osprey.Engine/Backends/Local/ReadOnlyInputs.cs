using System.Diagnostics;
using System.Runtime.InteropServices;
using Osprey.Engine.Tasks;

namespace Osprey.Engine.Backends.Local;

/// <summary>
/// Makes a host task's input files read-only to it, as a container's read-only mounts do: the
/// task runs under bubblewrap with the whole file system bound as it is and each input bound
/// read-only on top, at its own path (so the command needs no path translation). Used only when
/// the task has local inputs and <c>bwrap</c> works here; costs one extra process (tens of ms).
/// Without bwrap inputs are passed by path and a task could write to them.
/// <c>OSPREY__LOCAL__READONLYINPUTS=false</c> turns this off.
/// </summary>
internal static partial class ReadOnlyInputs
{
    // Past this many inputs the bwrap command line gets long; such tasks run unprotected.
    private const int MostInputs = 2000;

    private static readonly Lazy<string?> Bubblewrap = new(FindWorkingBubblewrap);

    public static bool Enabled =>
        !string.Equals(Environment.GetEnvironmentVariable("OSPREY__LOCAL__READONLYINPUTS"), "false", StringComparison.OrdinalIgnoreCase)
        && Bubblewrap.Value is not null;

    /// <summary>The process to start for a host attempt: bash, under bwrap when there are inputs to protect.</summary>
    public static ProcessStartInfo HostStartInfo(TaskAttemptSpec attempt, string launcher)
    {
        var inputs = Protectable(attempt);
        bool sandbox = inputs.Count > 0 && inputs.Count <= MostInputs && Enabled;
        // Under bwrap, stderr is a pipe: the task's own output goes to its files, so anything
        // arriving there is bwrap's complaint about the sandbox, for the failure message.
        var start = new ProcessStartInfo(sandbox ? Bubblewrap.Value! : "/bin/bash") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = sandbox };
        var args = start.ArgumentList;
        if (sandbox)
        {
            args.Add("--dev-bind");
            args.Add("/");
            args.Add("/");
            foreach (var path in inputs)
            {
                args.Add("--ro-bind");
                args.Add(path);
                args.Add(path);
            }
            args.Add("--");
            args.Add("/bin/bash");
        }
        args.Add("-c");
        args.Add(launcher);
        foreach (var arg in TaskLauncher.HostArguments(attempt)) args.Add(arg);
        return start;
    }

    /// <summary>Existing local inputs outside the attempt directory, by their real paths (bwrap cannot bind through a symbolic link anywhere in the path).</summary>
    private static List<string> Protectable(TaskAttemptSpec attempt)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        string root = Path.TrimEndingDirectorySeparator(attempt.AttemptDirectory) + Path.DirectorySeparatorChar;
        foreach (var input in attempt.InputPaths)
        {
            if (!Path.IsPathRooted(input) || input.StartsWith(root, StringComparison.Ordinal)) continue;
            if (RealPath(input) is { } real) paths.Add(real);
        }
        return paths.ToList();
    }

    /// <summary>realpath(3): the path with every symbolic link and dot resolved; null when it does not exist.</summary>
    private static string? RealPath(string path)
    {
        nint resolved = RealPathNative(path, 0);
        if (resolved == 0) return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint RealPathNative(string path, nint resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(nint pointer);

    private static string? FindWorkingBubblewrap()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, "bwrap");
            if (!File.Exists(candidate)) continue;
            try
            {
                // bwrap needs user or mount namespaces; a machine may have it installed but forbid them.
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["--dev-bind", "/", "/", "--", "/bin/true"]) { RedirectStandardError = true })!;
                probe.StandardError.ReadToEnd();
                return probe.WaitForExit(10_000) && probe.ExitCode == 0 ? candidate : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
        return null;
    }
}
