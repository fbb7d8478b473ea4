using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Osprey.Engine.Evaluation.StdLib;

/// <summary>The standard library of every WDL version, by function name.</summary>
public static class StandardFunctions
{
    private static readonly FrozenDictionary<string, FunctionDefinition> Table = Build();

    public static IReadOnlyDictionary<string, FunctionDefinition> All => Table;

    public static bool TryGet(string name, [NotNullWhen(true)] out FunctionDefinition? definition) =>
        Table.TryGetValue(name, out definition);

    private static FrozenDictionary<string, FunctionDefinition> Build()
    {
        var all = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
        foreach (var family in new[]
        {
            NumericFunctions.Definitions,
            StringFunctions.Definitions,
            StringArrayFunctions.Definitions,
            FileFunctions.Definitions,
            ReadFunctions.Definitions,
            WriteFunctions.Definitions,
            ArrayFunctions.Definitions,
            MapFunctions.Definitions,
            OtherFunctions.Definitions,
        })
        {
            foreach (var f in family) all.Add(f.Name, f);
        }
        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
