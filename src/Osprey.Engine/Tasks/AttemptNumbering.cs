using System.Globalization;

namespace Osprey.Engine.Tasks;

/// <summary>
/// Where a call's attempts start. A new call starts at attempt 1 in an emptied directory (a run
/// directory used before holds the last run's attempts: their files would show up in glob() and
/// an old rc file could stand for a new attempt's). A call of a resumed run keeps what is there:
/// if the dead engine was running it, its last attempt is adopted (waited for, or found
/// finished); otherwise new attempts are numbered after the existing ones.
/// </summary>
internal readonly record struct AttemptNumbering(int First, int? Adopt)
{
    public static AttemptNumbering For(TaskCall call)
    {
        if (call.Record?.Earlier is null)
        {
            if (Directory.Exists(call.Directory)) Directory.Delete(call.Directory, recursive: true);
            return new AttemptNumbering(1, null);
        }
        int last = LastAttempt(call.Directory);
        if (call.Record.WasActive && last > 0) return new AttemptNumbering(last, last);
        return new AttemptNumbering(last + 1, null);
    }

    private static int LastAttempt(string callDirectory)
    {
        if (!Directory.Exists(callDirectory)) return 0;
        int last = 0;
        foreach (var dir in Directory.EnumerateDirectories(callDirectory, "attempt-*"))
        {
            if (int.TryParse(Path.GetFileName(dir).AsSpan("attempt-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                last = Math.Max(last, n);
        }
        return last;
    }
}
