using System.Runtime.CompilerServices;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Planning;

/// <summary>
/// A task's declarations in an order where each comes after the ones it refers to: inputs and
/// private declarations (evaluated before the command), then outputs. Built once per task.
/// </summary>
public sealed class TaskPlan
{
    private static readonly ConditionalWeakTable<TaskModel, TaskPlan> Cache = new();

    private TaskPlan(TaskModel task)
    {
        Task = task;
        var inputs = new HashSet<Declaration>(task.Inputs.Select(i => i.Syntax), ReferenceEqualityComparer.Instance);
        var before = new List<Declaration>();
        before.AddRange(task.Syntax.Input?.Declarations ?? []);
        before.AddRange(task.Syntax.Declarations);
        Declarations = Order(task, before).Select(d => (d, task.DeclarationTypes[d], inputs.Contains(d))).ToList();
        Outputs = Order(task, task.Syntax.Output?.Declarations ?? []).Select(d => (d, task.DeclarationTypes[d])).ToList();
    }

    public static TaskPlan For(TaskModel task) => Cache.GetValue(task, t => new TaskPlan(t));

    public TaskModel Task { get; }

    public IReadOnlyList<(Declaration Syntax, WdlType Type, bool IsInput)> Declarations { get; }

    public IReadOnlyList<(Declaration Syntax, WdlType Type)> Outputs { get; }

    /// <summary>Depth-first order by references (the checker has rejected cycles).</summary>
    private static List<Declaration> Order(CallableModel model, IReadOnlyList<Declaration> declarations)
    {
        var wanted = new HashSet<Declaration>(declarations, ReferenceEqualityComparer.Instance);
        var done = new HashSet<Declaration>(ReferenceEqualityComparer.Instance);
        var order = new List<Declaration>();
        void Visit(Declaration d)
        {
            if (!done.Add(d)) return;
            if (model.References.TryGetValue(d, out var targets))
                foreach (var t in targets)
                    if (t is Declaration dep && wanted.Contains(dep)) Visit(dep);
            order.Add(d);
        }
        foreach (var d in declarations) Visit(d);
        return order;
    }
}
