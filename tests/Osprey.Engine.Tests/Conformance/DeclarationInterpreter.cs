using System.Diagnostics.CodeAnalysis;
using Osprey.Engine.Evaluation;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests.Conformance;

/// <summary>
/// Test-only: runs a workflow made only of declarations (no calls, scatters or conditionals) by
/// evaluating each declaration on first use, so the spec's expression examples can be checked
/// end to end against their expected outputs.
/// </summary>
internal sealed class DeclarationInterpreter : IEvaluationScope
{
    private readonly Dictionary<string, (Declaration Syntax, WdlType Type, bool IsInput)> _declarations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WdlValue> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);
    private readonly ExpressionEvaluator _evaluator;
    private readonly IReadOnlyDictionary<string, StructType> _structs;

    public DeclarationInterpreter(WorkflowNode workflow, IReadOnlyDictionary<string, StructType> structs, IFunctionContext context)
    {
        _structs = structs;
        _evaluator = new ExpressionEvaluator(context, structs);
        foreach (var d in workflow.Input?.Declarations ?? []) _declarations[d.Name.Name] = (d, Resolve(d.Type), true);
        foreach (var element in workflow.Body)
        {
            if (element is not DeclarationElement de) throw new NotSupportedException("only declarations are supported");
            _declarations[de.Declaration.Name.Name] = (de.Declaration, Resolve(de.Declaration.Type), de.Declaration.Initializer is null);
        }
        foreach (var d in workflow.Output?.Declarations ?? []) _declarations[d.Name.Name] = (d, Resolve(d.Type), false);
    }

    public IReadOnlyDictionary<string, WdlType> InputTypes(string prefix) =>
        _declarations.Where(d => d.Value.IsInput || d.Value.Syntax.Initializer is not null)
            .ToDictionary(d => prefix + d.Key, d => d.Value.Type);

    public void SetInput(string name, WdlValue value) => _values[name] = value;

    public WdlValue Get(string name)
    {
        if (_values.TryGetValue(name, out var value)) return value;
        var (syntax, type, _) = _declarations[name];
        if (!_evaluating.Add(name)) throw new InvalidOperationException($"cycle at {name}");
        value = syntax.Initializer is null
            ? (type.IsOptional ? WdlNone.Instance : throw new InvalidOperationException($"missing input {name}"))
            : _evaluator.Evaluate(syntax.Initializer, type, this);
        _values[name] = value;
        return value;
    }

    public bool TryLookup(string name, [NotNullWhen(true)] out WdlValue? value)
    {
        if (_declarations.ContainsKey(name) || _values.ContainsKey(name))
        {
            value = Get(name);
            return true;
        }
        value = null;
        return false;
    }

    public WdlType Resolve(TypeSyntax syntax)
    {
        WdlType type = syntax.Name switch
        {
            "Boolean" => WdlType.Boolean,
            "Int" => WdlType.Int,
            "Float" => WdlType.Float,
            "String" => WdlType.String,
            "File" => WdlType.File,
            "Directory" => WdlType.Directory,
            "Object" => WdlType.Object,
            "Array" => new ArrayType(Resolve(syntax.Arguments[0]), syntax.IsNonEmpty, false),
            "Map" => WdlType.MapOf(Resolve(syntax.Arguments[0]), Resolve(syntax.Arguments[1])),
            "Pair" => WdlType.PairOf(Resolve(syntax.Arguments[0]), Resolve(syntax.Arguments[1])),
            var name => _structs.TryGetValue(name, out var s) ? s : throw new InvalidOperationException($"unknown type {name}"),
        };
        return syntax.IsOptional ? type.Optional : type;
    }
}
