using System.Text;
using System.Text.RegularExpressions;
using Osprey.Engine.Evaluation.StdLib;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation;

/// <summary>
/// Evaluates already type-checked expressions to values. Evaluation is value-driven: operators and
/// functions look at the values they get; declared types enter only through
/// <see cref="Evaluate(Expression, WdlType, IEvaluationScope)"/>, which coerces the result.
/// Every failure is an <see cref="EvaluationException"/> with the span of the innermost failing
/// expression.
/// </summary>
/// <remarks>
/// Thread-safe: an evaluator holds no per-evaluation state, so scatter iterations may share one.
/// </remarks>
public sealed class ExpressionEvaluator
{
    private static readonly IReadOnlyDictionary<string, StructType> NoStructs = new Dictionary<string, StructType>();

    private readonly IReadOnlyDictionary<string, StructType> _structs;

    /// <param name="context">Files, version and streams for the standard library.</param>
    /// <param name="structs">Struct types visible to the document, for struct literals.</param>
    public ExpressionEvaluator(IFunctionContext context, IReadOnlyDictionary<string, StructType>? structs = null)
    {
        Context = context;
        _structs = structs ?? NoStructs;
    }

    public IFunctionContext Context { get; }

    public WdlVersion Version => Context.Version;

    /// <summary>Evaluates an expression.</summary>
    public WdlValue Evaluate(Expression expression, IEvaluationScope scope) => Eval(expression, scope, inPlaceholder: false);

    /// <summary>Evaluates an expression and coerces the result to the declared type.</summary>
    public WdlValue Evaluate(Expression expression, WdlType declaredType, IEvaluationScope scope)
    {
        var value = Evaluate(expression, scope);
        try
        {
            return ValueCoercion.Coerce(value, declaredType, Version);
        }
        catch (WdlValueException e)
        {
            throw new EvaluationException(expression.Span, e.Message, e, value.IsNone);
        }
    }

    /// <summary>
    /// The text a placeholder contributes to a string or a command: None renders as the empty
    /// string (or the <c>default</c> option), <c>sep</c> joins arrays, <c>true</c>/<c>false</c>
    /// choose text for a Boolean.
    /// </summary>
    public string RenderPlaceholder(Placeholder placeholder, IEvaluationScope scope)
    {
        WdlValue value;
        try
        {
            value = Eval(placeholder.Expression, scope, inPlaceholder: true);
        }
        catch (EvaluationException e) when (e.InvolvesNone)
        {
            value = WdlNone.Instance;
        }

        string? sep = null, ifTrue = null, ifFalse = null, fallback = null;
        foreach (var option in placeholder.Options)
        {
            var optionValue = Eval(option.Value, scope, inPlaceholder: false);
            string text = ValueText.TryFormatPrimitive(optionValue, Version, out var t) ? t
                : throw new EvaluationException(option.Value.Span, $"placeholder option '{option.Name.Name}' must be a String, got {ValueCoercion.Describe(optionValue)}");
            switch (option.Name.Name)
            {
                case "sep": sep = text; break;
                case "true": ifTrue = text; break;
                case "false": ifFalse = text; break;
                case "default": fallback = text; break;
                default: throw new EvaluationException(option.Name.Span, $"unknown placeholder option '{option.Name.Name}'");
            }
        }

        if (value.IsNone) return fallback ?? string.Empty;
        if (value is WdlBoolean b && (ifTrue is not null || ifFalse is not null))
            return (b.Value ? ifTrue : ifFalse) ?? string.Empty;
        if (value is WdlArray array)
        {
            if (sep is null)
                throw new EvaluationException(placeholder.Expression.Span,
                    $"an {array.Type} cannot be interpolated into a string; use sep(\",\", array) or the sep option");
            var sb = new StringBuilder();
            for (int i = 0; i < array.Count; i++)
            {
                if (i > 0) sb.Append(sep);
                if (array[i].IsNone) continue;
                if (!ValueText.TryFormatPrimitive(array[i], Version, out var itemText))
                    throw new EvaluationException(placeholder.Expression.Span,
                        $"element {i} of the array is {array[i].Type}; only arrays of primitive values can be joined with sep");
                sb.Append(itemText);
            }
            return sb.ToString();
        }
        if (sep is not null)
            throw new EvaluationException(placeholder.Expression.Span, $"the sep option needs an array, got {ValueCoercion.Describe(value)}");
        if (ValueText.TryFormatPrimitive(value, Version, out var result)) return result;
        throw new EvaluationException(placeholder.Expression.Span,
            $"a value of type {value.Type} cannot be interpolated into a string; only primitive values can");
    }

