using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Loading;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// Assigns a type to every expression and reports what is wrong with it. Works against a
/// <see cref="Scope"/>; every symbol an expression refers to is passed to <see cref="OnReference"/>
/// so the caller can build the dependency graph.
/// </summary>
internal sealed class ExpressionChecker(DocumentModel document, DiagnosticBag bag, CheckOptions options)
{
    private int _placeholderDepth;

    private WdlVersion Version => document.Version;

    private bool Strict => options.Strict;

    /// <summary>Called for each symbol referenced while checking; set by the caller per element.</summary>
    public Action<Symbol>? OnReference { get; set; }

    /// <summary>True while checking a task's output section, where stdout/stderr/glob are allowed.</summary>
    public bool InTaskOutput { get; set; }

    /// <summary>Checks the expression and that its value can be assigned to <paramref name="target"/>.</summary>
    public WdlType CheckAssignment(Expression expression, WdlType target, Scope scope, string what)
    {
        // A map or object literal written for a struct is checked member by member: its values
        // need not share one type (the 1.0 way to write a struct value).
        if (target.Required is StructType structType && Unwrap(expression) is MapLiteral or ObjectLiteral)
            return CheckLiteralAsStruct(Unwrap(expression), structType, scope);
        var type = Check(expression, scope);
        // read_lines() results may be read as any array of primitives (spec: Appendix A).
        if (Unwrap(expression) is CallExpression { Function.Name: "read_lines" } && target.Required is ArrayType { Element: PrimitiveType })
            return target;
        RequireAssignable(type, target, expression, what);
        return type;
    }

    public void RequireAssignable(WdlType type, WdlType target, Expression expression, string what)
    {
        if (target is ArrayType { NonEmpty: true } && Unwrap(expression) is ArrayLiteral { Items.Count: 0 })
        {
            bag.EmptyNonEmptyArray(expression.Span, what);
            return;
        }
        var result = TypeRules.Assign(type, target, Version);
        switch (result.Kind)
        {
            case AssignKind.Forbidden:
                bag.TypeMismatch(expression.Span, what, target.Display, type.Display, result.Reason);
                break;
            case AssignKind.Lenient:
                bag.LenientCoercion(expression.Span, what, target.Display, type.Display, result.Reason ?? "not allowed by the spec", Strict);
                break;
        }
    }

    private static Expression Unwrap(Expression e) => e is ParenthesizedExpression p ? Unwrap(p.Inner) : e;

    public WdlType Check(Expression expression, Scope scope) => expression switch
    {
        ErrorExpression => WdlType.Error,
        BooleanLiteral => WdlType.Boolean,
        IntLiteral => WdlType.Int,
        FloatLiteral => WdlType.Float,
        NoneLiteral => WdlType.None,
        StringLiteral s => CheckString(s, scope),
        NameExpression n => CheckName(n, scope),
        MemberAccessExpression m => CheckMember(m, scope),
        IndexExpression i => CheckIndex(i, scope),
        CallExpression c => CheckFunction(c, scope),
        UnaryExpression u => CheckUnary(u, scope),
        BinaryExpression b => CheckBinary(b, scope),
        IfExpression i => CheckIf(i, scope),
        ParenthesizedExpression p => Check(p.Inner, scope),
        ArrayLiteral a => CheckArray(a, scope),
        MapLiteral m => CheckMap(m, scope),
        PairLiteral p => WdlType.PairOf(Check(p.Left, scope), Check(p.Right, scope)),
        ObjectLiteral o => CheckMembersAsObject(o.Members, scope),
        StructLiteral s => CheckStructLiteral(s, scope),
        HintsLiteral h => CheckMembersAsObject(h.Members, scope),
        _ => WdlType.Error,
    };

    private WdlType CheckString(StringLiteral literal, Scope scope)
    {
        foreach (var part in literal.Parts)
            if (part is Placeholder p) CheckPlaceholder(p, scope);
        return WdlType.String;
    }

