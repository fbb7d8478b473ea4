using Osprey.Engine.Evaluation;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Running;

/// <summary>One execution of a workflow (the root, or a subworkflow call): its inputs, directory and top block.</summary>
internal sealed class WorkflowInstance(Scheduler scheduler, WorkflowModel workflow, CallInputs inputs, string directory, string qualifiedName, Action<WdlObject> onDone,
    bool isRoot = false)
{
    public Scheduler Scheduler { get; } = scheduler;

    public WorkflowModel Workflow { get; } = workflow;

    public CallInputs Inputs { get; } = inputs;

    public string Directory { get; } = directory;

    /// <summary>The name calls are reported under, e.g. <c>main.sub</c> for a subworkflow call.</summary>
    public string QualifiedName { get; } = qualifiedName;

    public ExpressionEvaluator Evaluator { get; } = new(scheduler.WorkflowContext(workflow, directory), workflow.Document.Structs);

    public void Start()
    {
        var plan = Scheduler.PlanFor(Workflow);
        var top = new BlockRun(this, plan, new DictionaryScope(), [], Finish);
        top.Start();
    }

    private void Finish(BlockRun top)
    {
        var outputs = new List<KeyValuePair<string, WdlValue>>();
        foreach (var output in Workflow.Outputs)
            if (top.Scope.TryLookup(output.Name, out var value)) outputs.Add(new(output.Name, value));
        if (isRoot && Workflow.Syntax.Output is null && Workflow.Document.Version < WdlVersion.V1_1) AddCallOutputs(top, outputs);
        onDone(WdlObject.Create(outputs));
    }

    /// <summary>
    /// Draft-2 and 1.0: a top-level workflow without an output section outputs every call's
    /// outputs, as <c>call.output</c> (gathered into arrays, or optional, like <c>call.output</c> in an expression).
    /// </summary>
    private void AddCallOutputs(BlockRun top, List<KeyValuePair<string, WdlValue>> outputs)
    {
        foreach (var call in Workflow.Calls)
        {
            if (!top.Scope.TryLookup(call.Name, out var value) || value is not IMemberValue members) continue;
            foreach (var name in members.MemberNames)
                if (members.TryGetMember(name, out var member)) outputs.Add(new($"{call.Name}.{name}", member));
        }
    }
}
