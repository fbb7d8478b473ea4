using Osprey.Cli.Rendering;
using Osprey.Wdl.Loading;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// Checks every WDL 1.1 conformance case in ../shared/wdl-conformance in-process: the cases in
/// expected-check-failures.txt must produce at least one error, every other case none.
/// </summary>
public class ConformanceCheckTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> ExpectedFailures = new(ReadExpectedFailures);

    public static TheoryData<string> Cases() => new(CaseNames());

    /// <summary>Every folder holding a WDL file named after it (data/ holds none).</summary>
    private static List<string> CaseNames()
    {
        if (!Directory.Exists(RepositoryPaths.Conformance)) return [];
        return Directory.GetDirectories(RepositoryPaths.Conformance)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => File.Exists(Path.Combine(RepositoryPaths.Conformance, name, name + ".wdl")))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void The_suite_is_present_and_every_expected_failure_names_a_case()
    {
        Assert.True(Directory.Exists(RepositoryPaths.Conformance), $"conformance cases not found at {RepositoryPaths.Conformance}");
        var cases = CaseNames().ToHashSet();
        Assert.Equal(150, cases.Count);
        Assert.All(ExpectedFailures.Value.Keys, name => Assert.Contains(name, cases));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_checks_as_expected(string name)
    {
        string path = Path.Combine(RepositoryPaths.Conformance, name, name + ".wdl");

        var compilation = await Compilation.LoadAsync(path, new FileDocumentSource(), new CheckOptions());

        var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
        if (ExpectedFailures.Value.TryGetValue(name, out string? reason))
        {
            Assert.True(errors.Count > 0, $"{name} checked clean, but should fail: {reason}");
        }
        else
        {
            var text = new StringWriter();
            var renderer = new DiagnosticTextRenderer(AnsiStyle.Plain, p => Path.GetRelativePath(RepositoryPaths.Conformance, p));
            foreach (var error in errors) renderer.Write(text, error);
            Assert.True(errors.Count == 0, $"{name} should check clean, but has {errors.Count} error(s):\n{text}");
        }
    }

    private static IReadOnlyDictionary<string, string> ReadExpectedFailures()
    {
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string raw in File.ReadLines(RepositoryPaths.ExpectedCheckFailures))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int space = line.IndexOfAny([' ', '\t']);
            string name = space < 0 ? line : line[..space];
            failures[name] = space < 0 ? "(no reason given)" : line[space..].Trim();
        }
        return failures;
    }
}
