using Osprey.Engine.Evaluation;
using Osprey.Engine.Planning;
using Osprey.Engine.Tasks;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Running;

/// <summary>
/// One run of a block: the workflow's top level, one scatter shard, or an if body. Holds a
/// pending-dependency count per node; a node runs when its count reaches zero. Values land in
/// <see cref="Scope"/>, which falls back to the enclosing block's scope.
/// </summary>
internal sealed class BlockRun
{
    private readonly WorkflowInstance _workflow;
    private readonly BlockPlan _plan;
    private readonly int[] _pending;
    private readonly Action<BlockRun> _onDone;
    private int _remaining;

    public BlockRun(WorkflowInstance workflow, BlockPlan plan, DictionaryScope scope, int[] shard, Action<BlockRun> onDone)
    {
        _workflow = workflow;
        _plan = plan;
        Scope = scope;
        Shard = shard;
        _onDone = onDone;
        _pending = new int[plan.Nodes.Count];
        for (int i = 0; i < _pending.Length; i++) _pending[i] = plan.Nodes[i].Dependencies.Count;
        _remaining = _pending.Length;
    }

    public DictionaryScope Scope { get; }

    /// <summary>Indices of the scatter shards this block is inside, outermost first.</summary>
    public int[] Shard { get; }

    private Scheduler Scheduler => _workflow.Scheduler;

    public void Start()
    {
        if (_remaining == 0)
        {
            _onDone(this);
            return;
        }
        foreach (int root in _plan.Roots) Scheduler.Enqueue(() => Execute(root));
    }

    private void Complete(int index)
    {
        foreach (int dependent in _plan.Nodes[index].Dependents)
            if (--_pending[dependent] == 0)
            {
                int next = dependent;
                Scheduler.Enqueue(() => Execute(next));
            }
        if (--_remaining == 0) _onDone(this);
    }

    private void Execute(int index)
    {
        if (Scheduler.Stopping) return;
        try
        {
            switch (_plan.Nodes[index])
            {
                case DeclarationPlanNode d:
                    Scope.Set(d.Name, EvaluateDeclaration(d));
                    Complete(index);
                    break;
                case CallPlanNode c:
                    StartCall(c);
                    break;
                case BlockPlanNode { Body.Published.Count: 0 }:
                    // No declaration or call inside, at any depth: nothing to run or gather. The
                    // checker records a block's expression references on its members, so with
                    // none the expression may need values not computed yet; it is not evaluated.
                    Complete(index);
                    break;
                case BlockPlanNode b when b.IsScatter:
                    new ScatterRun(_workflow, this, b, () => Complete(index)).Start();
                    break;
                case BlockPlanNode b:
                    RunConditional(b, () => Complete(index));
                    break;
            }
        }
        catch (Exception e) when (e is EvaluationException or WdlValueException)
        {
            Scheduler.Fail(new RunFailedException(Where(e)));
        }
    }

    private WdlValue EvaluateDeclaration(DeclarationPlanNode node)
    {
        var evaluator = _workflow.Evaluator;
        if (node.Role == DeclarationRole.Input && _workflow.Inputs.Values.TryGetValue(node.Name, out var given))
            return ValueCoercion.Coerce(given, node.Type, evaluator.Version);
        if (node.Syntax.Initializer is { } init) return evaluator.Evaluate(init, node.Type, Scope);
        if (node.Type.IsOptional) return WdlNone.Instance;
        throw new EvaluationException(node.Syntax.Name.Span, $"required input '{_workflow.QualifiedName}.{node.Name}' has no value");
    }

    private void StartCall(CallPlanNode node)
    {
        var call = node.Call;
        var inputs = new Dictionary<string, WdlValue>(StringComparer.Ordinal);
        foreach (var input in call.Syntax.Inputs)
        {
            var expression = input.Value ?? new NameExpression(input.Name);
            inputs[input.Name.Name] = _workflow.Evaluator.Evaluate(expression, Scope);
        }
        var nested = _workflow.Inputs.ForCall(call.Name);
        foreach (var (name, value) in nested.Values) inputs.TryAdd(name, value);

        string suffix = Shard.Length == 0 ? "" : $"[{string.Join(',', Shard)}]";
        string callName = $"{_workflow.QualifiedName}.{call.Name}";
        string qualified = callName + suffix;
        string directory = Path.Combine(_workflow.Directory, $"call-{call.Name}");
        if (Shard.Length > 0) directory = Path.Combine(directory, $"shard-{string.Join('-', Shard)}");

        void Done(WdlObject outputs)
        {
            Scope.Set(call.Name, outputs);
            Complete(node.Index);
        }

        switch (call.Callee)
        {
            case TaskModel task:
                Scheduler.StartTask(new TaskCall(task, qualified, directory, inputs, Scheduler.BaseDirectory), callName, State.ShardIndex.Of(Shard), Done);
                break;
            case WorkflowModel sub:
                var subInputs = new CallInputs();
                foreach (var (name, value) in inputs) subInputs.Values[name] = value;
                foreach (var (name, inner) in nested.Calls) subInputs.Calls[name] = inner;
                new WorkflowInstance(Scheduler, sub, subInputs, directory, qualified, Done).Start();
                break;
        }
    }

    private void RunConditional(BlockPlanNode node, Action done)
    {
        var condition = _workflow.Evaluator.Evaluate(((ConditionalNode)node.Syntax).Condition, Scope);
        if (condition is WdlBoolean { Value: true })
        {
            var body = new BlockRun(_workflow, node.Body, new DictionaryScope(Scope), Shard, inner =>
            {
                foreach (var name in node.Body.Published)
                    Scope.Set(name.Name, inner.Scope.TryLookup(name.Name, out var v) ? v : WdlNone.Instance);
                done();
            });
            body.Start();
            return;
        }
        foreach (var name in node.Body.Published)
            Scope.Set(name.Name, name.CallOutputs is null ? WdlNone.Instance : NoOutputs(name.CallOutputs));
        done();
    }

    /// <summary>The outputs of a call that did not run: every member None.</summary>
    internal static WdlObject NoOutputs(IReadOnlyList<StructMember> outputs) =>
        WdlObject.Create(outputs.Select(o => new KeyValuePair<string, WdlValue>(o.Name, WdlNone.Instance)));

    private string Where(Exception e)
    {
        var source = _workflow.Workflow.Document.Syntax.Source;
        if (e is EvaluationException ee)
        {
            var (line, column) = source.GetLineColumn(ee.Span.Start);
            return $"{source.Path}:{line}:{column}: {e.Message}";
        }
        return $"{source.Path}: {e.Message}";
    }
}
