using System.Globalization;

namespace Osprey.Cli.Running;

/// <summary>
/// Runs are named by a random UUID (as in Cromwell); any unique prefix of it names the run on
/// the command line. Run directories start with the date so that a listing sorts by age.
/// </summary>
public static class RunId
{
    public static Guid New() => Guid.NewGuid();

    /// <summary><c>20261123-121530-4f9a2c1d-wf</c>: the start time, the id's first 8 digits and the target.</summary>
    public static string DirectoryName(Guid id, string target, DateTime utcNow) =>
        utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + id.ToString("N")[..8] + "-" + target;
}
