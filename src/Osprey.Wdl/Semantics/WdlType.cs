namespace Osprey.Wdl.Semantics;

/// <summary>
/// A WDL type. Types are immutable values: two equal types compare equal. Optionality is part of
/// the type (<c>Int?</c> is <c>Int</c> with <see cref="IsOptional"/> set).
/// </summary>
public abstract record WdlType(bool IsOptional)
{
    public abstract WdlType WithOptional(bool optional);

    public WdlType Required => WithOptional(false);

    public WdlType Optional => WithOptional(true);

    /// <summary>The type as WDL writes it, e.g. <c>Array[String]+?</c>.</summary>
    public abstract string Display { get; }

    public sealed override string ToString() => Display;

    protected string Suffix => IsOptional ? "?" : string.Empty;

    public static readonly PrimitiveType Boolean = new(PrimitiveKind.Boolean, false);
    public static readonly PrimitiveType Int = new(PrimitiveKind.Int, false);
    public static readonly PrimitiveType Float = new(PrimitiveKind.Float, false);
    public static readonly PrimitiveType String = new(PrimitiveKind.String, false);
    public static readonly PrimitiveType File = new(PrimitiveKind.File, false);
    public static readonly PrimitiveType Directory = new(PrimitiveKind.Directory, false);
    public static readonly ObjectType Object = new(false);
    public static readonly AnyType Any = new(false);
    public static readonly NoneType None = new();
    public static readonly ErrorType Error = new();

    public static ArrayType ArrayOf(WdlType element, bool nonEmpty = false) => new(element, nonEmpty, false);

    public static MapType MapOf(WdlType key, WdlType value) => new(key, value, false);

    public static PairType PairOf(WdlType left, WdlType right) => new(left, right, false);
}

public enum PrimitiveKind
{
    Boolean,
    Int,
    Float,
    String,
    File,
    Directory,
}

public sealed record PrimitiveType(PrimitiveKind Kind, bool IsOptional) : WdlType(IsOptional)
{
    public override WdlType WithOptional(bool optional) => this with { IsOptional = optional };

    public override string Display => Kind + Suffix;

    public bool IsNumeric => Kind is PrimitiveKind.Int or PrimitiveKind.Float;

    /// <summary>File or Directory: values are references to storage.</summary>
    public bool IsPathLike => Kind is PrimitiveKind.File or PrimitiveKind.Directory;
}

public sealed record ArrayType(WdlType Element, bool NonEmpty, bool IsOptional) : WdlType(IsOptional)
{
    public override WdlType WithOptional(bool optional) => this with { IsOptional = optional };

    public override string Display => $"Array[{Element.Display}]{(NonEmpty ? "+" : "")}{Suffix}";
}

public sealed record MapType(WdlType Key, WdlType Value, bool IsOptional) : WdlType(IsOptional)
{
    public override WdlType WithOptional(bool optional) => this with { IsOptional = optional };

    public override string Display => $"Map[{Key.Display}, {Value.Display}]{Suffix}";
}

public sealed record PairType(WdlType Left, WdlType Right, bool IsOptional) : WdlType(IsOptional)
{
    public override WdlType WithOptional(bool optional) => this with { IsOptional = optional };

    public override string Display => $"Pair[{Left.Display}, {Right.Display}]{Suffix}";
}

/// <summary>The deprecated <c>Object</c> type: arbitrary members, checked only at run time.</summary>
public sealed record ObjectType(bool IsOptional) : WdlType(IsOptional)
{
    public override WdlType WithOptional(bool optional) => this with { IsOptional = optional };

    public override string Display => "Object" + Suffix;
}

/// <summary>
/// A struct type. Identity is the struct's <see cref="Name"/> in the document where it is used
/// plus its members; structs with identical members coerce to each other (struct-to-struct coercion).
/// </summary>
public sealed record StructType(string Name, IReadOnlyList<StructMember> Members, bool IsOptional) : WdlType(IsOptional)
{
    public override WdlType WithOptional(bool optional) => this with { IsOptional = optional };

    public override string Display => Name + Suffix;

    public StructMember? FindMember(string name)
    {
        foreach (var m in Members)
            if (m.Name == name) return m;
        return null;
    }

    public bool Equals(StructType? other) =>
        other is not null && Name == other.Name && IsOptional == other.IsOptional && Members.SequenceEqual(other.Members);

    public override int GetHashCode() => HashCode.Combine(Name, IsOptional, Members.Count);
}

public sealed record StructMember(string Name, WdlType Type);

/// <summary>
/// A type not yet known: the element of an empty array literal, or a polymorphic position.
/// Coerces to and from anything.
/// </summary>
public sealed record AnyType(bool IsOptional) : WdlType(IsOptional)
{
    public override WdlType WithOptional(bool optional) => this with { IsOptional = optional };

    public override string Display => "Any" + Suffix;
}

/// <summary>The type of the <c>None</c> literal: coerces to any optional type.</summary>
public sealed record NoneType() : WdlType(true)
{
    public override WdlType WithOptional(bool optional) => this;

    public override string Display => "None";
}

/// <summary>
/// The type of an expression that already produced an error. Coerces silently to and from
/// everything, so one mistake is reported once.
/// </summary>
public sealed record ErrorType() : WdlType(false)
{
    public override WdlType WithOptional(bool optional) => this;

    public override string Display => "<error>";
}
