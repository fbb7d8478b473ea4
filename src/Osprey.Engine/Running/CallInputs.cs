using Osprey.Engine.Values;

namespace Osprey.Engine.Running;

/// <summary>
/// Input values for one workflow or task, as the user gave them: its own inputs by name, and
/// values for inputs of its calls (<c>wf.call.x</c>) by call name, nested for subworkflows.
/// </summary>
public sealed class CallInputs
{
    public static readonly CallInputs None = new();

    public Dictionary<string, WdlValue> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CallInputs> Calls { get; } = new(StringComparer.Ordinal);

    public CallInputs ForCall(string name) => Calls.TryGetValue(name, out var inner) ? inner : None;

    public CallInputs GetOrAddCall(string name)
    {
        if (!Calls.TryGetValue(name, out var inner)) Calls[name] = inner = new CallInputs();
        return inner;
    }
}
