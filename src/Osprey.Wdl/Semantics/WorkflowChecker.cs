using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Loading;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// Checks a workflow. Names are unique across the whole workflow body, whatever the nesting, and
/// may be used before they are declared. A name declared inside a scatter is seen from outside
/// it as an Array, inside an if as optional (see <see cref="Scope.Gather"/>). Work happens in two
/// passes: declare every name with its type, then check every expression.
/// </summary>
internal sealed class WorkflowChecker(DocumentModel document, DiagnosticBag bag, CheckOptions options, TypeResolver types, ExpressionChecker expressions)
{
    private DependencyGraph _graph = null!;
    private WorkflowModel _model = null!;
    private string Where => $"workflow '{_model.Name}'";

    public WorkflowModel Check(WorkflowNode workflow)
    {
        _model = new WorkflowModel(workflow, document);
        _graph = new DependencyGraph(_model.References);
        var scope = new Scope(null, Scope.TopLevel);

        foreach (var decl in workflow.Input?.Declarations ?? [])
        {
            var type = Declare(decl, scope, Scope.TopLevel);
            _model.Inputs.Add(new InputModel(decl.Name.Name, type, decl.Initializer, decl));
        }
        DeclareBody(workflow.Body, scope, Scope.TopLevel);

        var outputScope = new Scope(scope, Scope.TopLevel);
        foreach (var decl in workflow.Output?.Declarations ?? [])
        {
            var type = Declare(decl, outputScope, Scope.TopLevel);
            _model.Outputs.Add(new OutputModel(decl.Name.Name, type, decl));
        }

        foreach (var decl in workflow.Input?.Declarations ?? []) CheckDeclaration(decl, scope, []);
        CheckBody(workflow.Body, scope, []);
        foreach (var decl in workflow.Output?.Declarations ?? []) CheckDeclaration(decl, outputScope, []);
        expressions.OnReference = null;

        foreach (var section in new[] { workflow.Hints })
            foreach (var entry in section?.Entries ?? [])
                expressions.Check(entry.Value, scope);
        if (workflow.ParameterMeta is { } parameterMeta)
            foreach (var entry in parameterMeta.Entries)
                if (_model.FindInput(entry.Key.Name) is null && _model.FindOutput(entry.Key.Name) is null)
                    bag.UnknownParameterMetaKey(entry.Key.Span, entry.Key.Name);

        _graph.ReportCycles(bag);
        return _model;
    }

    private WdlType Declare(Declaration decl, Scope scope, IReadOnlyList<WorkflowElement> blocks)
    {
        var type = types.Resolve(decl.Type);
        _model.DeclarationTypes[decl] = type;
        if (scope.TryAdd(new ValueSymbol(decl.Name.Name, type, decl, blocks)) is not null)
            bag.DuplicateName(decl.Name.Span, decl.Name.Name, Where);
        _graph.AddNode(decl, decl.Name.Name, decl.Name.Span);
        return type;
    }

    /// <summary>First pass: every declaration and call in the body, with the blocks around it.</summary>
    private void DeclareBody(IReadOnlyList<WorkflowElement> body, Scope scope, IReadOnlyList<WorkflowElement> blocks)
    {
        foreach (var element in body)
        {
            switch (element)
            {
                case DeclarationElement { Declaration: var decl }:
                    var type = Declare(decl, scope, blocks);
                    if (decl.Initializer is null)
                    {
                        // draft-2: an unbound body declaration is an input. Later versions need a
                        // value; Cromwell still accepts it as an input, so we warn.
                        if (document.Version != WdlVersion.Draft2) bag.UnboundDeclaration(decl.Name.Span, decl.Name.Name, options.Strict);
                        _model.Inputs.Add(new InputModel(decl.Name.Name, type, null, decl));
                    }
                    break;
                case CallNode call:
                    var callee = ResolveCallee(call);
                    if (scope.TryAdd(new CallSymbol(call.CallName.Name, callee, call, blocks)) is not null)
                        bag.DuplicateName(call.CallName.Span, call.CallName.Name, Where);
                    _graph.AddNode(call, call.CallName.Name, call.CallName.Span);
                    if (callee is not null) _model.Calls.Add(new CallModel(call, callee));
                    break;
                case ScatterNode scatter:
                    DeclareBody(scatter.Body, scope, [.. blocks, scatter]);
                    break;
                case ConditionalNode conditional:
                    DeclareBody(conditional.Body, scope, [.. blocks, conditional]);
                    break;
            }
        }
    }

