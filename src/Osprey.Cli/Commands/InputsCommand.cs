using Osprey.Cli.Arguments;
using Osprey.Cli.Rendering;
using Osprey.Wdl.Semantics;

namespace Osprey.Cli.Commands;

/// <summary><c>osprey inputs</c>: print an inputs JSON template to fill in before a run.</summary>
public sealed class InputsCommand : ICommand
{
    public string Name => "inputs";

    public string Summary => "Print an inputs JSON template for a workflow or task";

    public string Usage => "osprey inputs [--task NAME] [--strict] [--path DIR]... FILE";

    public string Description =>
        """
        Checks FILE, then prints on stdout a JSON object with one key per input a user may set:
        'wf.x' for the workflow's inputs and 'wf.call.x' for inputs of calls that the workflow
        does not supply. Required inputs come first, valued by their WDL type ("Int"); then
        optional ones ("String? (optional)", "Int (optional, default = 5)").

        The target is the document's workflow, or the task named by --task; a document with no
        workflow and a single task uses that task. Diagnostics go to stderr; if FILE has errors
        no template is printed and the exit status is 1.
        """;

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("--task", "Make the template for this task instead of the workflow", "NAME"),
        new("--strict", "Report coercions Cromwell tolerates as errors"),
        new("--path", "Another directory to resolve relative imports in (repeatable)", "DIR", Repeatable: true),
    ];

    public async Task<int> RunAsync(ParsedArguments arguments, CliContext context)
    {
        if (arguments.Positionals.Count != 1)
            throw new UsageException(arguments.Positionals.Count == 0 ? "no FILE given" : "give exactly one FILE", Name);
        string file = arguments.Positionals[0];

        using var session = new CheckSession(context, arguments.HasFlag("--strict"), arguments.GetValues("--path"), Name);
        var compilation = await session.LoadAsync(file).ConfigureAwait(false);
        if (compilation is null) return ExitCodes.Usage;

        // stdout is the template (often redirected to a file), so diagnostics go to stderr.
        if (await session.ReportToStderrAsync(compilation).ConfigureAwait(false)) return ExitCodes.Failure;

        var target = ChooseTarget(compilation.Root, file, arguments.GetValue("--task"));
        if (target is null)
        {
            await context.Error.WriteLineAsync($"osprey: '{file}' has no workflow and no task").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        InputsTemplateRenderer.Write(context.Out, InputsTemplateRenderer.Entries(target));
        return ExitCodes.Success;
    }

    private CallableModel? ChooseTarget(DocumentModel document, string file, string? taskName)
    {
        string TaskList() => string.Join(", ", document.Tasks.Keys.Order(StringComparer.Ordinal));

        if (taskName is not null)
        {
            if (document.Tasks.TryGetValue(taskName, out var task)) return task;
            throw new UsageException(document.Tasks.Count == 0
                ? $"'{file}' has no task named '{taskName}' (it has no tasks)"
                : $"'{file}' has no task named '{taskName}'; its tasks: {TaskList()}", Name);
        }
        if (document.Workflow is not null) return document.Workflow;
        if (document.Tasks.Count == 1) return document.Tasks.Values.First();
        if (document.Tasks.Count == 0) return null;
        throw new UsageException($"'{file}' has no workflow and {document.Tasks.Count} tasks; choose one with --task NAME ({TaskList()})", Name);
    }
}
