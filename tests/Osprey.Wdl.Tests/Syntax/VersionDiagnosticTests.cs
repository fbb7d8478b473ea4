using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

/// <summary>One test per "feature requires version" code: reported below the version, silent at it.</summary>
public class VersionDiagnosticTests
{
    private static string Workflow(string version, string body)
        => (version == "draft-2" ? "" : $"version {version}\n") + $"workflow w {{\n{body}\n}}\n";

    private static string Task(string version, string body)
        => (version == "draft-2" ? "" : $"version {version}\n") + $"task t {{\n  command <<< >>>\n{body}\n}}\n";

    /// <summary>The feature is reported once in the older version and accepted in the newer one; the tree is the same.</summary>
    private static void RequiresVersion(Func<string, string> document, string older, string newer, string code, int line, int column)
    {
        var result = Parse(document(older));
        Assert.True(result.Diagnostics.Count == 1, Format(result.Diagnostics));
        var d = Has(result, code, line, column);
        Assert.True(d.IsError);
        Assert.Contains("requires WDL", d.Message);
        Clean(document(newer));
    }

    [Fact]
    public void WDL401_exponentiation() => RequiresVersion(v => Workflow(v, "  Int x = 2 ** 3"), "1.1", "1.2", DiagnosticCatalogue.ExponentiationRequiresV12Code, 3, 13);

    [Fact]
    public void WDL402_none_literal() => RequiresVersion(v => Workflow(v, "  Int? x = None"), "1.0", "1.1", DiagnosticCatalogue.NoneLiteralRequiresV11Code, 3, 12);

    [Fact]
    public void WDL403_struct_literal() => RequiresVersion(v => Workflow(v, "  P x = P { a: 1 }"), "1.0", "1.1", DiagnosticCatalogue.StructLiteralRequiresV11Code, 3, 9);

    [Fact]
    public void WDL404_env() => RequiresVersion(v => Task(v, "  env String s = \"x\""), "1.1", "1.2", DiagnosticCatalogue.EnvRequiresV12Code, 4, 3);

    [Fact]
    public void WDL405_requirements() => RequiresVersion(v => Task(v, "  requirements { cpu: 1 }"), "1.1", "1.2", DiagnosticCatalogue.RequirementsRequiresV12Code, 4, 3);

    [Fact]
    public void WDL406_multiline_string() => RequiresVersion(v => Workflow(v, "  String s = <<<\n  a\n  >>>"), "1.1", "1.2", DiagnosticCatalogue.MultilineStringRequiresV12Code, 3, 14);

    [Fact]
    public void WDL407_after_clause() => RequiresVersion(v => Workflow(v, "  call a\n  call b after a"), "1.0", "1.1", DiagnosticCatalogue.AfterClauseRequiresV11Code, 4, 10);

    [Fact]
    public void WDL408_task_hints_section() => RequiresVersion(v => Task(v, "  hints { max_cpu: 1 }"), "1.1", "1.2", DiagnosticCatalogue.HintsSectionRequiresV12Code, 4, 3);

    [Fact]
    public void WDL408_workflow_hints_section() => RequiresVersion(v => Workflow(v, "  hints { allow_nested_inputs: true }"), "1.1", "1.2", DiagnosticCatalogue.HintsSectionRequiresV12Code, 3, 3);

    [Fact]
    public void WDL409_call_body_without_input_keyword() => RequiresVersion(v => Workflow(v, "  call a { x = 1 }"), "1.0", "1.1", DiagnosticCatalogue.CallWithoutInputKeywordRequiresV11Code, 3, 12);

    [Fact]
    public void WDL410_call_input_shorthand() => RequiresVersion(v => Workflow(v, "  Int x = 1\n  call a { input: x }"), "1.0", "1.1", DiagnosticCatalogue.CallInputShorthandRequiresV11Code, 4, 19);

    [Fact]
    public void WDL411_directory() => RequiresVersion(v => Workflow(v, "  input { Directory d }"), "1.1", "1.2", DiagnosticCatalogue.DirectoryRequiresV12Code, 3, 11);

    [Fact]
    public void WDL412_struct() => RequiresVersion(v => (v == "draft-2" ? "" : $"version {v}\n") + "struct S { Int a }\n", "draft-2", "1.0", DiagnosticCatalogue.StructRequiresV10Code, 1, 1);

    [Fact]
    public void WDL413_input_section() => RequiresVersion(v => Workflow(v, "  input { Int a }"), "draft-2", "1.0", DiagnosticCatalogue.InputSectionRequiresV10Code, 2, 3);

    [Fact]
    public void WDL414_import_alias()
    {
        var result = Parse("import \"a.wdl\" as a alias S as T\n");
        Assert.Single(result.Diagnostics);
        Has(result, DiagnosticCatalogue.ImportAliasRequiresV10Code, 1, 21);
        Clean("version 1.0\nimport \"a.wdl\" as a alias S as T\n");
    }

    [Fact]
    public void WDL415_struct_metadata() => RequiresVersion(v => $"version {v}\nstruct S {{\n  Int a\n  meta {{ x: 1 }}\n}}\n", "1.1", "1.2", DiagnosticCatalogue.StructMetadataRequiresV12Code, 4, 3);

    [Fact]
    public void WDL416_object_literal() => RequiresVersion(v => Workflow(v, "  Object o = object { a: 1 }"), "draft-2", "1.0", DiagnosticCatalogue.ObjectLiteralRequiresV10Code, 2, 14);

    [Fact]
    public void Version_diagnostics_do_not_stop_the_tree()
    {
        var result = Parse(Workflow("1.0", "  Int? x = None\n  Int y = 2 ** 3"));
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal(2, result.Document.Workflow!.Body.Count);
        Assert.IsType<NoneLiteral>(((DeclarationElement)result.Document.Workflow.Body[0]).Declaration.Initializer);
    }
}
