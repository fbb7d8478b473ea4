namespace Osprey.Engine.Planning;

/// <summary>
/// The nodes of one body (a workflow's top level, a scatter body or an if body) with their
/// dependencies inside the body. <see cref="Roots"/> are the nodes ready as soon as the block starts.
/// </summary>
public sealed class BlockPlan
{
    public BlockPlan(IReadOnlyList<PlanNode> nodes, IReadOnlyList<GatheredName> published)
    {
        Nodes = nodes;
        Published = published;
        var roots = new List<int>();
        foreach (var node in nodes)
            if (node.Dependencies.Count == 0) roots.Add(node.Index);
        Roots = roots;
    }

    public IReadOnlyList<PlanNode> Nodes { get; }

    public IReadOnlyList<int> Roots { get; }

    /// <summary>Names defined in this block (declarations and calls, nested ones too) that an enclosing block sees gathered.</summary>
    public IReadOnlyList<GatheredName> Published { get; }
}

/// <summary>
/// A name a block publishes to its parent, with its type as seen inside the block. A call
/// publishes its outputs (<see cref="CallOutputs"/>), which a parent gathers member by member so
/// that <c>call.out</c> outside a scatter is an array of that output.
/// </summary>
public sealed record GatheredName(string Name, Wdl.Semantics.WdlType Type, IReadOnlyList<Wdl.Semantics.StructMember>? CallOutputs);
