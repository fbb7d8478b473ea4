using Osprey.Engine.Backends.Local;
using Osprey.Engine.Caching;
using Osprey.Engine.Recording;
using Osprey.Engine.State;
using Osprey.Engine.Storage;
using Osprey.Engine.Tasks;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Running;

/// <summary>Settings of a local run.</summary>
/// <param name="BaseDirectory">What relative paths in workflow expressions are relative to (default: the current directory).</param>
/// <param name="FileCacheDirectory">Where http(s) File inputs are downloaded (default: the user's cache directory).</param>
/// <param name="Journal">Where the run's calls are recorded; null to record nothing.</param>
/// <param name="Cache">The call cache (needs <paramref name="Journal"/>); null when off.</param>
public sealed record LocalRunOptions(bool NoContainer = false, Action<string>? Log = null, string? BaseDirectory = null, string? FileCacheDirectory = null,
    RunJournal? Journal = null, CallCache? Cache = null);

/// <summary>Runs a checked workflow or task on this machine: local processes, containers where they work.</summary>
public static class LocalRun
{
    /// <summary>
    /// The workflow or task to run: the named task, else the document's workflow, else its only
    /// task. Null with a message when there is no such target.
    /// </summary>
    public static CallableModel? SelectTarget(DocumentModel document, string? taskName, out string? error)
    {
        error = null;
        if (taskName is not null)
        {
            if (document.Tasks.TryGetValue(taskName, out var named)) return named;
            error = $"the document has no task named '{taskName}' (tasks: {string.Join(", ", document.Tasks.Keys.Order())})";
            return null;
        }
        if (document.Workflow is { } workflow) return workflow;
        if (document.Tasks.Count == 1) return document.Tasks.Values.First();
        error = document.Tasks.Count == 0
            ? "the document has no workflow and no task to run"
            : $"the document has no workflow and several tasks; choose one with --task ({string.Join(", ", document.Tasks.Keys.Order())})";
        return null;
    }

    public static async Task<WdlObject> RunAsync(CallableModel target, CallInputs inputs, string directory, LocalRunOptions options, RunProgress progress, CancellationToken cancellationToken)
    {
        var budget = ResourceBudget.ForThisMachine();
        var backend = new LocalBackend(budget, options.Log);
        // Tasks that do not say how much memory they need reserve an equal share of the machine
        // per core, so an unannotated scatter runs one task per core.
        long defaultMemory = (long)(budget.TotalMemory / Math.Max(1, budget.TotalCpus));
        using var http = new HttpFileCache(options.FileCacheDirectory ?? HttpFileCache.DefaultDirectory());
        var tasks = new TaskRunner(backend, new TaskRunOptions(options.NoContainer, defaultMemory, options.Log, new FileLocalizer(http),
            options.Journal is null ? null : options.Cache));
        Directory.CreateDirectory(directory);
        switch (target)
        {
            case WorkflowModel workflow:
                return await Scheduler.RunWorkflowAsync(workflow, inputs, directory, options.BaseDirectory ?? Directory.GetCurrentDirectory(), tasks, progress,
                    cancellationToken, journal: options.Journal).ConfigureAwait(false);
            case TaskModel task:
                try
                {
                    string callDirectory = Path.Combine(directory, $"call-{task.Name}");
                    var record = options.Journal?.Call(task.Name, ShardIndex.None, callDirectory);
                    progress.Queued(task.Name);
                    if (record?.EarlierOutputs is { } earlier)
                    {
                        progress.Finished(task.Name, "done before the restart");
                        return StoredOutputs.Read(task, earlier);
                    }
                    record?.Queued();
                    progress.Started(task.Name);
                    var outputs = await tasks.RunAsync(new TaskCall(task, task.Name, callDirectory, inputs.Values, Record: record), cancellationToken).ConfigureAwait(false);
                    progress.Finished(task.Name, record?.CacheHit == true ? "call cache hit" : null);
                    return outputs;
                }
                catch (TaskFailedException e)
                {
                    progress.CallFailed(task.Name, e.Message);
                    throw new RunFailedException(e.Message, e.CallName, e.ExitCode, e.StderrPath, e);
                }
            default:
                throw new ArgumentException("a run target is a workflow or a task", nameof(target));
        }
    }
}
