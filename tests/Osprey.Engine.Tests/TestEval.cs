using Osprey.Engine.Evaluation;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tests;

/// <summary>Parses single expressions and evaluates them, for tests.</summary>
internal static class TestEval
{
    public static string VersionText(WdlVersion version) => version switch
    {
        WdlVersion.Draft2 => "draft-2",
        _ => version.Display(),
    };

    /// <summary>Parses <paramref name="expression"/> as the initializer of a workflow declaration.</summary>
    public static (Expression Expression, SourceText Source) Parse(string expression, WdlVersion version = WdlVersion.V1_1)
    {
        string header = version == WdlVersion.Draft2 ? string.Empty : $"version {VersionText(version)}\n";
        string text = $"{header}workflow w {{\n  String x = {expression}\n}}\n";
        var source = new SourceText("test.wdl", text);
        var result = WdlParser.Parse(source);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, "parse errors: " + string.Join("; ", errors.Select(e => e.Message)));
        var declaration = (DeclarationElement)result.Document.Workflow!.Body[0];
        return (declaration.Declaration.Initializer!, source);
    }

    public static WdlValue Run(
        string expression,
        WdlVersion version = WdlVersion.V1_1,
        IEvaluationScope? scope = null,
        IReadOnlyDictionary<string, StructType>? structs = null,
        IFunctionContext? context = null)
    {
        var (expr, _) = Parse(expression, version);
        var evaluator = new ExpressionEvaluator(context ?? new LocalFunctionContext(version, Path.GetTempPath()), structs);
        return evaluator.Evaluate(expr, scope ?? new DictionaryScope());
    }

    /// <summary>Evaluates and returns the failure, with the source text the span refers to.</summary>
    public static (EvaluationException Error, string SpanText) Fail(
        string expression,
        WdlVersion version = WdlVersion.V1_1,
        IEvaluationScope? scope = null,
        IFunctionContext? context = null,
        IReadOnlyDictionary<string, StructType>? structs = null)
    {
        var (expr, source) = Parse(expression, version);
        var evaluator = new ExpressionEvaluator(context ?? new LocalFunctionContext(version, Path.GetTempPath()), structs);
        var error = Assert.Throws<EvaluationException>(() => evaluator.Evaluate(expr, scope ?? new DictionaryScope()));
        return (error, source.GetText(error.Span));
    }

    /// <summary>The value as JSON (compact), a convenient way to compare compound results.</summary>
    public static string Json(string expression, WdlVersion version = WdlVersion.V1_1, IEvaluationScope? scope = null, IFunctionContext? context = null) =>
        ValueJson.Serialize(Run(expression, version, scope, context: context));

    public static DictionaryScope Scope(params (string Name, WdlValue Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, WdlValue>(v.Name, v.Value)));
}
