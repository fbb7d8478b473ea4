using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Loading;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// Checks a task: its declarations (inputs, private, outputs) and every expression in the
/// command, runtime, requirements and hints sections, and builds its <see cref="TaskModel"/>.
/// All task declarations are visible everywhere in the task (outputs only in the output
/// section), in any order, as long as they do not depend on each other in a cycle.
/// </summary>
internal sealed class TaskChecker(DocumentModel document, DiagnosticBag bag, CheckOptions options, TypeResolver types, ExpressionChecker expressions)
{
    public TaskModel Check(TaskNode task)
    {
        var model = new TaskModel(task, document);
        var scope = new Scope(null, Scope.TopLevel);
        var graph = new DependencyGraph(model.References);
        var declared = new List<(Declaration Syntax, WdlType Type)>();

        foreach (var decl in task.Input?.Declarations ?? [])
        {
            var type = Declare(decl, scope, graph, declared, $"task '{task.Name.Name}'");
            model.Inputs.Add(new InputModel(decl.Name.Name, type, decl.Initializer, decl));
        }
        foreach (var decl in task.Declarations)
        {
            var type = Declare(decl, scope, graph, declared, $"task '{task.Name.Name}'");
            if (decl.Initializer is not null) continue;
            // draft-2 has no input section: unbound declarations are the inputs. Later versions
            // require a value; Cromwell still treats them as inputs, so we do too (with a warning).
            if (document.Version != WdlVersion.Draft2) bag.UnboundDeclaration(decl.Name.Span, decl.Name.Name, options.Strict);
            model.Inputs.Add(new InputModel(decl.Name.Name, type, null, decl));
        }

        var runtimeScope = scope;
        var commandScope = WithTaskVariable(scope);
        var outputScope = new Scope(commandScope, Scope.TopLevel);
        var outputs = new List<(Declaration Syntax, WdlType Type)>();
        foreach (var decl in task.Output?.Declarations ?? [])
        {
            var type = Declare(decl, outputScope, graph, outputs, $"task '{task.Name.Name}'");
            model.Outputs.Add(new OutputModel(decl.Name.Name, type, decl));
        }

        foreach (var (decl, type) in declared) CheckInitializer(decl, type, scope, graph);
        expressions.InTaskOutput = true;
        foreach (var (decl, type) in outputs) CheckInitializer(decl, type, outputScope, graph);
        expressions.InTaskOutput = false;

        expressions.OnReference = null;
        // A missing command is a syntax error, reported by the parser.
        foreach (var part in task.Command?.Parts ?? [])
            if (part is Placeholder p) expressions.CheckPlaceholder(p, commandScope);

        foreach (var section in new[] { task.Runtime, task.Requirements, task.Hints })
            foreach (var entry in section?.Entries ?? [])
                expressions.Check(entry.Value, runtimeScope);

        if (task.ParameterMeta is { } parameterMeta)
            foreach (var entry in parameterMeta.Entries)
                if (model.FindInput(entry.Key.Name) is null && model.FindOutput(entry.Key.Name) is null
                    && !task.Declarations.Any(d => d.Name.Name == entry.Key.Name))
                    bag.UnknownParameterMetaKey(entry.Key.Span, entry.Key.Name);

        graph.ReportCycles(bag);
        return model;
    }

    private WdlType Declare(Declaration decl, Scope scope, DependencyGraph graph, List<(Declaration, WdlType)> into, string where)
    {
        var type = types.Resolve(decl.Type);
        var symbol = new ValueSymbol(decl.Name.Name, type, decl, Scope.TopLevel);
        if (scope.TryAdd(symbol) is not null) bag.DuplicateName(decl.Name.Span, decl.Name.Name, where);
        graph.AddNode(decl, decl.Name.Name, decl.Name.Span);
        into.Add((decl, type));
        return type;
    }

    private void CheckInitializer(Declaration decl, WdlType type, Scope scope, DependencyGraph graph)
    {
        if (decl.Initializer is null) return;
        expressions.OnReference = symbol => graph.AddEdge(decl, symbol.Node);
        expressions.CheckAssignment(decl.Initializer, type, scope, $"'{decl.Name.Name}'");
        expressions.OnReference = null;
    }

    /// <summary>WDL 1.2 defines an implicit <c>task</c> value in the command and output sections.</summary>
    private Scope WithTaskVariable(Scope scope)
    {
        if (document.Version < WdlVersion.V1_2) return scope;
        var inner = new Scope(scope, Scope.TopLevel);
        inner.TryAdd(new ValueSymbol("task", TaskVariableType, new Identifier("task", default), Scope.TopLevel));
        return inner;
    }

    private static readonly StructType TaskVariableType = new("task",
    [
        new("name", WdlType.String),
        new("id", WdlType.String),
        new("container", WdlType.String.Optional),
        new("cpu", WdlType.Float),
        new("memory", WdlType.Int),
        new("gpu", WdlType.ArrayOf(WdlType.String)),
        new("fpga", WdlType.ArrayOf(WdlType.String)),
        new("disks", WdlType.MapOf(WdlType.String, WdlType.Int)),
        new("attempt", WdlType.Int),
        new("end_time", WdlType.Int.Optional),
        new("return_code", WdlType.Int.Optional),
        new("meta", WdlType.Object),
        new("parameter_meta", WdlType.Object),
        new("ext", WdlType.Object),
    ], false);
}
