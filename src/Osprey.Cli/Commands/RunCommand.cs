using Osprey.Cli.Arguments;
using Osprey.Cli.Running;
using Osprey.Engine.Inputs;
using Osprey.Engine.Running;
using Osprey.Engine.Recording;

namespace Osprey.Cli.Commands;

/// <summary><c>osprey run</c>: check a workflow or task, check its inputs, run it here, print its outputs.</summary>
public sealed class RunCommand : ICommand
{
    public string Name => "run";

    public string Summary => "Run a workflow or task on this machine";

    public string Usage => "osprey run WDL [-i INPUTS.json] [key=value ...] [--task NAME] [--dir DIR] [--no-container] [--no-cache] [-o OPTIONS.json]";

    public string Description =>
        """
        Checks WDL and the inputs, then runs the workflow (or the task named by --task, or the
        document's only task) with tasks as local processes: in a podman or docker container
        when the task names an image and one works here, else on the host.

        Inputs are Cromwell-style JSON keys ('wf.x', and 'wf.call.y' for call inputs the
        workflow leaves open). key=value arguments override the file, with or without the
        'wf.' prefix; repeat a key (or give a JSON array) for an Array. Relative File paths
        resolve against the inputs file's directory, then the current directory. Every input
        problem is reported before anything runs (exit status 2).

        On success stdout holds one JSON object {"id", "dir", "outputs"}; the outputs are also
        written to DIR/outputs.json. Progress goes to stderr. On failure the failed call, its
        exit code and its stderr file are reported on stderr and in DIR/error.json (exit status 1).
        Setting OSPREY__LOCAL__NOCONTAINER=true has the effect of --no-container.

        Every run is recorded in the run store (see 'osprey runs', 'osprey show'); a run whose
        engine died can be finished with 'osprey resume'. The call cache is on: a task call
        whose task, command, inputs (file contents included), image and result-changing
        runtime settings match an earlier successful call reuses that call's outputs instead of
        running. --no-cache turns it off; so do "read_from_cache": false and
        "write_to_cache": false in the options file.
        """;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--inputs", "Inputs JSON file", "INPUTS.json", Alias: "-i"),
        new("--task", "Run this task instead of the workflow", "NAME"),
        new("--dir", "Run directory (default: a new folder under ./runs/)", "DIR"),
        new("--no-container", "Run every task on the host, even when it names an image"),
        new("--no-cache", "Neither reuse earlier results nor record this run's for reuse"),
        new("--options", "Cromwell-style workflow options JSON file", "OPTIONS.json", Alias: "-o"),
        new("--strict", "Report coercions Cromwell tolerates as errors"),
        new("--path", "Another directory to resolve relative imports in (repeatable)", "DIR", Repeatable: true),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliContext context)
    {
        if (arguments.Positionals.Count == 0) throw new UsageException("no WDL file given", Name);
        string file = arguments.Positionals[0];
        var overrides = new List<(string, string)>();
        foreach (var arg in arguments.Positionals.Skip(1))
        {
            int eq = arg.IndexOf('=');
            if (eq <= 0) throw new UsageException($"'{arg}' is not key=value (only one WDL file may be given)", Name);
            overrides.Add((arg[..eq], arg[(eq + 1)..]));
        }
        string? inputsPath = arguments.GetValue("--inputs") is { } i ? Path.GetFullPath(i, context.CurrentDirectory) : null;
        var workflowOptions = arguments.GetValue("--options") is { } optionsFile
            ? await WorkflowOptions.LoadAsync(Path.GetFullPath(optionsFile, context.CurrentDirectory), optionsFile, Name).ConfigureAwait(false)
            : new WorkflowOptions();

        using var session = new CheckSession(context, arguments.HasFlag("--strict"), arguments.GetValues("--path"), Name);
        var compilation = await session.LoadAsync(file).ConfigureAwait(false);
        if (compilation is null) return ExitCodes.Usage;
        if (await session.ReportToStderrAsync(compilation).ConfigureAwait(false)) return ExitCodes.Failure;

        var prepared = RunInputs.Prepare(compilation.Root, arguments.GetValue("--task"), inputsPath, overrides, context.CurrentDirectory);
        if (!prepared.IsValid)
        {
            foreach (var error in prepared.Errors) await context.Error.WriteLineAsync($"osprey: {error}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        var target = prepared.Target!;

        await using var store = await StoreAccess.OpenAsync(context).ConfigureAwait(false);
        var cache = CacheSetup.Create(store, arguments.HasFlag("--no-cache"), workflowOptions, context, Name);
        var id = RunId.New();
        string directory = arguments.GetValue("--dir") is { } dir
            ? RunReference.NormalizeDirectory(dir, context.CurrentDirectory)
            : Path.Combine(context.CurrentDirectory, "runs", RunId.DirectoryName(id, target.Name, DateTime.UtcNow));
        Directory.CreateDirectory(directory);

        var journal = RunJournal.ForNewRun(store, id);
        string wdl = file.Contains("://", StringComparison.Ordinal) ? file : Path.GetFullPath(file, context.CurrentDirectory);
        journal.RunCreated(target.Name, wdl, InputsJson.Serialize(target.Name, prepared.Inputs), directory, SourceDigest.Of(compilation.Root));
        // Before any task starts, so that whatever the run does can be resumed.
        await store.FlushAsync(context.CancellationToken).ConfigureAwait(false);
        bool noContainer = arguments.HasFlag("--no-container") || IsTrue(context.GetEnvironmentVariable("OSPREY__LOCAL__NOCONTAINER"));
        return await new RunSession(context, id, target, prepared.Inputs, directory, journal, cache, noContainer).ExecuteAsync().ConfigureAwait(false);
    }

    internal static bool IsTrue(string? value) => value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