    private WdlValue Eval(Expression expression, IEvaluationScope scope, bool inPlaceholder)
    {
        try
        {
            return expression switch
            {
                BooleanLiteral b => WdlBoolean.Of(b.Value),
                IntLiteral i => WdlInt.Of(i.Value),
                FloatLiteral f => WdlFloat.Of(f.Value),
                NoneLiteral => WdlNone.Instance,
                StringLiteral s => EvalString(s, scope),
                NameExpression n => EvalName(n, scope),
                ParenthesizedExpression p => Eval(p.Inner, scope, inPlaceholder),
                MemberAccessExpression m => EvalMember(m, scope, inPlaceholder),
                IndexExpression ix => EvalIndex(ix, scope, inPlaceholder),
                CallExpression c => EvalCall(c, scope, inPlaceholder),
                UnaryExpression u => EvalUnary(u, scope, inPlaceholder),
                BinaryExpression bin => EvalBinary(bin, scope, inPlaceholder),
                IfExpression ife => EvalIf(ife, scope, inPlaceholder),
                ArrayLiteral a => EvalArray(a, scope, inPlaceholder),
                MapLiteral m => EvalMap(m, scope, inPlaceholder),
                PairLiteral p => WdlPair.Create(Eval(p.Left, scope, inPlaceholder), Eval(p.Right, scope, inPlaceholder)),
                ObjectLiteral o => EvalObject(o.Members, scope, inPlaceholder),
                HintsLiteral h => EvalObject(h.Members, scope, inPlaceholder),
                StructLiteral s => EvalStruct(s, scope, inPlaceholder),
                ErrorExpression => throw new EvaluationException(expression.Span, "this expression could not be parsed"),
                _ => throw new EvaluationException(expression.Span, $"unsupported expression {expression.GetType().Name}"),
            };
        }
        catch (EvaluationException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (WdlValueException e)
        {
            throw new EvaluationException(expression.Span, e.Message, e);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new EvaluationException(expression.Span, $"regular expression took too long: {e.Pattern}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            throw new EvaluationException(expression.Span, e.Message, e);
        }
    }

    private WdlValue EvalString(StringLiteral literal, IEvaluationScope scope)
    {
        var parts = literal.IsMultiline ? MultilineStrings.Process(literal) : literal.Parts;
        if (parts.Count == 0) return WdlString.Empty;
        if (parts.Count == 1 && parts[0] is StringText only) return WdlString.Of(only.Text);
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            switch (part)
            {
                case StringText t: sb.Append(t.Text); break;
                case Placeholder p: sb.Append(RenderPlaceholder(p, scope)); break;
            }
        }
        return WdlString.Of(sb.ToString());
    }

    private static WdlValue EvalName(NameExpression name, IEvaluationScope scope)
    {
        if (scope.TryLookup(name.Name.Name, out var value)) return value;
        throw new EvaluationException(name.Span, $"'{name.Name.Name}' is not defined (no value is bound to this name)");
    }

    private WdlValue EvalMember(MemberAccessExpression access, IEvaluationScope scope, bool inPlaceholder)
    {
        string member = access.Member.Name;
        // A scope may bind dotted names (e.g. "call.output") directly.
        if (access.Target is NameExpression n && !scope.TryLookup(n.Name.Name, out _)
            && scope.TryLookup(n.Name.Name + "." + member, out var dotted))
            return dotted;

        var target = Eval(access.Target, scope, inPlaceholder);
        switch (target)
        {
            case WdlPair pair when member == "left": return pair.Left;
            case WdlPair pair when member == "right": return pair.Right;
            case WdlPair:
                throw new EvaluationException(access.Member.Span, $"a Pair has only the members 'left' and 'right', not '{member}'");
            case IMemberValue members:
                if (members.TryGetMember(member, out var value)) return value;
                throw new EvaluationException(access.Member.Span, target is WdlStruct s
                    ? $"struct {s.Name} has no member '{member}'"
                    : $"the object has no member '{member}' (members: {string.Join(", ", members.MemberNames)})");
            case WdlNone:
                // Outputs of a call that did not run (its conditional was false) are None.
                if (inPlaceholder)
                    throw new EvaluationException(access.Span, $"cannot access member '{member}' of None", involvesNone: true);
                return WdlNone.Instance;
            case WdlMap:
                throw new EvaluationException(access.Member.Span, $"a Map has no members; use [\"{member}\"] to look up a key");
            default:
                throw new EvaluationException(access.Member.Span, $"a value of type {target.Type} has no member '{member}'");
        }
    }

    private WdlValue EvalIndex(IndexExpression expression, IEvaluationScope scope, bool inPlaceholder)
    {
        var target = Eval(expression.Target, scope, inPlaceholder);
        var index = Eval(expression.Index, scope, inPlaceholder);
        switch (target)
        {
            case WdlArray array:
                {
                    if (index is not WdlInt i)
                        throw new EvaluationException(expression.Index.Span, $"an array index must be an Int, got {ValueCoercion.Describe(index)}", involvesNone: index.IsNone);
                    if (i.Value < 0 || i.Value >= array.Count)
                        throw new EvaluationException(expression.Span,
                            array.Count == 0
                                ? $"index {i.Value} is out of range: the array is empty"
                                : $"index {i.Value} is out of range for an array of length {array.Count} (valid indexes are 0 to {array.Count - 1})");
                    return array[(int)i.Value];
                }
            case WdlMap map:
                {
                    if (ValueCoercion.TryCoerce(index, map.MapType.Key, Version, out var key, out _) && map.TryGetValue(key, out var value))
                        return value;
                    throw new EvaluationException(expression.Span, $"key {ValueCoercion.Describe(index)} is not in the map", involvesNone: index.IsNone);
                }
            case IMemberValue members when index.IsStringLike():
                {
                    string name = ValueComparison.StringLikeText(index);
                    if (members.TryGetMember(name, out var value)) return value;
                    throw new EvaluationException(expression.Span, $"there is no member '{name}'");
                }
            case WdlNone:
                throw new EvaluationException(expression.Target.Span, "cannot index None", involvesNone: true);
            default:
                throw new EvaluationException(expression.Target.Span, $"a value of type {target.Type} cannot be indexed");
        }
    }

    private WdlValue EvalCall(CallExpression call, IEvaluationScope scope, bool inPlaceholder)
    {
        string name = call.Function.Name;
        if (!StandardFunctions.TryGet(name, out var function))
            throw new EvaluationException(call.Function.Span, $"unknown function '{name}'");
        if (!function.Accepts(call.Arguments.Count))
            throw new EvaluationException(call.Span, $"{name}() takes {function.ArityText}, got {call.Arguments.Count}");

        var args = new WdlValue[call.Arguments.Count];
        bool anyNone = false;
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Eval(call.Arguments[i], scope, inPlaceholder);
            anyNone |= args[i].IsNone;
        }
        try
        {
            return function.Implementation(args, Context);
        }
        catch (Exception e) when (e is WdlValueException or IOException or UnauthorizedAccessException or ArgumentException or FormatException or OverflowException or System.Text.Json.JsonException)
        {
            throw new EvaluationException(call.Span, $"{name}(): {e.Message}", e, anyNone);
        }
    }

