using Osprey.Wdl.Diagnostics;
using static Osprey.Wdl.Tests.Checking.CheckHarness;

namespace Osprey.Wdl.Tests.Checking;

/// <summary>The remaining checker diagnostics, each with its code and position.</summary>
public class MoreDiagnosticTests
{
    [Fact]
    public void AnImportWhoseFileNameIsNotAnIdentifierNeedsAnAlias()
    {
        var c = Check("""
            version 1.1
            import "my-lib.wdl"
            workflow w {}
            """, false, ("my-lib.wdl", "version 1.1\ntask t { command {} }\n"));
        var d = c.Single(DiagnosticCatalogue.InvalidNamespaceNameCode, 2, 8);
        Assert.Contains("as", d.Hint);
    }

    [Fact]
    public void AWorkflowCannotCallItself()
    {
        var c = Check("""
            version 1.1
            workflow w {
              call w
            }
            """);
        c.Single(DiagnosticCatalogue.CallsOwnWorkflowCode, 3, 8);
    }

    [Fact]
    public void OptionalOperandsAreLenient()
    {
        const string wdl = """
            version 1.1
            workflow w {
              Int? a = 1
              Int b = a + 1
            }
            """;
        var lenient = Check(wdl);
        Assert.Equal(DiagnosticSeverity.Warning, lenient.Single(DiagnosticCatalogue.LenientOperandsCode, 4, 13).Severity);
        Assert.Equal(DiagnosticSeverity.Error, Check(wdl, strict: true).Single(DiagnosticCatalogue.LenientOperandsCode, 4, 13).Severity);
    }

    [Fact]
    public void OptionalConcatenationInsideAPlaceholderIsFine()
    {
        Check("""
            version 1.1
            task t {
              input { Int? n }
              command <<< echo ~{"-n " + n} >>>
            }
            """).Clean();
    }
}