    /// <summary>Checks a placeholder in a string or command: what it renders and its options.</summary>
    public void CheckPlaceholder(Placeholder placeholder, Scope scope)
    {
        _placeholderDepth++;
        var type = Check(placeholder.Expression, scope);
        _placeholderDepth--;
        bool hasSep = false, reportedBoolean = false;
        foreach (var option in placeholder.Options)
        {
            var optionType = Check(option.Value, scope);
            switch (option.Name.Name)
            {
                case "sep":
                    hasSep = true;
                    if (type is not (ArrayType or AnyType or ErrorType))
                        bag.InvalidPlaceholderOption(option.Span, $"the sep option needs an Array value, but the expression is {type.Display}");
                    break;
                case "true" or "false":
                    if (!reportedBoolean && type.Required is not (PrimitiveType { Kind: PrimitiveKind.Boolean } or AnyType or ErrorType))
                    {
                        reportedBoolean = true;
                        bag.InvalidPlaceholderOption(option.Span, $"the {option.Name.Name} option needs a Boolean value, but the expression is {type.Display}");
                    }
                    break;
                case "default":
                    break;
                default:
                    bag.InvalidPlaceholderOption(option.Name.Span, $"unknown placeholder option '{option.Name.Name}' (expected sep, true, false or default)");
                    break;
            }
            if (optionType is not (PrimitiveType or AnyType or ErrorType or NoneType))
                bag.InvalidPlaceholderOption(option.Value.Span, $"the {option.Name.Name} option must be a primitive value, not {optionType.Display}");
        }
        if (type is ArrayType array)
        {
            if (!hasSep) bag.InvalidPlaceholderValue(placeholder.Expression.Span, type.Display, Strict, hard: false);
            else if (array.Element.Required is not (PrimitiveType or AnyType or ErrorType))
                bag.InvalidPlaceholderValue(placeholder.Expression.Span, type.Display, Strict, hard: true);
        }
        else if (type is MapType or PairType or StructType or ObjectType)
        {
            bag.InvalidPlaceholderValue(placeholder.Expression.Span, type.Display, Strict, hard: true);
        }
    }

    private WdlType CheckName(NameExpression name, Scope scope)
    {
        var symbol = scope.Lookup(name.Name.Name);
        switch (symbol)
        {
            case null:
                bag.UnknownName(name.Span, name.Name.Name);
                return WdlType.Error;
            case CallSymbol call:
                OnReference?.Invoke(call);
                bag.CallIsNotAValue(name.Span, call.Name);
                return WdlType.Error;
            case ValueSymbol value:
                OnReference?.Invoke(value);
                return scope.Gather(value.Type, value.Blocks);
            default:
                return WdlType.Error;
        }
    }

    private WdlType CheckMember(MemberAccessExpression access, Scope scope)
    {
        // `call.output` is the one place a call name is an expression.
        if (access.Target is NameExpression targetName && scope.Lookup(targetName.Name.Name) is CallSymbol call)
        {
            OnReference?.Invoke(call);
            if (call.Callee is null) return WdlType.Error;
            var output = call.Callee.FindOutput(access.Member.Name);
            if (output is null)
            {
                string? hint = call.Callee.FindInput(access.Member.Name) is not null
                    ? $"'{access.Member.Name}' is an input of '{call.Callee.Name}'; only outputs can be read from a call"
                    : null;
                bag.NoSuchCallOutput(access.Member.Span, call.Name, access.Member.Name, hint);
                return WdlType.Error;
            }
            return scope.Gather(output.Type, call.Blocks);
        }

        var target = Check(access.Target, scope);
        string member = access.Member.Name;
        if (target is ErrorType or AnyType or ObjectType) return target is ErrorType ? WdlType.Error : WdlType.Any.WithOptional(target.IsOptional);
        if (target.IsOptional && target is not NoneType)
            bag.OptionalMemberAccess(access.Member.Span, target.Display, member, Strict);
        switch (target)
        {
            case PairType pair when member == "left":
                return pair.Left;
            case PairType pair when member == "right":
                return pair.Right;
            case StructType s:
                if (s.FindMember(member) is { } m) return m.Type;
                break;
        }
        bag.NoSuchMember(access.Member.Span, target.Display, member,
            target is PairType ? "a Pair has members 'left' and 'right'" : null);
        return WdlType.Error;
    }

    private WdlType CheckIndex(IndexExpression index, Scope scope)
    {
        var target = Check(index.Target, scope);
        var key = Check(index.Index, scope);
        if (target is ErrorType || key is ErrorType) return WdlType.Error;
        if (target is AnyType or ObjectType) return WdlType.Any;
        if (target.IsOptional)
            bag.OptionalMemberAccess(index.Target.Span, target.Display, "[...]", Strict);
        switch (target)
        {
            case ArrayType array:
                if (TypeRules.Assign(key, WdlType.Int, Version).Kind == AssignKind.Forbidden)
                    bag.NotIndexable(index.Index.Span, target.Display, key.Display);
                return array.Element;
            case MapType map:
                if (TypeRules.Assign(key, map.Key, Version).Kind == AssignKind.Forbidden)
                    bag.NotIndexable(index.Index.Span, target.Display, key.Display);
                return map.Value;
            default:
                bag.NotIndexable(index.Target.Span, target.Display, key.Display);
                return WdlType.Error;
        }
    }