    private WdlValue EvalUnary(UnaryExpression unary, IEvaluationScope scope, bool inPlaceholder)
    {
        var operand = Eval(unary.Operand, scope, inPlaceholder);
        try
        {
            return Operators.Unary(unary.Operator, operand);
        }
        catch (WdlValueException e)
        {
            throw new EvaluationException(unary.Span, e.Message, e, operand.IsNone);
        }
    }

    private WdlValue EvalBinary(BinaryExpression binary, IEvaluationScope scope, bool inPlaceholder)
    {
        var left = Eval(binary.Left, scope, inPlaceholder);
        if (binary.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            if (left is not WdlBoolean lb)
                throw new EvaluationException(binary.Left.Span, $"'{binary.Operator.Symbol()}' needs Boolean operands, got {ValueCoercion.Describe(left)}", involvesNone: left.IsNone);
            // Short-circuit: the right side is evaluated only when it decides the result.
            if (binary.Operator == BinaryOperator.And ? !lb.Value : lb.Value) return lb;
            var right = Eval(binary.Right, scope, inPlaceholder);
            if (right is not WdlBoolean rb)
                throw new EvaluationException(binary.Right.Span, $"'{binary.Operator.Symbol()}' needs Boolean operands, got {ValueCoercion.Describe(right)}", involvesNone: right.IsNone);
            return rb;
        }

        var rightValue = Eval(binary.Right, scope, inPlaceholder);
        // Inside a placeholder, + on an undefined operand yields None (rendered as ""), which is
        // how "~{'-m ' + max_matches}" drops the flag when max_matches is None.
        if (inPlaceholder && binary.Operator == BinaryOperator.Add && (left.IsNone || rightValue.IsNone))
            return WdlNone.Instance;
        try
        {
            return Operators.Binary(binary.Operator, left, rightValue, Version);
        }
        catch (WdlValueException e)
        {
            throw new EvaluationException(binary.Span, e.Message, e, left.IsNone || rightValue.IsNone);
        }
    }

