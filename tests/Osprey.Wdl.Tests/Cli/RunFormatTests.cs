using Osprey.Cli.Rendering;
using Osprey.Engine.State;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>Durations and local times as the run tables print them.</summary>
public class RunFormatTests
{
    [Theory]
    [InlineData(0, "0.0s")]
    [InlineData(2.34, "2.3s")]
    [InlineData(59.94, "59.9s")]
    [InlineData(59.96, "1m 00s")]
    [InlineData(65, "1m 05s")]
    [InlineData(3599.4, "59m 59s")]
    [InlineData(3600, "1h 00m")]
    [InlineData(93784, "26h 03m")]
    [InlineData(-1.5, "0.0s")]
    public void Durations_are_short_and_readable(double seconds, string expected) =>
        Assert.Equal(expected, RunFormat.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Unknown_durations_and_times_are_a_dash()
    {
        Assert.Equal("-", RunFormat.Duration(null));
        Assert.Equal("-", RunFormat.LocalTime(null));
    }

    [Fact]
    public void Times_are_shown_in_the_viewers_zone()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("test+0530", new TimeSpan(5, 30, 0), "test", "test");
        var time = new DateTimeOffset(2026, 12, 31, 20, 45, 7, TimeSpan.Zero);

        Assert.Equal("2027-01-01 02:15:07", RunFormat.LocalTime(time, zone));

        var table = new StringWriter();
        RunListRenderer.WriteTable(table, [new RunSummary(Guid.Parse("12345678-9abc-4def-8000-000000000000"), "wf", RunStatus.Succeeded, "/r", time, time, time.AddSeconds(2))], zone);
        Assert.Equal("12345678  wf        succeeded  2027-01-01 02:15:07  2.0s      /r", table.ToString().Split('\n')[1]);
    }
}
