namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>What a type parameter may stand for.</summary>
public enum TypeConstraint
{
    /// <summary>Any type, optional or not (the spec's <c>X</c>, <c>Y</c>).</summary>
    Any,

    /// <summary>A non-optional primitive type (the spec's <c>P</c>).</summary>
    Primitive,
}

/// <summary>A type variable of a generic signature, e.g. <c>X</c> in <c>Array[X] flatten(Array[Array[X]])</c>.</summary>
public sealed record TypeParameter(string Name, TypeConstraint Constraint = TypeConstraint.Any);

/// <summary>
/// A parameter or return type in a standard-library signature: a concrete type, a type
/// parameter, or a compound of patterns. <see cref="Display"/> is the spec's notation.
/// </summary>
public abstract record TypePattern
{
    public abstract string Display { get; }

    public sealed override string ToString() => Display;
}

/// <summary>A concrete type such as <c>File</c> or <c>Array[String]</c>.</summary>
public sealed record ExactPattern(WdlType Type) : TypePattern
{
    public override string Display => Type.Display;
}

/// <summary><c>X</c> or <c>X?</c>. For <c>X?</c> the parameter binds to the non-optional type.</summary>
public sealed record ParameterPattern(TypeParameter Parameter, bool Optional) : TypePattern
{
    public override string Display => Parameter.Name + (Optional ? "?" : "");
}

/// <summary>
/// <c>Array[E]</c>, or <c>Array[E]+</c> when <see cref="NonEmpty"/>. A non-empty parameter is checked
/// at run time ("binding an empty array to an Array[T]+ ... function argument is a runtime error"),
/// so it does not affect resolution.
/// </summary>
public sealed record ArrayPattern(TypePattern Element, bool NonEmpty) : TypePattern
{
    public override string Display => $"Array[{Element.Display}]{(NonEmpty ? "+" : "")}";
}

public sealed record MapPattern(TypePattern Key, TypePattern Value) : TypePattern
{
    public override string Display => $"Map[{Key.Display}, {Value.Display}]";
}

public sealed record PairPattern(TypePattern Left, TypePattern Right) : TypePattern
{
    public override string Display => $"Pair[{Left.Display}, {Right.Display}]";
}

/// <summary>Any struct type (the spec's <c>Struct</c>).</summary>
public sealed record AnyStructPattern : TypePattern
{
    public override string Display => "Struct";
}

/// <summary>
/// Any compound value, optional or not, containing <c>File</c> or <c>Directory</c> at any depth:
/// the <c>X|X?</c> of 1.2's <c>size</c>.
/// </summary>
public sealed record PathContainerPattern : TypePattern
{
    public override string Display => "X";
}
