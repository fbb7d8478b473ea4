using System.Globalization;
using Osprey.Engine.Tasks;

namespace Osprey.Engine.Backends.Local;

/// <summary>
/// The files in an attempt's directory by which a restarted engine finds a local job again: the
/// host launcher's pid file (its /proc stat line, written by the launcher itself before it may
/// start the command) and the name of the attempt's container (written by the engine before it
/// starts the container). Kept on disk beside the attempt rather than only in the run store, so
/// that they exist before the job does whatever happens to the store's queue.
/// </summary>
internal static class LocalJobFiles
{
    public static string PidFile(TaskAttemptSpec attempt) => Path.Combine(attempt.AttemptDirectory, "pid");

    public static string ContainerFile(TaskAttemptSpec attempt) => Path.Combine(attempt.AttemptDirectory, "container");

    /// <summary>The launcher named by the pid file, if that process still exists (the same process, not a later one with its pid).</summary>
    public static int? LiveLauncher(TaskAttemptSpec attempt)
    {
        string? recorded = ReadFirstLine(PidFile(attempt));
        if (recorded is null || !TryParseStat(recorded, out int pid, out _, out string startTime)) return null;
        string? current = ReadFirstLine($"/proc/{pid}/stat");
        if (current is null || !TryParseStat(current, out _, out char state, out string currentStart)) return null;
        return currentStart == startTime && state != 'Z' && state != 'X' ? pid : null;
    }

    /// <summary>
    /// Reads a /proc/PID/stat line: the pid, the state and the start time (field 22, clock ticks
    /// since boot), which together tell a process from a later one that reuses its pid. The
    /// command name in parentheses may itself hold spaces and parentheses, so fields are counted
    /// from the last ')'.
    /// </summary>
    internal static bool TryParseStat(string line, out int pid, out char state, out string startTime)
    {
        pid = 0;
        state = '?';
        startTime = "";
        int open = line.IndexOf(' ');
        int close = line.LastIndexOf(')');
        if (open <= 0 || close < open) return false;
        if (!int.TryParse(line.AsSpan(0, open), NumberStyles.None, CultureInfo.InvariantCulture, out pid)) return false;
        var fields = line[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
        if (fields.Length < 20 || fields[0].Length != 1) return false;
        state = fields[0][0];
        startTime = fields[19];
        return true;
    }

    private static string? ReadFirstLine(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
