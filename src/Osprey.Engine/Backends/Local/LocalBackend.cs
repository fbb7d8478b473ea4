using System.Diagnostics;
using System.Globalization;
using Osprey.Engine.Tasks;

namespace Osprey.Engine.Backends.Local;

/// <summary>
/// Runs task attempts as local processes, inside a container when the task names an image and
/// podman or docker works here, else on the host (with one warning per image). One bash process
/// per attempt: it redirects its own output, runs the command script in the working directory,
/// and writes the exit code to the attempt's <c>rc</c> file even if the engine is gone by then.
/// </summary>
public sealed class LocalBackend(ResourceBudget budget, Action<string>? log = null) : ITaskBackend
{
    // $1 work dir, $2 script, $3 stdout, $4 stderr, $5 rc file. The script is sourced (one bash
    // process per attempt, not two); the EXIT trap records its exit status however it ends, and
    // `set --` hides our arguments from it.
    private const string Launcher =
        "cd \"$1\" || exit 97\n__osprey_rc=$5\n__osprey_script=$2\ntrap 'echo $? > \"$__osprey_rc\"' EXIT\nexec >\"$3\" 2>\"$4\" </dev/null\nset --\n. \"$__osprey_script\"\n";

    private readonly HashSet<string> _warnedImages = new(StringComparer.Ordinal);

    public async Task<int> ExecuteAsync(TaskAttemptSpec attempt, CancellationToken cancellationToken)
    {
        using var lease = await budget.AcquireAsync(attempt.Cpu, attempt.MemoryBytes, cancellationToken).ConfigureAwait(false);
        var start = attempt.ContainerImage is { } image && ContainerRuntime.Find() is { } runtime
            ? ContainerCommand(runtime, image, attempt)
            : HostCommand(attempt);
        if (attempt.ContainerImage is { } wanted && ContainerRuntime.Find() is null) WarnNoRuntime(wanted);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new TaskFailedException(attempt.CallName, $"call '{attempt.CallName}': cannot start {start.FileName}: {e.Message}", directory: attempt.AttemptDirectory);
        }
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        return ReadReturnCode(attempt.ReturnCodePath) ?? process.ExitCode;
    }

    private static ProcessStartInfo HostCommand(TaskAttemptSpec attempt)
    {
        var start = new ProcessStartInfo("/bin/bash") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var arg in new[] { "-c", Launcher, "osprey-task", attempt.WorkDirectory, attempt.ScriptPath, attempt.StdoutPath, attempt.StderrPath, attempt.ReturnCodePath })
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in attempt.Environment) start.Environment[name] = value;
        return start;
    }

    /// <summary>The attempt directory is mounted at the same path, inputs read-only at theirs, so paths need no translation.</summary>
    private static ProcessStartInfo ContainerCommand(ContainerRuntime runtime, string image, TaskAttemptSpec attempt)
    {
        var start = new ProcessStartInfo(runtime.Executable) { UseShellExecute = false, RedirectStandardInput = true };
        var args = start.ArgumentList;
        args.Add("run");
        args.Add("--rm");
        args.Add("-v");
        args.Add($"{attempt.AttemptDirectory}:{attempt.AttemptDirectory}");
        foreach (var input in attempt.InputPaths.Distinct(StringComparer.Ordinal))
        {
            if (input.StartsWith(attempt.AttemptDirectory, StringComparison.Ordinal)) continue;
            args.Add("-v");
            args.Add($"{input}:{input}:ro");
        }
        foreach (var (name, value) in attempt.Environment)
        {
            args.Add("-e");
            args.Add($"{name}={value}");
        }
        args.Add($"--cpus={attempt.Cpu.ToString(CultureInfo.InvariantCulture)}");
        if (attempt.MemoryBytes > 0) args.Add($"--memory={attempt.MemoryBytes}");
        args.Add("-w");
        args.Add(attempt.WorkDirectory);
        args.Add(image);
        foreach (var arg in new[] { "bash", "-c", Launcher, "osprey-task", attempt.WorkDirectory, attempt.ScriptPath, attempt.StdoutPath, attempt.StderrPath, attempt.ReturnCodePath })
            args.Add(arg);
        return start;
    }

    private void WarnNoRuntime(string image)
    {
        lock (_warnedImages)
            if (!_warnedImages.Add(image)) return;
        log?.Invoke($"warning: no working podman or docker; tasks that ask for image '{image}' run on the host");
    }

    internal static int? ReadReturnCode(string path)
    {
        try
        {
            string text = File.ReadAllText(path).Trim();
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int rc) ? rc : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
