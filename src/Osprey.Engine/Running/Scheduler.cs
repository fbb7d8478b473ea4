using Osprey.Engine.Evaluation;
using Osprey.Engine.Planning;
using Osprey.Engine.Recording;
using Osprey.Engine.State;
using Osprey.Engine.Tasks;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Running;

/// <summary>
/// Runs one workflow (and its subworkflows) to completion on one <see cref="EventLoop"/>.
/// Nodes become ready as their dependencies complete; tasks run asynchronously on the backend
/// and report back to the loop. After the first failure no new node starts; calls already
/// running finish (their results are kept), then the run fails with that first error.
/// </summary>
public sealed class Scheduler
{
    private readonly EventLoop _loop = new();
    private readonly TaskRunner _tasks;
    private readonly RunJournal? _journal;
    private readonly CancellationToken _cancellation;
    private int _inFlight;

    private Scheduler(TaskRunner tasks, RunJournal? journal, RunProgress progress, string baseDirectory, int scatterWindow, CancellationToken cancellation)
    {
        BaseDirectory = baseDirectory;
        _tasks = tasks;
        _journal = journal;
        Progress = progress;
        ScatterWindow = scatterWindow;
        _cancellation = cancellation;
    }

    internal RunProgress Progress { get; }

    /// <summary>What relative paths in workflow-level expressions are relative to.</summary>
    internal string BaseDirectory { get; }

    /// <summary>How many shards of one scatter may be under way at once (shards are expanded lazily).</summary>
    internal int ScatterWindow { get; }

    internal Exception? Failure { get; private set; }

    internal bool Stopping => Failure is not null || _cancellation.IsCancellationRequested;

    /// <param name="journal">Where calls are recorded (and, for a resumed run, what an earlier engine already did); null for none.</param>
    public static async Task<WdlObject> RunWorkflowAsync(WorkflowModel workflow, CallInputs inputs, string directory, string baseDirectory, TaskRunner tasks,
        RunProgress progress, CancellationToken cancellationToken, int scatterWindow = 512, RunJournal? journal = null)
    {
        var scheduler = new Scheduler(tasks, journal, progress, baseDirectory, scatterWindow, cancellationToken);
        WdlObject? outputs = null;
        var root = new WorkflowInstance(scheduler, workflow, inputs, directory, workflow.Name, o => outputs = o, isRoot: true);
        scheduler.Enqueue(root.Start);
        // Cancellation (Ctrl-C) is a failure like any other: no new work starts, and the loop
        // goes on until every running task has been killed and reported, so none is orphaned.
        using var cancelled = cancellationToken.Register(() => scheduler._loop.Post(() => scheduler.Fail(new OperationCanceledException(cancellationToken))));
        await scheduler._loop.RunAsync(() => outputs is not null || (scheduler.Failure is not null && scheduler._inFlight == 0), CancellationToken.None).ConfigureAwait(false);
        if (scheduler.Failure is { } failure) throw failure;
        return outputs!;
    }

    internal void Enqueue(Action action) => _loop.Enqueue(action);

    /// <summary>
    /// Runs a task call off the loop; its result (or failure) comes back on the loop. A call an
    /// earlier engine finished (a resumed run) is not run again: its recorded outputs are used.
    /// </summary>
    /// <param name="name">The call's qualified name without shard (how the store knows it).</param>
    internal void StartTask(TaskCall call, string name, ShardIndex shard, Action<WdlObject> onDone)
    {
        Progress.Queued(call.CallName);
        var record = _journal?.Call(name, shard, call.Directory);
        if (record?.EarlierOutputs is { } earlier)
        {
            Progress.Finished(call.CallName, "done before the restart");
            onDone(StoredOutputs.Read(call.Task, earlier));
            return;
        }
        _inFlight++;
        record?.Queued();
        _ = RunTask(call with { Started = () => _loop.Post(() => Progress.Started(call.CallName)), Record = record }, onDone);
    }

    private async Task RunTask(TaskCall call, Action<WdlObject> onDone)
    {
        try
        {
            var outputs = await Task.Run(() => _tasks.RunAsync(call, _cancellation), CancellationToken.None).ConfigureAwait(false);
            _loop.Post(() =>
            {
                _inFlight--;
                Progress.Finished(call.CallName, call.Record?.CacheHit == true ? "call cache hit" : null);
                if (!Stopping) onDone(outputs);
            });
        }
        catch (Exception e)
        {
            _loop.Post(() =>
            {
                _inFlight--;
                Progress.CallFailed(call.CallName, e is OperationCanceledException ? "cancelled" : e.Message);
                Fail(e);
            });
        }
    }

    /// <summary>Records the first failure; later ones are consequences or concurrent and are dropped.</summary>
    internal void Fail(Exception e)
    {
        Failure ??= e switch
        {
            TaskFailedException t => new RunFailedException(t.Message, t.CallName, t.ExitCode, t.StderrPath, t),
            OperationCanceledException => e,
            RunFailedException => e,
            _ => new RunFailedException(e.Message, inner: e),
        };
    }

    internal LocalFunctionContext WorkflowContext(WorkflowModel workflow, string directory) =>
        new(workflow.Document.Version, BaseDirectory, Path.Combine(directory, "tmp"), cancellationToken: _cancellation);

    internal static BlockPlan PlanFor(WorkflowModel workflow) => PlanCache.GetValue(workflow, WorkflowPlanner.Plan);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorkflowModel, BlockPlan> PlanCache = new();
}
