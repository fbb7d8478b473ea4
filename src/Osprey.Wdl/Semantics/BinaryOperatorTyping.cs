using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// Result types of binary operators, per version. Sources: the operator table of draft-2 and 1.0
/// ("Expressions"), and of 1.1/1.2 ("Binary Operators on Primitive Types", "Equality of Compound
/// Types", "Equality and Inequality Comparison of Optional Types", "Order of Precedence" and
/// "Concatenation of Optional Values"). Rows marked 🗑 in 1.1+ yield <see cref="Verdict.Deprecated"/>.
/// </summary>
public static class BinaryOperatorTyping
{
    /// <param name="inPlaceholder">
    /// True when the expression is (part of) the expression of a <c>~{}</c>/<c>${}</c> placeholder,
    /// where <c>+</c> may concatenate optional strings (yielding <c>String?</c>).
    /// </param>
    public static OperatorResult ResultType(BinaryOperator op, WdlType left, WdlType right, WdlVersion version, bool inPlaceholder = false)
    {
        if (op == BinaryOperator.Power && version < WdlVersion.V1_2)
            return OperatorResult.Invalid("the ** operator requires WDL 1.2");

        var isBoolean = op is BinaryOperator.Or or BinaryOperator.And || IsComparison(op);

        // Already reported, or only known at run time: stay silent.
        if (left is ErrorType || right is ErrorType)
            return OperatorResult.Ok(isBoolean ? WdlType.Boolean : WdlType.Error);
        if (left is AnyType || right is AnyType)
            return OperatorResult.Ok(isBoolean ? WdlType.Boolean : WdlType.Any);

        return op switch
        {
            BinaryOperator.Equal or BinaryOperator.NotEqual => Equality(op, left, right, version),
            BinaryOperator.And or BinaryOperator.Or => WithOptionalOperands(op, left, right, Logical),
            BinaryOperator.Add => Addition(left, right, version, inPlaceholder),
            _ when IsComparison(op) => WithOptionalOperands(op, left, right, (o, l, r) => Ordering(o, l, r, version)),
            _ => WithOptionalOperands(op, left, right, Arithmetic),
        };
    }

    private static bool IsComparison(BinaryOperator op) => op is BinaryOperator.Equal or BinaryOperator.NotEqual
        or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual;

    /// <summary>
    /// Applies <paramref name="core"/> to the operands without their <c>?</c>. Optional operands are
    /// a lenient rule (<see cref="LenientRule.OptionalToRequired"/>): Cromwell evaluates them and fails
    /// only if the value is undefined; None never works.
    /// </summary>
    private static OperatorResult WithOptionalOperands(BinaryOperator op, WdlType left, WdlType right,
        Func<BinaryOperator, WdlType, WdlType, OperatorResult> core)
    {
        if (left is NoneType || right is NoneType)
            return OperatorResult.Invalid($"{op.Symbol()} cannot be applied to None");

        var result = core(op, left.Required, right.Required);
        if (!result.IsValid || (!left.IsOptional && !right.IsOptional))
            return result.Type is null ? Cannot(op, left, right, result.Reason) : result;

        var optional = left.IsOptional ? left : right;
        return result.And(OperatorResult.Lenient(result.Type, LenientRule.OptionalToRequired,
            $"{optional} is optional but {op.Symbol()} requires a value"));
    }

    private static OperatorResult Cannot(BinaryOperator op, WdlType left, WdlType right, string? reason)
        => OperatorResult.Invalid(reason ?? $"{op.Symbol()} cannot be applied to {left} and {right}");

    private static OperatorResult Logical(BinaryOperator op, WdlType left, WdlType right)
        => IsKind(left, PrimitiveKind.Boolean) && IsKind(right, PrimitiveKind.Boolean)
            ? OperatorResult.Ok(WdlType.Boolean)
            : OperatorResult.Invalid($"{op.Symbol()} requires Boolean operands, not {left} and {right}");

