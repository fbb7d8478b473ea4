using System.Diagnostics;

namespace Osprey.Engine.Backends.Local;

/// <summary>
/// A working podman or docker on this machine, found once: the first of them whose
/// <c>info</c> command succeeds (a docker client with no daemon does not count).
/// </summary>
public sealed class ContainerRuntime
{
    private static readonly Lazy<ContainerRuntime?> Detected = new(Detect);

    private ContainerRuntime(string executable) => Executable = executable;

    public string Executable { get; }

    public static ContainerRuntime? Find() => Detected.Value;

    private static ContainerRuntime? Detect()
    {
        foreach (var name in new[] { "podman", "docker" })
        {
            string? path = FindOnPath(name);
            if (path is not null && Works(path)) return new ContainerRuntime(path);
        }
        return null;
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
            return process.WaitForExit(15_000) && process.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }
}