    private WdlType CheckFunction(CallExpression call, Scope scope)
    {
        var arguments = new WdlType[call.Arguments.Count];
        for (int i = 0; i < arguments.Length; i++) arguments[i] = Check(call.Arguments[i], scope);
        string name = call.Function.Name;
        switch (TypeRules.Function(name, arguments, Version))
        {
            case FunctionTyped typed:
                if (typed.OnlyInOutputs && !InTaskOutput) bag.FunctionOnlyInOutputs(call.Function.Span, name);
                foreach (var (index, reason) in typed.LenientArguments)
                    bag.LenientCoercion(call.Arguments[index].Span, $"argument {index + 1} of '{name}'", "another type", arguments[index].Display, reason, Strict);
                return typed.Result;
            case FunctionNotInThisVersion n:
                bag.FunctionNotInVersion(call.Function.Span, name, n.Since, Version);
                return n.Result;
            case FunctionWrongCount c:
                bag.WrongArgumentCount(call.Span, name, c.Expected, arguments.Length);
                return WdlType.Error;
            case FunctionWrongType t:
                if (arguments[t.Index] is not ErrorType)
                    bag.WrongArgumentType(call.Arguments[t.Index].Span, name, t.Index, t.Expected, arguments[t.Index].Display);
                return WdlType.Error;
            default:
                bag.UnknownFunction(call.Function.Span, name);
                return WdlType.Error;
        }
    }

    private WdlType CheckUnary(UnaryExpression unary, Scope scope)
    {
        var operand = Check(unary.Operand, scope);
        if (operand is ErrorType) return WdlType.Error;
        var (type, kind, reason) = TypeRules.Unary(unary.Operator, operand, Version);
        if (type is not null)
        {
            if (kind == AssignKind.Lenient) bag.LenientOperands(unary.OperatorSpan, unary.Operator.Symbol(), reason ?? "", Strict);
            return type;
        }
        bag.InvalidOperands(unary.OperatorSpan, unary.Operator.Symbol(), operand.Display, null, reason);
        return WdlType.Error;
    }

    private WdlType CheckBinary(BinaryExpression binary, Scope scope)
    {
        var left = Check(binary.Left, scope);
        var right = Check(binary.Right, scope);
        if (left is ErrorType || right is ErrorType) return WdlType.Error;
        var (type, kind, reason) = TypeRules.Binary(binary.Operator, left, right, Version, _placeholderDepth > 0);
        if (type is not null)
        {
            if (kind == AssignKind.Lenient) bag.LenientOperands(binary.OperatorSpan, binary.Operator.Symbol(), reason ?? "", Strict);
            return type;
        }
        bag.InvalidOperands(binary.OperatorSpan, binary.Operator.Symbol(), left.Display, right.Display, reason);
        return WdlType.Error;
    }

    private WdlType CheckIf(IfExpression conditional, Scope scope)
    {
        var condition = Check(conditional.Condition, scope);
        RequireBoolean(condition, conditional.Condition);
        var then = Check(conditional.Then, scope);
        var otherwise = Check(conditional.Else, scope);
        if (then is ErrorType || otherwise is ErrorType) return WdlType.Error;
        var common = TypeRules.Common([then, otherwise], Version);
        if (common is null)
        {
            bag.IncompatibleItemTypes(conditional.Span, $"branches of if-then-else ({then.Display} and {otherwise.Display})");
            return WdlType.Error;
        }
        return common;
    }

    public void RequireBoolean(WdlType type, Expression expression)
    {
        if (type is ErrorType) return;
        var result = TypeRules.Assign(type, WdlType.Boolean, Version);
        if (result.Kind == AssignKind.Forbidden) bag.ConditionNotBoolean(expression.Span, type.Display);
        else if (result.Kind == AssignKind.Lenient)
            bag.LenientCoercion(expression.Span, "the condition", "Boolean", type.Display, result.Reason ?? "", Strict);
    }