    private static OperatorResult Ordering(BinaryOperator op, WdlType left, WdlType right, WdlVersion version)
    {
        if (IsNumeric(left) && IsNumeric(right))
            return OperatorResult.Ok(WdlType.Boolean);
        if (IsKind(left, PrimitiveKind.String) && IsKind(right, PrimitiveKind.String))
            return OperatorResult.Ok(WdlType.Boolean);
        if (IsKind(left, PrimitiveKind.Boolean) && IsKind(right, PrimitiveKind.Boolean))
        {
            return version >= WdlVersion.V1_1
                ? OperatorResult.Deprecated(WdlType.Boolean, $"ordering Booleans with {op.Symbol()} is deprecated")
                : OperatorResult.Ok(WdlType.Boolean);
        }

        return OperatorResult.Invalid($"{op.Symbol()} cannot compare {left} and {right}");
    }

    private static OperatorResult Arithmetic(BinaryOperator op, WdlType left, WdlType right)
    {
        // The 1.1/1.2 tables omit `Int % Float`, but their text says mismatched numeric operands
        // are handled by coercing the Int to Float, and draft-2/1.0 list it: allowed everywhere.
        if (IsNumeric(left) && IsNumeric(right))
            return OperatorResult.Ok(NumericResult(left, right));
        return OperatorResult.Invalid($"{op.Symbol()} requires numeric operands, not {left} and {right}");
    }

    private static OperatorResult Addition(WdlType left, WdlType right, WdlVersion version, bool inPlaceholder)
    {
        if (left is NoneType || right is NoneType)
        {
            // Inside a placeholder `"--flag " + None` is a String? that evaluates to None.
            var other = left is NoneType ? right : left;
            if (inPlaceholder && other is not NoneType && Concatenation(WdlType.String, other.Required, version, inPlaceholder).IsValid)
                return OperatorResult.Ok(WdlType.String.Optional);
            return OperatorResult.Invalid("+ cannot be applied to None");
        }

        var result = AddRequired(left.Required, right.Required, version, inPlaceholder);
        if (!result.IsValid || (!left.IsOptional && !right.IsOptional))
            return result.Type is null ? Cannot(BinaryOperator.Add, left, right, result.Reason) : result;

        // Concatenation of optional values inside placeholders: a spec rule in 1.1+ ("Concatenation
        // of Optional Values") and the documented idiom `${"--val=" + val}` in draft-2/1.0.
        if (inPlaceholder && result.Type is PrimitiveType { Kind: PrimitiveKind.String or PrimitiveKind.File })
            return result with { Type = result.Type.Optional };

        var optional = left.IsOptional ? left : right;
        return result.And(OperatorResult.Lenient(result.Type, LenientRule.OptionalToRequired,
            $"{optional} is optional but + requires a value outside a placeholder"));
    }

    private static OperatorResult AddRequired(WdlType left, WdlType right, WdlVersion version, bool inPlaceholder)
    {
        if (IsNumeric(left) && IsNumeric(right))
            return OperatorResult.Ok(NumericResult(left, right));
        return Concatenation(left, right, version, inPlaceholder);
    }

