using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>
/// The catalogue of standard-library functions of every WDL version, and overload resolution
/// for calls. Each family file contributes its definitions; this class only gathers and resolves.
/// </summary>
public static class StandardLibrary
{
    private static readonly IReadOnlyDictionary<string, FunctionDefinition> ByName = NumericFunctions.Definitions
        .Concat(StringFunctions.Definitions)
        .Concat(FileFunctions.Definitions)
        .Concat(FileReadFunctions.Definitions)
        .Concat(FileWriteFunctions.Definitions)
        .Concat(StringArrayFunctions.Definitions)
        .Concat(ArrayFunctions.Definitions)
        .Concat(MapFunctions.Definitions)
        .Concat(OtherFunctions.Definitions)
        .ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Every function of every version, by name.</summary>
    public static IEnumerable<FunctionDefinition> All => ByName.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    /// <summary>The functions callable in <paramref name="version"/>, by name.</summary>
    public static IEnumerable<FunctionDefinition> FunctionsIn(WdlVersion version) => All.Where(f => f.IsAvailableIn(version));

    /// <summary>The function named <paramref name="name"/> in any version, or null.</summary>
    public static FunctionDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The overload with the given <see cref="FunctionOverload.Id"/>, or null.</summary>
    public static FunctionOverload? FindOverload(string id)
    {
        var open = id.IndexOf('(');
        return open <= 0 ? null : Find(id[..open])?.Overloads.FirstOrDefault(o => o.Id == id);
    }

    /// <summary>
    /// Chooses the overload of <paramref name="name"/> that fits <paramref name="argumentTypes"/> in
    /// <paramref name="version"/>, preferring the fewest lenient coercions, then the fewest coercions
    /// (so exact matches win: <c>min(Int, Int)</c> is Int, <c>size(File?)</c> beats <c>size(Array[File])</c>
    /// for a <c>File?</c>), then declaration order.
    /// </summary>
    public static FunctionResolution Resolve(string name, IReadOnlyList<WdlType> argumentTypes, WdlVersion version)
    {
        var function = Find(name);
        if (function is null)
            return new UnknownFunction(name);

        if (!function.IsAvailableIn(version))
        {
            var introduced = function.IntroducedIn;
            var asOf = ResolveAmong(function, function.OverloadsIn(introduced).ToList(), argumentTypes, introduced) as ResolvedFunction;
            return new FunctionNotInVersion(function, introduced, version, asOf);
        }

        var available = function.OverloadsIn(version).ToList();
        var result = ResolveAmong(function, available, argumentTypes, version);
        if (result is ResolvedFunction)
            return result;

        // An overload of a later version may fit (e.g. select_first with a default before 1.2):
        // say which version is needed rather than report a mismatch.
        foreach (var later in function.Overloads.Where(o => !o.IsAvailableIn(version)).OrderBy(o => o.Since))
        {
            if (ResolveAmong(function, function.OverloadsIn(later.Since).ToList(), argumentTypes, later.Since) is ResolvedFunction resolved
                && resolved.Overload == later)
            {
                return new FunctionNotInVersion(function, later.Since, version, resolved);
            }
        }

        return result;
    }

    private static FunctionResolution ResolveAmong(FunctionDefinition function, IReadOnlyList<FunctionOverload> overloads,
        IReadOnlyList<WdlType> arguments, WdlVersion version)
    {
        var byCount = overloads.Where(o => o.AcceptsCount(arguments.Count)).ToList();
        if (byCount.Count == 0)
        {
            var counts = overloads
                .SelectMany(o => Enumerable.Range(o.MinArguments, o.MaxArguments - o.MinArguments + 1))
                .Distinct()
                .Order()
                .ToList();
            return new WrongArgumentCount(function, counts, arguments.Count);
        }

        var matches = byCount.Select(o => OverloadMatch.Evaluate(o, arguments, version)).ToList();
        OverloadMatch? best = null;
        foreach (var match in matches.Where(m => m.Success))
        {
            if (best is null || match.IsBetterThan(best))
                best = match;
        }

        if (best is not null)
            return new ResolvedFunction(function, best.Overload, best.ResultType, best.Coercions);

        // Report the argument that got furthest; join what the overloads wanted there.
        var index = matches.Max(m => m.FailedIndex);
        var atIndex = matches.Where(m => m.FailedIndex == index).ToList();
        var expected = string.Join(" or ", atIndex.Select(m => m.FailedExpected).Distinct());
        var reason = atIndex.Count == 1 ? atIndex[0].FailedReason : null;
        return new WrongArgumentType(function, index, expected, arguments[index], reason);
    }
}
