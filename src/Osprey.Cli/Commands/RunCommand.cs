using System.Text;
using System.Text.Json;
using Osprey.Cli.Arguments;
using Osprey.Cli.Rendering;
using Osprey.Cli.Running;
using Osprey.Engine.Inputs;
using Osprey.Engine.Running;
using Osprey.Engine.Values;

namespace Osprey.Cli.Commands;

/// <summary><c>osprey run</c>: check a workflow or task, check its inputs, run it here, print its outputs.</summary>
public sealed class RunCommand : ICommand
{
    public string Name => "run";

    public string Summary => "Run a workflow or task on this machine";

    public string Usage => "osprey run WDL [-i INPUTS.json] [key=value ...] [--task NAME] [--dir DIR] [--no-container] [-o OPTIONS.json]";

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
        """;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--inputs", "Inputs JSON file", "INPUTS.json", Alias: "-i"),
        new("--task", "Run this task instead of the workflow", "NAME"),
        new("--dir", "Run directory (default: a new folder under ./runs/)", "DIR"),
        new("--no-container", "Run every task on the host, even when it names an image"),
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
        if (arguments.GetValue("--options") is { } optionsFile)
            await WorkflowOptions.ValidateAsync(Path.GetFullPath(optionsFile, context.CurrentDirectory), optionsFile).ConfigureAwait(false);

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

        string id = RunId.New().ToString();
        string directory = arguments.GetValue("--dir") is { } dir
            ? Path.GetFullPath(dir, context.CurrentDirectory)
            : Path.Combine(context.CurrentDirectory, "runs", RunId.DirectoryName(Guid.Parse(id), target.Name, DateTime.UtcNow));
        Directory.CreateDirectory(directory);
        // A directory used before holds the last run's result; tools read these files as this run's.
        File.Delete(Path.Combine(directory, "outputs.json"));
        File.Delete(Path.Combine(directory, "error.json"));

        bool noContainer = arguments.HasFlag("--no-container") || IsTrue(context.GetEnvironmentVariable("OSPREY__LOCAL__NOCONTAINER"));
        var progress = new RunProgress();
        await using var reporter = new ProgressReporter(context.Error, progress, interactive: context.ColorOutput && !Console.IsErrorRedirected);
        var options = new LocalRunOptions(noContainer, reporter.Log, context.CurrentDirectory);
        WdlObject outputs;
        try
        {
            reporter.Log($"run {id}: {target.Name} in {directory}");
            outputs = await LocalRun.RunAsync(target, prepared.Inputs, directory, options, progress, context.CancellationToken).ConfigureAwait(false);
        }
        catch (RunFailedException e)
        {
            await reporter.DisposeAsync().ConfigureAwait(false);
            await RunFailure.ReportAsync(context.Error, directory, id, target.Name, e).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Interrupted: the tasks are already killed; leave a record, then exit as interrupted.
            await reporter.DisposeAsync().ConfigureAwait(false);
            await RunFailure.WriteErrorJsonAsync(directory, id, target.Name, "aborted", "interrupted (Ctrl-C or SIGTERM)", null).ConfigureAwait(false);
            throw;
        }
        await reporter.DisposeAsync().ConfigureAwait(false);

        var named = outputs.MemberNames.Select(n => new KeyValuePair<string, WdlValue>($"{target.Name}.{n}", outputs.TryGetMember(n, out var v) ? v : WdlNone.Instance)).ToList();
        await File.WriteAllTextAsync(Path.Combine(directory, "outputs.json"), OutputsJson(named, indented: true) + "\n").ConfigureAwait(false);
        await context.Out.WriteLineAsync(ResultJson(id, directory, named)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static bool IsTrue(string? value) => value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static string OutputsJson(IEnumerable<KeyValuePair<string, WdlValue>> outputs, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ValueJson.OutputWriterOptions with { Indented = indented }))
            ValueJson.WriteOutputs(writer, outputs);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ResultJson(string id, string directory, IEnumerable<KeyValuePair<string, WdlValue>> outputs)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ValueJson.OutputWriterOptions with { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("dir", directory);
            writer.WritePropertyName("outputs");
            ValueJson.WriteOutputs(writer, outputs);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
