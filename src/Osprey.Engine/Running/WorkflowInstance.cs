using Osprey.Engine.Evaluation;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Running;

/// <summary>One execution of a workflow (the root, or a subworkflow call): its inputs, directory and top block.</summary>
internal sealed class WorkflowInstance(Scheduler scheduler, WorkflowModel workflow, CallInputs inputs, string directory, string qualifiedName, Action<WdlObject> onDone)
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
        onDone(WdlObject.Create(outputs));
    }
}
