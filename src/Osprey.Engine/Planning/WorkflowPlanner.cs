using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Planning;

/// <summary>
/// Turns a checked workflow into blocks of nodes with dependency edges, using the references
/// the checker recorded. A scatter or if node depends on everything its body refers to outside
/// itself, so a body starts with all outer values it needs already known.
/// </summary>
public static class WorkflowPlanner
{
    public static BlockPlan Plan(WorkflowModel workflow)
    {
        var syntax = workflow.Syntax;
        var nodes = new List<PlanNode>();
        var members = new List<List<SyntaxNode>>();
        var inputs = new HashSet<Declaration>(workflow.Inputs.Select(i => i.Syntax), ReferenceEqualityComparer.Instance);

        foreach (var decl in syntax.Input?.Declarations ?? [])
            Add(nodes, members, new DeclarationPlanNode(nodes.Count, decl, workflow.DeclarationTypes[decl], DeclarationRole.Input), decl);
        AddBody(workflow, syntax.Body, nodes, members, inputs);
        foreach (var decl in syntax.Output?.Declarations ?? [])
            Add(nodes, members, new DeclarationPlanNode(nodes.Count, decl, workflow.DeclarationTypes[decl], DeclarationRole.Output), decl);

        Link(workflow, nodes, members);
        return new BlockPlan(nodes, []);
    }

    private static BlockPlan PlanBody(WorkflowModel workflow, IReadOnlyList<WorkflowElement> body, HashSet<Declaration> inputs)
    {
        var nodes = new List<PlanNode>();
        var members = new List<List<SyntaxNode>>();
        AddBody(workflow, body, nodes, members, inputs);
        Link(workflow, nodes, members);

        var published = new List<GatheredName>();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case DeclarationPlanNode d:
                    published.Add(new GatheredName(d.Name, d.Type, null));
                    break;
                case CallPlanNode c:
                    published.Add(new GatheredName(c.Name, WdlType.Object, c.Call.Callee.Outputs.Select(o => new StructMember(o.Name, o.Type)).ToList()));
                    break;
                case BlockPlanNode b:
                    foreach (var inner in b.Body.Published) published.Add(Gathered(inner, b.IsScatter));
                    break;
            }
        }
        return new BlockPlan(nodes, published);
    }

    /// <summary>The type a name has one block further out.</summary>
    private static GatheredName Gathered(GatheredName inner, bool scatter)
    {
        WdlType Wrap(WdlType t) => scatter ? WdlType.ArrayOf(t) : t.Optional;
        return inner with
        {
            Type = inner.CallOutputs is null ? Wrap(inner.Type) : inner.Type,
            CallOutputs = inner.CallOutputs?.Select(m => m with { Type = Wrap(m.Type) }).ToList(),
        };
    }

    private static void AddBody(WorkflowModel workflow, IReadOnlyList<WorkflowElement> body, List<PlanNode> nodes, List<List<SyntaxNode>> members, HashSet<Declaration> inputs)
    {
        foreach (var element in body)
        {
            switch (element)
            {
                case DeclarationElement { Declaration: var decl }:
                    var role = inputs.Contains(decl) ? DeclarationRole.Input : DeclarationRole.Private;
                    Add(nodes, members, new DeclarationPlanNode(nodes.Count, decl, workflow.DeclarationTypes[decl], role), decl);
                    break;
                case CallNode call:
                    var model = workflow.Calls.Find(c => ReferenceEquals(c.Syntax, call))
                        ?? throw new InvalidOperationException($"call '{call.CallName.Name}' was not resolved by the checker");
                    Add(nodes, members, new CallPlanNode(nodes.Count, model), call);
                    break;
                case ScatterNode scatter:
                    AddBlock(nodes, members, new BlockPlanNode(nodes.Count, scatter, PlanBody(workflow, scatter.Body, inputs)), scatter.Body);
                    break;
                case ConditionalNode conditional:
                    AddBlock(nodes, members, new BlockPlanNode(nodes.Count, conditional, PlanBody(workflow, conditional.Body, inputs)), conditional.Body);
                    break;
            }
        }
    }

    private static void Add(List<PlanNode> nodes, List<List<SyntaxNode>> members, PlanNode node, SyntaxNode syntax)
    {
        nodes.Add(node);
        members.Add([syntax]);
    }

    private static void AddBlock(List<PlanNode> nodes, List<List<SyntaxNode>> members, BlockPlanNode node, IReadOnlyList<WorkflowElement> body)
    {
        nodes.Add(node);
        var inside = new List<SyntaxNode>();
        CollectMembers(body, inside);
        members.Add(inside);
    }

    private static void CollectMembers(IReadOnlyList<WorkflowElement> body, List<SyntaxNode> into)
    {
        foreach (var element in body)
        {
            switch (element)
            {
                case DeclarationElement d: into.Add(d.Declaration); break;
                case CallNode c: into.Add(c); break;
                case ScatterNode s: CollectMembers(s.Body, into); break;
                case ConditionalNode c: CollectMembers(c.Body, into); break;
            }
        }
    }

    /// <summary>Adds an edge for every reference from one node's members to another node's members in this block.</summary>
    private static void Link(CallableModel model, List<PlanNode> nodes, List<List<SyntaxNode>> members)
    {
        var owner = new Dictionary<SyntaxNode, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < nodes.Count; i++)
            foreach (var member in members[i]) owner[member] = i;
        for (int i = 0; i < nodes.Count; i++)
        {
            var deps = new HashSet<int>();
            foreach (var member in members[i])
            {
                if (!model.References.TryGetValue(member, out var targets)) continue;
                foreach (var target in targets)
                    if (owner.TryGetValue(target, out int j) && j != i) deps.Add(j);
            }
            foreach (int j in deps.Order())
            {
                nodes[i].Dependencies.Add(j);
                nodes[j].Dependents.Add(i);
            }
        }
    }
}
