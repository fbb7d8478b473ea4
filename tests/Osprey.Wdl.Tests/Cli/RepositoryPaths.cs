namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// Where the repository and the shared test data are, found from the test assembly's location:
/// the repository root holds Osprey.slnx, and shared/ sits beside the repository.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Conformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "wdl-conformance"));

    public static string ExpectedCheckFailures => Path.Combine(Root, "tests", "Osprey.Wdl.Tests", "Cli", "expected-check-failures.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Osprey.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"no Osprey.slnx above {AppContext.BaseDirectory}");
    }
}
