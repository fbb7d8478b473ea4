using System.Diagnostics;
using Osprey.Engine.Backends.Local;

namespace Osprey.Engine.Tests.Containers;

/// <summary>
/// What tests/containers/setup.sh prepared: podman working with its containers.conf, and the two
/// test images. Read once per test run; <see cref="Require"/> fails a test (never skips it) when
/// something is missing, quoting setup.sh's own failure when it left one.
/// </summary>
public sealed class ContainerTestMachine
{
    private const string Advice = "Run tests/containers/setup.sh (as root; ./test.sh runs it) before the container tests.";

    public ContainerTestMachine()
    {
        string? state = FindStateDirectory();
        string? envFile = state is null ? null : Path.Combine(state, "env");
        if (envFile is null || !File.Exists(envFile))
        {
            string? failure = state is null ? null : Path.Combine(state, "failure");
            Problem = failure is not null && File.Exists(failure)
                ? File.ReadAllText(failure).Trim()
                : "tests/containers/setup.sh has not run on this machine (no .build/containers/env).";
            return;
        }
        // Plain `dotnet test` does not source the file as ./test.sh does; podman must see the same
        // CONTAINERS_CONF either way (without it, runc cannot start containers here).
        foreach (var line in File.ReadAllLines(envFile))
        {
            string assignment = line.StartsWith("export ", StringComparison.Ordinal) ? line["export ".Length..] : line;
            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            string name = assignment[..equals];
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) Environment.SetEnvironmentVariable(name, assignment[(equals + 1)..]);
        }
        Image = Environment.GetEnvironmentVariable("OSPREY_TEST_IMAGE") ?? Image;
        UserImage = Environment.GetEnvironmentVariable("OSPREY_TEST_USER_IMAGE") ?? UserImage;

        var search = ContainerRuntime.Search();
        if (search.Runtime is not { Kind: ContainerRuntimeKind.Podman } runtime)
        {
            Problem = $"podman is not usable: {(search.Runtime is null ? search.WhyNone : "found " + search.Runtime.Executable)}.";
            return;
        }
        Podman = runtime.Executable;
        foreach (var image in new[] { Image, UserImage })
            if (Run(Podman, "image", "exists", image).ExitCode != 0)
                Problem = $"the test image {image} is missing.";
    }

    public string? Problem { get; }

    public string Podman { get; } = "podman";

    public string Image { get; } = "localhost/osprey-test:1";

    /// <summary>The same files with USER 1000:1000 and an ENTRYPOINT that only echoes.</summary>
    public string UserImage { get; } = "localhost/osprey-test:1-user";

    public void Require()
    {
        if (Problem is not null) Assert.Fail($"The container tests need podman and the test images. {Problem}\n{Advice}");
    }

    /// <summary>Runs a command to completion; its stdout.</summary>
    public static (int ExitCode, string Output) Run(string executable, params string[] args)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = stderr.Result;
        return (process.ExitCode, output);
    }

    private static string? FindStateDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Osprey.slnx"))) return Path.Combine(dir.FullName, ".build", "containers");
        return null;
    }
}

/// <summary>
/// The container tests run one at a time, after the parallel ones: some set
/// <see cref="ContainerRuntime.SettingVariable"/>, which is process-wide, and the limits tests
/// measure what a container gets.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContainerCollection : ICollectionFixture<ContainerTestMachine>
{
    public const string Name = "containers";
}
