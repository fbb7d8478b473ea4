using System.Diagnostics.CodeAnalysis;
using Osprey.Engine.Values;

namespace Osprey.Engine.Evaluation;

/// <summary>
/// Resolves names to values while evaluating an expression: declarations, inputs, scatter
/// variables and calls (a call resolves to an <see cref="WdlObject"/> whose members are its outputs,
/// so <c>call.output</c> is ordinary member access).
/// </summary>
public interface IEvaluationScope
{
    bool TryLookup(string name, [NotNullWhen(true)] out WdlValue? value);
}