    private static OperatorResult Concatenation(WdlType left, WdlType right, WdlVersion version, bool inPlaceholder)
    {
        if (left is not PrimitiveType l || right is not PrimitiveType r)
            return OperatorResult.Invalid($"+ cannot be applied to {left} and {right}");

        var modern = version >= WdlVersion.V1_1;
        switch (l.Kind, r.Kind)
        {
            case (PrimitiveKind.String, PrimitiveKind.String):
                return OperatorResult.Ok(WdlType.String);

            case (PrimitiveKind.String, PrimitiveKind.File):
                return modern
                    ? OperatorResult.Ok(WdlType.File)
                    : OperatorResult.Lenient(WdlType.String, LenientRule.StringPlusFile,
                        "String + File is only defined from WDL 1.1 (draft-2 and 1.0 define File + String)");

            case (PrimitiveKind.File, PrimitiveKind.String) or (PrimitiveKind.File, PrimitiveKind.File):
                return modern
                    ? OperatorResult.Deprecated(WdlType.File, $"{l} + {r} is deprecated; use join_paths() or string interpolation")
                    : OperatorResult.Ok(WdlType.File);

            case (PrimitiveKind.String, PrimitiveKind.Int or PrimitiveKind.Float):
            case (PrimitiveKind.Int or PrimitiveKind.Float, PrimitiveKind.String):
                return modern
                    ? OperatorResult.Deprecated(WdlType.String, $"{l} + {r} is deprecated; use string interpolation")
                    : OperatorResult.Ok(WdlType.String);

            // 1.1+ "Order of Precedence": inside interpolation, (String, Y) and (Y, String) convert the
            // other primitive to String. Still a String/non-String concatenation, which is deprecated.
            case (PrimitiveKind.String, _) or (_, PrimitiveKind.String) when inPlaceholder && modern:
                return OperatorResult.Deprecated(WdlType.String, $"{l} + {r} is deprecated; use string interpolation");

            default:
                return OperatorResult.Invalid($"+ cannot be applied to {left} and {right}");
        }
    }

    private static OperatorResult Equality(BinaryOperator op, WdlType left, WdlType right, WdlVersion version)
    {
        var modern = version >= WdlVersion.V1_1;

        // 1.1+: either or both operands may be optional, and None equals only itself.
        if (left is NoneType || right is NoneType)
        {
            return modern
                ? OperatorResult.Ok(WdlType.Boolean)
                : OperatorResult.Invalid("None requires WDL 1.1");
        }

        var result = EqualityRequired(left.Required, right.Required, version);
        if (!result.IsValid)
            return Cannot(op, left, right, result.Reason);
        if (modern || (!left.IsOptional && !right.IsOptional))
            return result;

        var optional = left.IsOptional ? left : right;
        return result.And(OperatorResult.Lenient(WdlType.Boolean, LenientRule.OptionalToRequired,
            $"{optional} is optional; comparing optional values is only defined from WDL 1.1"));
    }

    private static OperatorResult EqualityRequired(WdlType left, WdlType right, WdlVersion version)
    {
        var modern = version >= WdlVersion.V1_1;
        if (left is PrimitiveType l && right is PrimitiveType r)
        {
            if (l.Kind == r.Kind || (l.IsNumeric && r.IsNumeric) || IsPathAndString(l, r) || IsPathAndString(r, l))
                return OperatorResult.Ok(WdlType.Boolean);

            // 1.1+ "Order of Precedence": other primitive pairs are compared as Strings
            // (the spec's own example: `1 == true` is false).
            return modern
                ? OperatorResult.Ok(WdlType.Boolean)
                : OperatorResult.Invalid($"cannot compare {left} with {right}");
        }

        var sameShape = (left, right) switch
        {
            (ArrayType, ArrayType) or (MapType, MapType) or (PairType, PairType)
                or (StructType, StructType) or (ObjectType, ObjectType) => true,
            _ => false,
        };
        if (!sameShape || TypeCoercion.CommonType([left, right], version) is null)
            return OperatorResult.Invalid($"cannot compare {left} with {right}");

        return modern
            ? OperatorResult.Ok(WdlType.Boolean)
            : OperatorResult.Lenient(WdlType.Boolean, LenientRule.CompoundEquality,
                "comparing compound values is only defined from WDL 1.1");
    }

    private static bool IsPathAndString(PrimitiveType path, PrimitiveType other)
        => path.IsPathLike && other.Kind == PrimitiveKind.String;

    private static bool IsNumeric(WdlType type) => type is PrimitiveType { IsNumeric: true };

    private static bool IsKind(WdlType type, PrimitiveKind kind) => type is PrimitiveType p && p.Kind == kind;

    private static WdlType NumericResult(WdlType left, WdlType right)
        => IsKind(left, PrimitiveKind.Int) && IsKind(right, PrimitiveKind.Int) ? WdlType.Int : WdlType.Float;
}
