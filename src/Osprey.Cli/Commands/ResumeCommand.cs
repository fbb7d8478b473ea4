using Osprey.Cli.Arguments;
using Osprey.Cli.Running;
using Osprey.Engine.Inputs;
using Osprey.Engine.Recording;
using Osprey.Engine.State;
using Osprey.Wdl.Semantics;

namespace Osprey.Cli.Commands;

/// <summary><c>osprey resume</c>: finish a run whose engine stopped, without redoing what it finished.</summary>
public sealed class ResumeCommand : ICommand
{
    public string Name => "resume";

    public string Summary => "Finish a run whose engine stopped (crashed, killed, or failed calls)";

    public string Usage => "osprey resume ID|DIR [--no-container] [--no-cache] [-o OPTIONS.json] [--path DIR]";

    public string Description =>
        """
        Takes up a recorded run (by id, a unique prefix of it, or its run directory) with the
        WDL and inputs it started with, in the same directory. Calls that succeeded are not
        run again. A task the stopped engine left running is waited for and its result used;
        one that died with it runs again (never twice at once). Failed calls run again, so
        resume also retries a failed run once its cause is fixed. Prints what 'osprey run'
        prints.
        """;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--no-container", "Run every task on the host, even when it names an image"),
        new("--no-cache", "Neither reuse earlier results nor record this run's for reuse"),
        new("--options", "Cromwell-style workflow options JSON file", "OPTIONS.json", Alias: "-o"),
        new("--path", "Another directory to resolve relative imports in (repeatable)", "DIR", Repeatable: true),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliContext context)
    {
        if (arguments.Positionals.Count != 1) throw new UsageException("give one run: its id (or a unique prefix) or its directory", Name);
        var workflowOptions = arguments.GetValue("--options") is { } optionsFile
            ? await WorkflowOptions.LoadAsync(Path.GetFullPath(optionsFile, context.CurrentDirectory), optionsFile, Name).ConfigureAwait(false)
            : new WorkflowOptions();

        await using var store = await StoreAccess.OpenAsync(context).ConfigureAwait(false);
        var run = await RunReference.ResolveAsync(store, arguments.Positionals[0], context).ConfigureAwait(false);
        EnsureNotRunningElsewhere(run);

        using var session = new CheckSession(context, strict: false, arguments.GetValues("--path"), Name);
        var compilation = await session.LoadAsync(run.WdlPath).ConfigureAwait(false);
        if (compilation is null) return ExitCodes.Failure;
        if (await session.ReportToStderrAsync(compilation).ConfigureAwait(false)) return ExitCodes.Failure;
        var recorded = await RunJournal.RecordedSourceDigestAsync(store, run.Id, context.CancellationToken).ConfigureAwait(false);
        if (recorded is not null && recorded != SourceDigest.Of(compilation.Root))
            throw new CommandFailedException(
                $"the WDL of run {run.Id} ({run.WdlPath} or a file it imports) changed since the run started, so its recorded calls may no longer fit it; " +
                "start a new run instead: the call cache reuses every call whose task and inputs are unchanged");

        // The inputs as the run bound them (absolute paths), read the way `osprey run -i` reads a file.
        Directory.CreateDirectory(run.RunDirectory);
        string inputsPath = Path.Combine(run.RunDirectory, "inputs.json");
        await File.WriteAllTextAsync(inputsPath, run.InputsJson + "\n").ConfigureAwait(false);
        string? taskName = compilation.Root.Workflow?.Name == run.WorkflowName ? null : run.WorkflowName;
        var prepared = RunInputs.Prepare(compilation.Root, taskName, inputsPath, [], run.RunDirectory);
        if (!prepared.IsValid)
        {
            foreach (var error in prepared.Errors) await context.Error.WriteLineAsync($"osprey: {error}").ConfigureAwait(false);
            throw new CommandFailedException($"the recorded inputs of run {run.Id} no longer fit {run.WdlPath}");
        }

        var journal = await RunJournal.ForResumeAsync(store, run.Id, context.CancellationToken).ConfigureAwait(false);
        journal.EngineTookOver();
        var cache = CacheSetup.Create(store, arguments.HasFlag("--no-cache"), workflowOptions, context, Name);
        bool noContainer = arguments.HasFlag("--no-container") || RunCommand.IsTrue(context.GetEnvironmentVariable("OSPREY__LOCAL__NOCONTAINER"));
        return await new RunSession(context, run.Id, prepared.Target!, prepared.Inputs, run.RunDirectory, journal, cache, noContainer).ExecuteAsync().ConfigureAwait(false);
    }

    /// <summary>Two engines on one run would run its calls twice: refuse while the recorded engine process is alive.</summary>
    private static void EnsureNotRunningElsewhere(StoredRun run)
    {
        if (run.Status is not (RunStatus.Queued or RunStatus.Running)) return;
        if (run.EnginePid is not int pid || pid == Environment.ProcessId || run.EngineHost != Environment.MachineName) return;
        string cmdline;
        try
        {
            cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        // A pid can be reused by an unrelated process once the engine is gone.
        if (cmdline.Contains("osprey", StringComparison.Ordinal))
            throw new CommandFailedException($"run {run.Id} is still being run by process {pid} on {run.EngineHost}; stop it first (Ctrl-C or kill {pid})");
    }
}
