using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

/// <summary>Every WDL 1.1 example of the conformance suite parses without syntax errors.</summary>
public class ConformanceParseTests
{
    /// <summary>
    /// Spec examples that are expected to fail (config "fail": true) and whose text is not valid
    /// WDL syntax, with the error each must produce. Everything else must have no error at all.
    /// </summary>
    private static readonly Dictionary<string, string[]> SyntaxErrorsBySpecDesign = new()
    {
        // A quote is missing in the array literal ("b], ["c").
        ["test_prefix_fail.wdl"] = [DiagnosticCatalogue.UnexpectedTokenCode, DiagnosticCatalogue.UnterminatedStringCode],
        ["test_suffix_fail.wdl"] = [DiagnosticCatalogue.UnexpectedTokenCode, DiagnosticCatalogue.UnterminatedStringCode],
        // A bare expression is not a workflow element.
        ["select_first_only_none_fail.wdl"] = [DiagnosticCatalogue.UnexpectedTokenCode],
        ["select_first_empty_fail.wdl"] = [DiagnosticCatalogue.UnexpectedTokenCode],
        // A call input name is an identifier, not a dotted path into a subworkflow.
        ["call_subworkflow_fail.wdl"] = [DiagnosticCatalogue.UnexpectedTokenCode],
    };

    public static IEnumerable<object[]> Files() => ConformanceFiles.All().Select(f => new object[] { Path.GetRelativePath(ConformanceFiles.Directory, f) });

    [Fact]
    public void The_suite_is_found_and_complete()
    {
        Assert.True(ConformanceFiles.All().Count >= 150);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Conformance_file_parses(string relativePath)
    {
        string path = Path.Combine(ConformanceFiles.Directory, relativePath);
        var result = WdlParser.Parse(new SourceText(path, File.ReadAllText(path)));
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(WdlVersion.V1_1, result.Document.Version);

        if (SyntaxErrorsBySpecDesign.TryGetValue(Path.GetFileName(path), out var expected))
        {
            Assert.Contains("_fail", path, StringComparison.Ordinal);
            Assert.Equal(expected, errors.Select(e => e.Code).ToArray());
            return;
        }
        Assert.True(errors.Count == 0, relativePath + ":\n" + Format(errors));
        Assert.True(result.Document.Tasks.Count + result.Document.Structs.Count + (result.Document.Workflow is null ? 0 : 1) > 0);
    }
}
