using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>Runs a standard-library function on evaluated arguments.</summary>
public delegate WdlValue FunctionImplementation(IReadOnlyList<WdlValue> arguments, IFunctionContext context);

/// <summary>
/// A standard-library function: its name, how many arguments it takes, the WDL version that
/// introduced it (for the type checker; the evaluator does not refuse older documents) and its
/// implementation. Implementations are value-driven: they accept every variant of the function
/// across versions (e.g. <c>length</c> of a String, which only 1.2 allows).
/// </summary>
public sealed record FunctionDefinition(
    string Name,
    int MinArguments,
    int MaxArguments,
    WdlVersion Since,
    FunctionImplementation Implementation)
{
    public bool Accepts(int count) => count >= MinArguments && count <= MaxArguments;

    public string ArityText => MinArguments == MaxArguments
        ? $"{MinArguments} argument{(MinArguments == 1 ? "" : "s")}"
        : $"{MinArguments} to {MaxArguments} arguments";
}