    private WdlValue EvalIf(IfExpression expression, IEvaluationScope scope, bool inPlaceholder)
    {
        var condition = Eval(expression.Condition, scope, inPlaceholder);
        if (condition is not WdlBoolean b)
            throw new EvaluationException(expression.Condition.Span, $"the condition of if-then-else must be a Boolean, got {ValueCoercion.Describe(condition)}", involvesNone: condition.IsNone);
        return Eval(b.Value ? expression.Then : expression.Else, scope, inPlaceholder);
    }

    private WdlValue EvalArray(ArrayLiteral literal, IEvaluationScope scope, bool inPlaceholder)
    {
        if (literal.Items.Count == 0) return WdlArray.Empty(WdlType.Any);
        var items = new WdlValue[literal.Items.Count];
        for (int i = 0; i < items.Length; i++) items[i] = Eval(literal.Items[i], scope, inPlaceholder);
        var elementType = TypeUnification.CommonTypeOf(items);
        for (int i = 0; i < items.Length; i++)
        {
            try
            {
                items[i] = ValueCoercion.Coerce(items[i], elementType, Version);
            }
            catch (WdlValueException e)
            {
                throw new EvaluationException(literal.Items[i].Span, e.Message, e);
            }
        }
        return WdlArray.Own(WdlType.ArrayOf(elementType), items);
    }

    private WdlValue EvalMap(MapLiteral literal, IEvaluationScope scope, bool inPlaceholder)
    {
        int n = literal.Entries.Count;
        var keys = new WdlValue[n];
        var values = new WdlValue[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = Eval(literal.Entries[i].Key, scope, inPlaceholder);
            values[i] = Eval(literal.Entries[i].Value, scope, inPlaceholder);
        }
        var keyType = TypeUnification.CommonTypeOf(keys, "map keys");
        var valueType = TypeUnification.CommonTypeOf(values, "map values");
        for (int i = 0; i < n; i++)
        {
            keys[i] = ValueCoercion.Coerce(keys[i], keyType, Version);
            values[i] = ValueCoercion.Coerce(values[i], valueType, Version);
        }
        for (int i = 1; i < n; i++)
            for (int j = 0; j < i && n <= 64; j++)
                if (keys[i].Equals(keys[j]))
                    throw new EvaluationException(literal.Entries[i].Key.Span, $"duplicate key {ValueCoercion.Describe(keys[i])} in map literal");
        return WdlMap.Own(WdlType.MapOf(keyType, valueType), keys, values, checkDuplicates: true);
    }

    private WdlObject EvalObject(IReadOnlyList<MemberEntry> entries, IEvaluationScope scope, bool inPlaceholder)
    {
        var members = new List<KeyValuePair<string, WdlValue>>(entries.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!seen.Add(entry.Key.Name))
                throw new EvaluationException(entry.Key.Span, $"duplicate member '{entry.Key.Name}'");
            members.Add(new(entry.Key.Name, Eval(entry.Value, scope, inPlaceholder)));
        }
        return WdlObject.Create(members);
    }

    private WdlStruct EvalStruct(StructLiteral literal, IEvaluationScope scope, bool inPlaceholder)
    {
        if (!_structs.TryGetValue(literal.TypeName.Name, out var type))
            throw new EvaluationException(literal.TypeName.Span, $"unknown struct '{literal.TypeName.Name}'");
        var values = new WdlValue?[type.Members.Count];
        foreach (var entry in literal.Members)
        {
            int index = -1;
            for (int i = 0; i < type.Members.Count; i++)
                if (type.Members[i].Name == entry.Key.Name) { index = i; break; }
            if (index < 0)
                throw new EvaluationException(entry.Key.Span, $"struct {type.Name} has no member '{entry.Key.Name}'");
            if (values[index] is not null)
                throw new EvaluationException(entry.Key.Span, $"member '{entry.Key.Name}' is given twice");
            var value = Eval(entry.Value, scope, inPlaceholder);
            try
            {
                values[index] = ValueCoercion.Coerce(value, type.Members[index].Type, Version);
            }
            catch (WdlValueException e)
            {
                throw new EvaluationException(entry.Value.Span, $"member '{entry.Key.Name}' of struct {type.Name}: {e.Message}", e);
            }
        }
        var complete = new WdlValue[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is { } v) complete[i] = v;
            else if (type.Members[i].Type.IsOptional) complete[i] = WdlNone.Instance;
            else throw new EvaluationException(literal.Span, $"struct {type.Name} literal is missing the required member '{type.Members[i].Name}'");
        }
        return WdlStruct.Own(type, complete);
    }
}