    private CallableModel? ResolveCallee(CallNode call)
    {
        var target = call.Target;
        if (target.Count == 1)
        {
            string name = target[0].Name;
            if (document.Tasks.TryGetValue(name, out var task)) return task;
            if (name == _model.Name) bag.CallsOwnWorkflow(target[0].Span, name);
            else bag.UnknownCallTarget(target[0].Span, name);
            return null;
        }
        var doc = document;
        for (int i = 0; i < target.Count - 1; i++)
        {
            if (!doc.Namespaces.TryGetValue(target[i].Name, out var next))
            {
                bag.UnknownNamespace(target[i].Span, target[i].Name);
                return null;
            }
            doc = next;
        }
        var last = target[^1];
        if (doc.Tasks.TryGetValue(last.Name, out var importedTask)) return importedTask;
        if (doc.Workflow is { } wf && wf.Name == last.Name) return wf;
        var span = TextSpan.FromBounds(target[0].Span.Start, last.Span.End);
        bag.UnknownCallTarget(span, call.TargetName);
        return null;
    }

    /// <summary>Second pass: expressions. <paramref name="inherited"/> are the scatter/if expressions around, whose references every element inside depends on.</summary>
    private void CheckBody(IReadOnlyList<WorkflowElement> body, Scope scope, List<Symbol> inherited)
    {
        foreach (var element in body)
        {
            switch (element)
            {
                case DeclarationElement { Declaration: var decl }:
                    CheckDeclaration(decl, scope, inherited);
                    break;
                case CallNode call:
                    CheckCall(call, scope, inherited);
                    break;
                case ScatterNode scatter:
                    CheckScatter(scatter, scope, inherited);
                    break;
                case ConditionalNode conditional:
                    {
                        var references = new List<Symbol>(inherited);
                        expressions.OnReference = references.Add;
                        var conditionType = expressions.Check(conditional.Condition, scope);
                        expressions.OnReference = null;
                        expressions.RequireBoolean(conditionType, conditional.Condition);
                        CheckBody(conditional.Body, scope.WithBlocks([.. scope.Blocks, conditional]), references);
                        break;
                    }
            }
        }
    }

    private void CheckScatter(ScatterNode scatter, Scope scope, List<Symbol> inherited)
    {
        var references = new List<Symbol>(inherited);
        expressions.OnReference = references.Add;
        var collection = expressions.Check(scatter.Collection, scope);
        expressions.OnReference = null;
        WdlType element;
        switch (collection)
        {
            case ArrayType array:
                if (array.IsOptional) bag.LenientCoercion(scatter.Collection.Span, "scatter", "Array", collection.Display, "the array is optional", options.Strict);
                element = array.Element;
                break;
            case ErrorType or AnyType:
                element = collection;
                break;
            default:
                bag.ScatterNotArray(scatter.Collection.Span, collection.Display);
                element = WdlType.Error;
                break;
        }
        IReadOnlyList<WorkflowElement> blocks = [.. scope.Blocks, scatter];
        var inner = scope.WithBlocks(blocks);
        if (inner.TryAdd(new ValueSymbol(scatter.Variable.Name, element, scatter.Variable, blocks)) is not null)
            bag.DuplicateName(scatter.Variable.Span, scatter.Variable.Name, Where);
        CheckBody(scatter.Body, inner, references);
    }

