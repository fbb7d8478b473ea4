using System.Collections.Concurrent;
using System.Diagnostics;

namespace Osprey.Engine.Backends.Local;

/// <summary>Which command-line dialect a runtime speaks; podman and docker share almost all of <c>run</c>.</summary>
public enum ContainerRuntimeKind
{
    Podman,
    Docker,
}

/// <summary>
/// A working podman or docker on this machine: by default the first of them whose <c>info</c>
/// command succeeds (a docker client with no daemon does not count). The environment variable
/// <see cref="SettingVariable"/> overrides the search: <c>podman</c> or <c>docker</c> (only that
/// one, still checked), <c>none</c> (never use containers), <c>auto</c> (the default), or the path
/// of a podman or docker executable.
/// </summary>
public sealed class ContainerRuntime
{
    public const string SettingVariable = "OSPREY__LOCAL__CONTAINERRUNTIME";

    // One search per distinct setting: `info` takes a second or more, and tests switch the setting.
    private static readonly ConcurrentDictionary<string, Lazy<ContainerRuntimeSearch>> Searches = new(StringComparer.Ordinal);

    private ContainerRuntime(string executable, ContainerRuntimeKind kind)
    {
        Executable = executable;
        Kind = kind;
    }

    public string Executable { get; }

    public ContainerRuntimeKind Kind { get; }

    public string Name => Kind == ContainerRuntimeKind.Docker ? "docker" : "podman";

    /// <summary>A runtime at a known path, not checked: for building command lines.</summary>
    public static ContainerRuntime At(string executable, ContainerRuntimeKind kind) => new(executable, kind);

    /// <summary>The runtime to use under the current setting, or null.</summary>
    public static ContainerRuntime? Find() => Search().Runtime;

    /// <summary>The runtime to use under the current setting, or null with the reason there is none.</summary>
    public static ContainerRuntimeSearch Search()
    {
        string setting = (Environment.GetEnvironmentVariable(SettingVariable) ?? "").Trim();
        if (setting.Length == 0) setting = "auto";
        return Searches.GetOrAdd(setting, s => new Lazy<ContainerRuntimeSearch>(() => Detect(s))).Value;
    }

    private static ContainerRuntimeSearch Detect(string setting)
    {
        switch (setting.ToLowerInvariant())
        {
            case "none":
                return new ContainerRuntimeSearch(null, $"containers are turned off ({SettingVariable}=none)");
            case "auto":
                foreach (var kind in new[] { ContainerRuntimeKind.Podman, ContainerRuntimeKind.Docker })
                {
                    string name = kind == ContainerRuntimeKind.Docker ? "docker" : "podman";
                    if (FindOnPath(name) is { } path && Works(path)) return new ContainerRuntimeSearch(new ContainerRuntime(path, kind), "");
                }
                return new ContainerRuntimeSearch(null, "no working podman or docker (their 'info' command fails or they are not on PATH)");
        }
        string executable = setting.Contains('/', StringComparison.Ordinal) ? setting : FindOnPath(setting) ?? "";
        var named = Path.GetFileName(setting).Contains("docker", StringComparison.OrdinalIgnoreCase) ? ContainerRuntimeKind.Docker : ContainerRuntimeKind.Podman;
        if (executable.Length == 0 || !File.Exists(executable))
            return new ContainerRuntimeSearch(null, $"{SettingVariable}={setting} names no executable on this machine");
        return Works(executable)
            ? new ContainerRuntimeSearch(new ContainerRuntime(executable, named), "")
            : new ContainerRuntimeSearch(null, $"{SettingVariable}={setting}, but '{executable} info' fails");
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static bool Works(string executable)
    {
        try
        {
            var info = new ProcessStartInfo(executable, ["info"]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (process.WaitForExit(15_000)) return process.ExitCode == 0;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            return false;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>The outcome of looking for a container runtime: the runtime, or why there is none.</summary>
public sealed record ContainerRuntimeSearch(ContainerRuntime? Runtime, string WhyNone);
