using System.Diagnostics;
using System.Globalization;
using Osprey.Engine.State;
using Osprey.Engine.Tasks;

namespace Osprey.Engine.Backends.Local;

/// <summary>
/// Runs task attempts as local processes, inside a container when the task names an image and
/// podman or docker works here (see <see cref="ContainerRuntime"/>), else on the host with one
/// warning per image: a missing runtime must not stop a local run, and the warning says the
/// image was not used. One bash process per attempt (<see cref="TaskLauncher"/>): it redirects
/// its own output, runs the command script in the working directory, and writes the exit code to
/// the attempt's <c>rc</c> file even if the engine is gone by then.
/// </summary>
public sealed class LocalBackend(ResourceBudget budget, Action<string>? log = null) : ITaskBackend
{
    // podman and docker exit with these when the container could not be made or its command not
    // started: then no launcher ran, and the runtime's own message is the failure.
    private static readonly int[] RuntimeFailureCodes = [125, 126, 127];

    private readonly HashSet<string> _warnedImages = new(StringComparer.Ordinal);

    // Looked up once per backend (one run), at the first attempt that names an image.
    private readonly Lazy<ContainerRuntimeSearch> _runtime = new(ContainerRuntime.Search);

    public async Task<int> ExecuteAsync(TaskAttemptSpec attempt, CancellationToken cancellationToken)
    {
        using var lease = await budget.AcquireAsync(attempt.Cpu, attempt.MemoryBytes, cancellationToken).ConfigureAwait(false);
        attempt.Started?.Invoke();
        if (attempt.ContainerImage is not { } image) return await RunOnHostAsync(attempt, cancellationToken).ConfigureAwait(false);
        var search = _runtime.Value;
        if (search.Runtime is { } runtime) return await RunInContainerAsync(runtime, image, attempt, cancellationToken).ConfigureAwait(false);
        WarnNoRuntime(image, search.WhyNone);
        return await RunOnHostAsync(attempt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An attempt an earlier engine started: a finished one has its rc file; a launcher still
    /// alive is waited for (holding the resources it uses); a container is removed, since its
    /// client died with that engine (the call then runs again).
    /// </summary>
    public async Task<int?> ReattachAsync(TaskAttemptSpec attempt, CancellationToken cancellationToken)
    {
        if (ReadReturnCode(attempt.ReturnCodePath) is int finished) return finished;
        if (File.Exists(LocalJobFiles.ContainerFile(attempt)))
        {
            string name = (await File.ReadAllTextAsync(LocalJobFiles.ContainerFile(attempt), cancellationToken).ConfigureAwait(false)).Trim();
            if (_runtime.Value.Runtime is { } runtime && name.Length > 0) await RemoveContainerAsync(runtime, name).ConfigureAwait(false);
            return ReadReturnCode(attempt.ReturnCodePath);
        }
        if (LocalJobFiles.LiveLauncher(attempt) is not int pid) return ReadReturnCode(attempt.ReturnCodePath);
        using var lease = await budget.AcquireAsync(attempt.Cpu, attempt.MemoryBytes, cancellationToken).ConfigureAwait(false);
        attempt.Started?.Invoke();
        // Not our child, so there is no exit to wait on: poll until the launcher is gone.
        try
        {
            while (LocalJobFiles.LiveLauncher(attempt) is not null)
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillAdopted(pid);
            throw;
        }
        return ReadReturnCode(attempt.ReturnCodePath);
    }

    private static void KillAdopted(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            Kill(process);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private static async Task<int> RunOnHostAsync(TaskAttemptSpec attempt, CancellationToken cancellationToken)
    {
        var start = ReadOnlyInputs.HostStartInfo(attempt, TaskLauncher.OnHost);
        foreach (var (name, value) in attempt.Environment) start.Environment[name] = value;

        using var process = Start(start, attempt, hostLauncher: true);
        var sandboxComplaint = start.RedirectStandardError ? process.StandardError.ReadToEndAsync(CancellationToken.None) : null;
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        int? rc = ReadReturnCode(attempt.ReturnCodePath);
        if (rc is null && sandboxComplaint is not null && (await sandboxComplaint.ConfigureAwait(false)).Trim() is { Length: > 0 } complaint)
            throw new TaskFailedException(attempt.CallName,
                $"call '{attempt.CallName}': the read-only input sandbox could not start the task: {complaint} (OSPREY__LOCAL__READONLYINPUTS=false turns it off)",
                directory: attempt.AttemptDirectory);
        return rc ?? process.ExitCode;
    }

    private async Task<int> RunInContainerAsync(ContainerRuntime runtime, string image, TaskAttemptSpec attempt, CancellationToken cancellationToken)
    {
        string name = "osprey-" + Guid.NewGuid().ToString("N")[..16];
        ProcessStartInfo start;
        try
        {
            start = ContainerCommand.StartInfo(runtime, image, attempt, name, Environment.ProcessorCount);
        }
        catch (ArgumentException e)
        {
            throw new TaskFailedException(attempt.CallName, $"call '{attempt.CallName}': {e.Message}", directory: attempt.AttemptDirectory);
        }
        OpenToContainerUser(attempt);
        // Named on disk before it exists, so that a restarted engine can remove it.
        await File.WriteAllTextAsync(LocalJobFiles.ContainerFile(attempt), name, CancellationToken.None).ConfigureAwait(false);

        using var process = Start(start, attempt, hostLauncher: false, containerName: name, runtimeName: runtime.Name);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killing the client does not stop the container (podman has no daemon: conmon keeps
            // it running), so the container is removed by name.
            Kill(process);
            await RemoveContainerAsync(runtime, name).ConfigureAwait(false);
            throw;
        }
        string messages = ((await stderr.ConfigureAwait(false)) + (await stdout.ConfigureAwait(false))).Trim();
        if (ReadReturnCode(attempt.ReturnCodePath) is int rc) return rc;
        if (RuntimeFailureCodes.Contains(process.ExitCode))
            throw new TaskFailedException(attempt.CallName,
                $"call '{attempt.CallName}': {runtime.Name} could not run the command in image '{image}' (exit code {process.ExitCode}): {Tail(messages)}" +
                "\n(to run tasks on the host instead, use --no-container or OSPREY__LOCAL__NOCONTAINER=true)",
                process.ExitCode, directory: attempt.AttemptDirectory);
        // No rc file and not a runtime failure: the whole container was killed (137 when out of memory).
        return process.ExitCode;
    }

    /// <summary>
    /// The container's user may not be the engine's (an image with its own USER, or rootful docker
    /// under a non-root engine): it must be able to create files in the work directory and the
    /// stdout, stderr and rc files beside it.
    /// </summary>
    private static void OpenToContainerUser(TaskAttemptSpec attempt)
    {
        if (OperatingSystem.IsWindows()) return;
        const UnixFileMode everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(attempt.AttemptDirectory, everyone);
        File.SetUnixFileMode(attempt.WorkDirectory, everyone);
    }

    /// <summary>
    /// Starts the attempt's process and reports its job handle. A host launcher waits for "go"
    /// on stdin (see <see cref="TaskLauncher.OnHost"/>), given only after the handle is reported.
    /// </summary>
    private static Process Start(ProcessStartInfo start, TaskAttemptSpec attempt, bool hostLauncher, string? containerName = null, string? runtimeName = null)
    {
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new TaskFailedException(attempt.CallName, $"call '{attempt.CallName}': cannot start {start.FileName}: {e.Message}", directory: attempt.AttemptDirectory);
        }
        attempt.JobStarted?.Invoke(containerName is null
            ? JobHandle.Local(process.Id, attempt.ReturnCodePath)
            : new JobHandle(runtimeName!, containerName, attempt.ReturnCodePath));
        try
        {
            if (hostLauncher) process.StandardInput.WriteLine(TaskLauncher.Go);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The launcher is already gone (e.g. bwrap refused to start); its exit says why.
        }
        return process;
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    private static async Task RemoveContainerAsync(ContainerRuntime runtime, string name)
    {
        // docker's rm --force kills at once; podman's first sends SIGTERM and waits 10 s, which
        // bash as the container's pid 1 ignores, so it is told not to wait.
        string[] args = runtime.Kind == ContainerRuntimeKind.Podman ? ["rm", "--force", "--time", "0", name] : ["rm", "--force", name];
        var start = new ProcessStartInfo(runtime.Executable, args)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or OperationCanceledException)
        {
            // Best effort: the attempt is cancelled either way, and --rm removes the container when it ends.
        }
    }

    /// <summary>The runtime's message without its retry chatter (podman logs each pull retry as a time=... line).</summary>
    private static string Tail(string text)
    {
        string kept = string.Join('\n', text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith("time=", StringComparison.Ordinal)));
        return kept.Length == 0 ? "(no message)" : kept.Length <= 2000 ? kept : "..." + kept[^2000..];
    }

    private void WarnNoRuntime(string image, string why)
    {
        lock (_warnedImages)
            if (!_warnedImages.Add(image)) return;
        log?.Invoke($"warning: {why}; tasks that ask for image '{image}' run on the host");
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