    private WdlType CheckArray(ArrayLiteral array, Scope scope)
    {
        if (array.Items.Count == 0) return WdlType.ArrayOf(WdlType.Any);
        var items = new WdlType[array.Items.Count];
        for (int i = 0; i < items.Length; i++) items[i] = Check(array.Items[i], scope);
        if (Array.Exists(items, t => t is ErrorType)) return WdlType.ArrayOf(WdlType.Error, nonEmpty: true);
        var element = TypeRules.Common(items, Version);
        if (element is null)
        {
            bag.IncompatibleItemTypes(array.Span, $"array items ({string.Join(", ", items.Select(t => t.Display).Distinct())})");
            return WdlType.Error;
        }
        return WdlType.ArrayOf(element, nonEmpty: true);
    }

    private WdlType CheckMap(MapLiteral map, Scope scope)
    {
        if (map.Entries.Count == 0) return WdlType.MapOf(WdlType.Any, WdlType.Any);
        var keys = new WdlType[map.Entries.Count];
        var values = new WdlType[map.Entries.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = Check(map.Entries[i].Key, scope);
            values[i] = Check(map.Entries[i].Value, scope);
        }
        if (Array.Exists(keys, t => t is ErrorType) || Array.Exists(values, t => t is ErrorType)) return WdlType.Error;
        var key = TypeRules.Common(keys, Version);
        var value = TypeRules.Common(values, Version);
        if (key is null) bag.IncompatibleItemTypes(map.Span, "map keys");
        if (value is null) bag.IncompatibleItemTypes(map.Span, "map values");
        if (key is null || value is null) return WdlType.Error;
        if (key.Required is not (PrimitiveType or AnyType))
            bag.TypeMismatch(map.Entries[0].Key.Span, "a map key", "a primitive type", key.Display);
        return WdlType.MapOf(key, value);
    }

    private WdlType CheckMembersAsObject(IReadOnlyList<MemberEntry> members, Scope scope)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (!seen.Add(member.Key.Name)) bag.DuplicateName(member.Key.Span, member.Key.Name, "this literal");
            Check(member.Value, scope);
        }
        return WdlType.Object;
    }

    private WdlType CheckLiteralAsStruct(Expression literal, StructType type, Scope scope)
    {
        var entries = new List<(Identifier Key, Expression Value)>();
        if (literal is ObjectLiteral o)
        {
            foreach (var m in o.Members) entries.Add((m.Key, m.Value));
        }
        else
        {
            foreach (var e in ((MapLiteral)literal).Entries)
            {
                if (Unwrap(e.Key) is StringLiteral { ConstantValue: { } key }) entries.Add((new Identifier(key, e.Key.Span), e.Value));
                else if (Unwrap(e.Key) is NameExpression n) entries.Add((n.Name, e.Value));
                else
                {
                    bag.TypeMismatch(e.Key.Span, $"a key of a {type.Name} literal", "a member name", Check(e.Key, scope).Display);
                    Check(e.Value, scope);
                }
            }
        }
        CheckStructMembers(type, literal.Span, entries, scope);
        return type;
    }

    private WdlType CheckStructLiteral(StructLiteral literal, Scope scope)
    {
        if (!document.Structs.TryGetValue(literal.TypeName.Name, out var type))
        {
            bag.UnknownStructForLiteral(literal.TypeName.Span, literal.TypeName.Name);
            foreach (var m in literal.Members) Check(m.Value, scope);
            return WdlType.Error;
        }
        CheckStructMembers(type, literal.TypeName.Span, literal.Members.Select(m => (m.Key, m.Value)).ToList(), scope);
        return type;
    }

    private void CheckStructMembers(StructType type, TextSpan span, IReadOnlyList<(Identifier Key, Expression Value)> entries, Scope scope)
    {
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (!given.Add(key.Name))
            {
                bag.DuplicateName(key.Span, key.Name, $"this {type.Name} literal");
                continue;
            }
            var member = type.FindMember(key.Name);
            if (member is null)
            {
                bag.NoSuchMember(key.Span, $"struct {type.Name}", key.Name);
                Check(value, scope);
                continue;
            }
            CheckAssignment(value, member.Type, scope, $"member '{member.Name}' of {type.Name}");
        }
        foreach (var member in type.Members)
            if (!member.Type.IsOptional && !given.Contains(member.Name))
                bag.MissingStructMember(span, type.Name, member.Name);
    }
}
