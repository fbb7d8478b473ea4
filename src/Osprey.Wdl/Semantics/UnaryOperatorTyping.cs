using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// Result types of unary operators: <c>!Boolean</c>, <c>-Int</c>, <c>-Float</c> in every version;
/// unary <c>+</c> only in the draft-2/1.0 tables (tolerated with a warning later).
/// </summary>
public static class UnaryOperatorTyping
{
    public static OperatorResult ResultType(UnaryOperator op, WdlType operand, WdlVersion version)
    {
        if (operand is ErrorType)
            return OperatorResult.Ok(op == UnaryOperator.Not ? WdlType.Boolean : WdlType.Error);
        if (operand is AnyType)
            return OperatorResult.Ok(op == UnaryOperator.Not ? WdlType.Boolean : WdlType.Any);
        if (operand is NoneType)
            return OperatorResult.Invalid($"{op.Symbol()} cannot be applied to None");

        var result = Required(op, operand.Required, version);
        if (result.Type is null)
            return OperatorResult.Invalid($"{op.Symbol()} cannot be applied to {operand}");
        if (!operand.IsOptional)
            return result;

        return result.And(OperatorResult.Lenient(result.Type, LenientRule.OptionalToRequired,
            $"{operand} is optional but {op.Symbol()} requires a value"));
    }

    private static OperatorResult Required(UnaryOperator op, WdlType operand, WdlVersion version)
    {
        var kind = (operand as PrimitiveType)?.Kind;
        return (op, kind) switch
        {
            (UnaryOperator.Not, PrimitiveKind.Boolean) => OperatorResult.Ok(WdlType.Boolean),
            (UnaryOperator.Negate, PrimitiveKind.Int or PrimitiveKind.Float) => OperatorResult.Ok(operand),
            (UnaryOperator.Plus, PrimitiveKind.Int or PrimitiveKind.Float) => version >= WdlVersion.V1_1
                ? OperatorResult.Lenient(operand, LenientRule.UnaryPlus, "unary + is not defined from WDL 1.1; remove it")
                : OperatorResult.Ok(operand),
            _ => OperatorResult.Invalid($"{op.Symbol()} cannot be applied to {operand}"),
        };
    }
}
