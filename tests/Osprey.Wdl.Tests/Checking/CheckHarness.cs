using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Loading;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Tests.Checking;

/// <summary>Checks WDL held in memory: documents are keyed by absolute path under /mem/.</summary>
internal sealed class MemorySource(IReadOnlyDictionary<string, string> files) : IDocumentSource
{
    public int Reads { get; private set; }

    public bool CanRead(string location) => true;

    public Task<SourceText> ReadAsync(string location, CancellationToken cancellationToken)
    {
        Reads++;
        return files.TryGetValue(location, out var text)
            ? Task.FromResult(new SourceText(location, text))
            : throw new DocumentSourceException($"cannot read '{location}': no such file");
    }
}

internal static class CheckHarness
{
    public static Compilation Check(string main, bool strict = false, params (string Name, string Text)[] others)
    {
        var files = new Dictionary<string, string> { ["/mem/main.wdl"] = main };
        foreach (var (name, text) in others) files["/mem/" + name] = text;
        return new DocumentLoader(new MemorySource(files), new CheckOptions(strict)).LoadAsync("/mem/main.wdl").GetAwaiter().GetResult();
    }

    public static IReadOnlyList<Diagnostic> Errors(this Compilation c) => c.Diagnostics.Where(d => d.IsError).ToList();

    public static IReadOnlyList<Diagnostic> Warnings(this Compilation c) => c.Diagnostics.Where(d => !d.IsError).ToList();

    /// <summary>Asserts exactly one diagnostic with this code, at this line and column, and returns it.</summary>
    public static Diagnostic Single(this Compilation c, string code, int line, int column)
    {
        var matching = c.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got: {Describe(c)}");
        Assert.Equal((line, column), matching[0].Start);
        return matching[0];
    }

    public static void Clean(this Compilation c) => Assert.True(c.Diagnostics.Count == 0, Describe(c));

    public static void NoErrors(this Compilation c) => Assert.True(!c.HasErrors, Describe(c));

    public static string Describe(Compilation c) => c.Diagnostics.Count == 0
        ? "no diagnostics"
        : string.Join("\n", c.Diagnostics.Select(d => $"{d.Source.Path}:{d.Start.Line}:{d.Start.Column}: {d.Severity} {d.Code}: {d.Message}"));
}