    private void CheckDeclaration(Declaration decl, Scope scope, List<Symbol> inherited)
    {
        foreach (var symbol in inherited) _graph.AddEdge(decl, symbol.Node);
        if (decl.Initializer is null) return;
        expressions.OnReference = symbol => _graph.AddEdge(decl, symbol.Node);
        expressions.CheckAssignment(decl.Initializer, _model.DeclarationTypes[decl], scope, $"'{decl.Name.Name}'");
        expressions.OnReference = null;
    }

    private void CheckCall(CallNode call, Scope scope, List<Symbol> inherited)
    {
        foreach (var symbol in inherited) _graph.AddEdge(call, symbol.Node);
        var callSymbol = scope.Lookup(call.CallName.Name) as CallSymbol;
        var callee = callSymbol is not null && ReferenceEquals(callSymbol.Call, call) ? callSymbol.Callee : null;
        var model = callee is null ? null : _model.Calls.Find(c => ReferenceEquals(c.Syntax, call));

        expressions.OnReference = symbol => _graph.AddEdge(call, symbol.Node);
        foreach (var input in call.Inputs)
        {
            var value = input.Value ?? new NameExpression(input.Name);
            if (model is not null && !model.SuppliedInputs.Add(input.Name.Name))
            {
                bag.DuplicateCallInput(input.Name.Span, input.Name.Name);
                continue;
            }
            var parameter = callee?.FindInput(input.Name.Name);
            if (callee is not null && parameter is null)
            {
                bag.UnknownCallInput(input.Name.Span, callee.Name, input.Name.Name, WhyNotAnInput(callee, input.Name.Name));
                if (input.Value is not null) expressions.Check(input.Value, scope);
                continue;
            }
            if (parameter is null) expressions.Check(value, scope);
            else expressions.CheckAssignment(value, parameter.Type, scope, $"input '{input.Name.Name}' of call '{call.CallName.Name}'");
        }
        foreach (var after in call.After)
        {
            if (scope.Lookup(after.Name) is CallSymbol target) _graph.AddEdge(call, target.Node);
            else bag.UnknownAfterCall(after.Span, after.Name);
        }
        expressions.OnReference = null;

        if (model is null || AllowsNestedInputs()) return;
        foreach (var parameter in callee!.Inputs)
            if (parameter.IsRequired && !model.SuppliedInputs.Contains(parameter.Name))
                bag.MissingCallInput(call.CallName.Span, call.CallName.Name, parameter.Name, parameter.Type.Display, options.Strict);
    }

    private static string? WhyNotAnInput(CallableModel callee, string name)
    {
        if (callee.FindOutput(name) is not null) return $"'{name}' is an output of '{callee.Name}', not an input";
        bool isPrivate = callee switch
        {
            TaskModel t => t.Syntax.Declarations.Any(d => d.Name.Name == name),
            WorkflowModel w => ContainsDeclaration(w.Syntax.Body, name),
            _ => false,
        };
        return isPrivate ? $"'{name}' is a private declaration of '{callee.Name}'; only inputs can be set by a call" : null;
    }

    private static bool ContainsDeclaration(IReadOnlyList<WorkflowElement> body, string name) => body.Any(e => e switch
    {
        DeclarationElement d => d.Declaration.Name.Name == name,
        ScatterNode s => ContainsDeclaration(s.Body, name),
        ConditionalNode c => ContainsDeclaration(c.Body, name),
        _ => false,
    });

    /// <summary><c>allowNestedInputs: true</c> in meta (1.1) or <c>allow_nested_inputs: true</c> in hints (1.2).</summary>
    private bool AllowsNestedInputs()
    {
        var wf = _model.Syntax;
        if (wf.Meta?.Entries.Any(e => e.Key.Name == "allowNestedInputs" && e.Value is MetaBool { Value: true }) == true) return true;
        return wf.Hints?.Entries.Any(e => e.Key.Name == "allow_nested_inputs" && e.Value is BooleanLiteral { Value: true }) == true;
    }
}
