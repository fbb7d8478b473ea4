namespace Osprey.Engine.Values;

/// <summary>
/// A value with named members reachable by <c>value.name</c>: structs, objects and call outputs
/// (which are objects whose members are the call's outputs).
/// </summary>
public interface IMemberValue
{
    /// <summary>Member names in order (struct definition order, or insertion order for objects).</summary>
    IReadOnlyList<string> MemberNames { get; }

    bool TryGetMember(string name, out WdlValue value);
}
