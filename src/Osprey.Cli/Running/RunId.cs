using System.Globalization;

namespace Osprey.Cli.Running;

/// <summary>Run ids sort by start time and stay unique: <c>20261123-121530-4f9a2c</c>.</summary>
public static class RunId
{
    public static string New() =>
        DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
}
