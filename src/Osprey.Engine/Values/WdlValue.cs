using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>
/// An immutable WDL runtime value. Every value knows its concrete <see cref="Type"/>; a scalar's
/// type is never optional (optionality belongs to declarations and to the element types of
/// compound values, e.g. <c>Array[Int?]</c>).
/// </summary>
/// <remarks>
/// Values are classes rather than records: equality must be structural over element arrays and
/// follow WDL rules, and values must not be clonable with <c>with</c> around their validation.
/// <see cref="Equals(WdlValue?)"/> is strict structural equality (an Int never equals a Float); the
/// looser equality of the <c>==</c> operator lives in <see cref="ValueComparison"/>.
/// </remarks>
public abstract class WdlValue : IEquatable<WdlValue>
{
    private protected WdlValue()
    {
    }

    /// <summary>The concrete type of this value.</summary>
    public abstract WdlType Type { get; }

    /// <summary>True for the <c>None</c> value.</summary>
    public bool IsNone => ReferenceEquals(this, WdlNone.Instance);

    public abstract bool Equals(WdlValue? other);

    public sealed override bool Equals(object? obj) => obj is WdlValue other && Equals(other);

    public abstract override int GetHashCode();

    /// <summary>The value written as a WDL literal, for messages and debugging.</summary>
    public abstract override string ToString();
}
