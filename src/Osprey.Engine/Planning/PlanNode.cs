using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Planning;

/// <summary>
/// One step of a block: a declaration (input, private or output), a call, a scatter or a
/// conditional. <see cref="Dependencies"/> and <see cref="Dependents"/> are indices of other
/// nodes in the same block; what a node needs from outer blocks is ready before its block starts.
/// </summary>
public abstract class PlanNode(int index)
{
    public int Index { get; } = index;

    public List<int> Dependencies { get; } = new();

    public List<int> Dependents { get; } = new();

    /// <summary>The name under which this node's value is visible (null for scatter/if: they publish their inner names).</summary>
    public abstract string? Name { get; }
}

public enum DeclarationRole
{
    Input,
    Private,
    Output,
}

public sealed class DeclarationPlanNode(int index, Declaration syntax, WdlType type, DeclarationRole role) : PlanNode(index)
{
    public Declaration Syntax { get; } = syntax;

    public WdlType Type { get; } = type;

    public DeclarationRole Role { get; } = role;

    public override string Name => Syntax.Name.Name;
}

public sealed class CallPlanNode(int index, CallModel call) : PlanNode(index)
{
    public CallModel Call { get; } = call;

    public override string Name => Call.Name;
}

/// <summary>A scatter or conditional: runs its body block (once per item, or once if true) and gathers the names it defines.</summary>
public sealed class BlockPlanNode(int index, WorkflowElement syntax, BlockPlan body) : PlanNode(index)
{
    public WorkflowElement Syntax { get; } = syntax;

    public BlockPlan Body { get; } = body;

    public bool IsScatter => Syntax is ScatterNode;

    public override string? Name => null;
}
