using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation;

/// <summary>
/// The value semantics of WDL's unary and binary operators (short-circuiting of <c>&amp;&amp;</c> and
/// <c>||</c> is the evaluator's job). Errors are <see cref="WdlValueException"/>s.
/// </summary>
/// <remarks>
/// Choices where the spec is silent: Int division and remainder truncate toward zero (the sign of
/// a remainder follows the dividend); division or remainder by zero, Int overflow, a Float result
/// that is not finite, and a negative exponent in <c>Int ** Int</c> are errors. <c>File + String</c>
/// concatenates the text (as <c>"~{file}.bai"</c> would) rather than joining paths.
/// </remarks>
public static class Operators
{
    public static WdlValue Unary(UnaryOperator op, WdlValue operand)
    {
        switch (op)
        {
            case UnaryOperator.Not when operand is WdlBoolean b:
                return WdlBoolean.Of(!b.Value);
            case UnaryOperator.Negate when operand is WdlInt i:
                return i.Value == long.MinValue ? throw Overflow() : WdlInt.Of(-i.Value);
            case UnaryOperator.Negate when operand is WdlFloat f:
                return WdlFloat.Of(-f.Value);
            case UnaryOperator.Plus when operand is WdlInt or WdlFloat:
                return operand;
        }
        string symbol = op switch { UnaryOperator.Not => "!", UnaryOperator.Negate => "-", _ => "+" };
        throw new WdlValueException(operand.IsNone
            ? $"operand of '{symbol}' is None"
            : $"operator '{symbol}' cannot be applied to {operand.Type}");
    }

    /// <summary>
    /// Applies a binary operator to evaluated operands. <paramref name="version"/> selects how
    /// Floats become text when concatenated with strings.
    /// </summary>
    public static WdlValue Binary(BinaryOperator op, WdlValue left, WdlValue right, WdlVersion version)
    {
        switch (op)
        {
            case BinaryOperator.Equal:
                return WdlBoolean.Of(ValueComparison.AreEqual(left, right, version));
            case BinaryOperator.NotEqual:
                return WdlBoolean.Of(!ValueComparison.AreEqual(left, right, version));
            case BinaryOperator.Less:
                return WdlBoolean.Of(ValueComparison.Compare(left, right) < 0);
            case BinaryOperator.LessOrEqual:
                return WdlBoolean.Of(ValueComparison.Compare(left, right) <= 0);
            case BinaryOperator.Greater:
                return WdlBoolean.Of(ValueComparison.Compare(left, right) > 0);
            case BinaryOperator.GreaterOrEqual:
                return WdlBoolean.Of(ValueComparison.Compare(left, right) >= 0);
            case BinaryOperator.And:
            case BinaryOperator.Or:
                if (left is WdlBoolean lb && right is WdlBoolean rb)
                    return WdlBoolean.Of(op == BinaryOperator.And ? lb.Value && rb.Value : lb.Value || rb.Value);
                throw Invalid(op, left, right);
            case BinaryOperator.Add:
                return Add(left, right, version);
            default:
                return Arithmetic(op, left, right);
        }
    }

    private static WdlValue Add(WdlValue left, WdlValue right, WdlVersion version)
    {
        if (left is WdlInt or WdlFloat && right is WdlInt or WdlFloat) return Arithmetic(BinaryOperator.Add, left, right);
        // Concatenation: a String/File/Directory with any primitive (the other side becomes text).
        if ((left.IsStringLike() || right.IsStringLike()) && left is WdlPrimitive && right is WdlPrimitive)
        {
            string text = ValueText.FormatPrimitive(left, version) + ValueText.FormatPrimitive(right, version);
            if (left is WdlFile || right is WdlFile) return WdlFile.Of(text);
            if (left is WdlDirectory) return WdlDirectory.Of(text);
            return WdlString.Of(text);
        }
        throw Invalid(BinaryOperator.Add, left, right);
    }

    private static WdlValue Arithmetic(BinaryOperator op, WdlValue left, WdlValue right)
    {
        if (left is WdlInt li && right is WdlInt ri)
        {
            long a = li.Value, b = ri.Value;
            try
            {
                return WdlInt.Of(op switch
                {
                    BinaryOperator.Add => checked(a + b),
                    BinaryOperator.Subtract => checked(a - b),
                    BinaryOperator.Multiply => checked(a * b),
                    BinaryOperator.Divide => b == 0 ? throw DivideByZero() : b == -1 ? checked(-a) : a / b,
                    BinaryOperator.Remainder => b == 0 ? throw DivideByZero() : b == -1 ? 0 : a % b,
                    BinaryOperator.Power => IntPower(a, b),
                    _ => throw Invalid(op, left, right),
                });
            }
            catch (OverflowException)
            {
                throw Overflow();
            }
        }
        if (left is WdlInt or WdlFloat && right is WdlInt or WdlFloat)
        {
            double a = ToDouble(left), b = ToDouble(right);
            double result = op switch
            {
                BinaryOperator.Add => a + b,
                BinaryOperator.Subtract => a - b,
                BinaryOperator.Multiply => a * b,
                BinaryOperator.Divide => b == 0 ? throw DivideByZero() : a / b,
                BinaryOperator.Remainder => b == 0 ? throw DivideByZero() : a % b,
                BinaryOperator.Power => Math.Pow(a, b),
                _ => throw Invalid(op, left, right),
            };
            if (!double.IsFinite(result))
                throw new WdlValueException($"the result of {Describe(left)} {op.Symbol()} {Describe(right)} is not a finite Float");
            return WdlFloat.Of(result);
        }
        throw Invalid(op, left, right);
    }

    private static long IntPower(long value, long exponent)
    {
        if (exponent < 0) throw new WdlValueException($"Int ** Int needs a non-negative exponent, got {exponent}");
        long result = 1;
        long factor = value;
        while (exponent > 0)
        {
            if ((exponent & 1) == 1) result = checked(result * factor);
            exponent >>= 1;
            if (exponent > 0) factor = checked(factor * factor);
        }
        return result;
    }

    private static double ToDouble(WdlValue v) => v is WdlInt i ? i.Value : ((WdlFloat)v).Value;

    private static WdlValueException Overflow() => new("Int overflow: the result does not fit in a 64-bit integer");

    private static WdlValueException DivideByZero() => new("division by zero");

    private static WdlValueException Invalid(BinaryOperator op, WdlValue left, WdlValue right)
    {
        if (left.IsNone || right.IsNone)
            return new WdlValueException($"{(left.IsNone ? "left" : "right")} operand of '{op.Symbol()}' is None");
        return new WdlValueException($"operator '{op.Symbol()}' cannot be applied to {left.Type} and {right.Type}");
    }

    private static string Describe(WdlValue v) => ValueCoercion.Describe(v);
}
