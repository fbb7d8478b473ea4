using System.Globalization;
using Osprey.Engine.State;

namespace Osprey.Cli.Rendering;

/// <summary>How runs and calls read in tables: statuses, local times and short durations.</summary>
public static class RunFormat
{
    /// <summary>The run's id as <c>osprey runs</c> shows it: enough to type back as a prefix.</summary>
    public static string ShortId(Guid id) => id.ToString("N")[..8];

    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string Status(CallStatus status) => status.ToString().ToLowerInvariant();

    public static string Status(AttemptStatus status) => status.ToString().ToLowerInvariant();

    /// <summary><c>hit</c>, <c>miss</c> or <c>disabled</c> (JSON); null when the cache was not consulted.</summary>
    public static string? Cache(CacheResult? result) => result?.ToString().ToLowerInvariant();

    /// <summary>In the viewer's time zone: times are read by a person comparing them to their clock.</summary>
    public static string LocalTime(DateTimeOffset? time, TimeZoneInfo? zone = null) =>
        time is { } t
            ? TimeZoneInfo.ConvertTime(t, zone ?? TimeZoneInfo.Local).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "-";

    /// <summary><c>2.3s</c> under a minute, <c>1m 05s</c> under an hour, <c>2h 03m</c> beyond; <c>-</c>
    /// when unknown (not started, or still running).</summary>
    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } d) return "-";
        // Clocks of different machines (a run resumed elsewhere) can make an interval negative.
        if (d < TimeSpan.Zero) d = TimeSpan.Zero;
        long tenths = (long)Math.Round(d.TotalSeconds * 10, MidpointRounding.AwayFromZero);
        if (tenths < 600) return (tenths / 10.0).ToString("0.0", CultureInfo.InvariantCulture) + "s";
        long seconds = (long)Math.Round(d.TotalSeconds, MidpointRounding.AwayFromZero);
        if (seconds < 3600) return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m {seconds % 60:00}s");
        long minutes = seconds / 60;
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h {minutes % 60:00}m");
    }
}
