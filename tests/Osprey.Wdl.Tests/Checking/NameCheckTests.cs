using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Semantics;
using static Osprey.Wdl.Tests.Checking.CheckHarness;

namespace Osprey.Wdl.Tests.Checking;

public class NameCheckTests
{
    [Fact]
    public void UnknownNameIsReportedAtTheReference()
    {
        var c = Check("""
            version 1.1
            workflow w {
              Int a = b + 1
            }
            """);
        var d = c.Single(DiagnosticCatalogue.UnknownNameCode, 3, 11);
        Assert.Contains("'b'", d.Message);
    }

    [Fact]
    public void DuplicateDeclarationInWorkflowAcrossBlocks()
    {
        var c = Check("""
            version 1.1
            workflow w {
              Int a = 1
              if (true) {
                Int a = 2
              }
            }
            """);
        c.Single(DiagnosticCatalogue.DuplicateNameCode, 5, 9);
    }

    [Fact]
    public void DuplicateTaskDeclaration()
    {
        var c = Check("""
            version 1.0
            task t {
              input { Int x }
              String x = "a"
              command {}
            }
            """);
        c.Single(DiagnosticCatalogue.DuplicateNameCode, 4, 10);
    }

    [Fact]
    public void ScatterVariableMayNotShadowAName()
    {
        var c = Check("""
            version 1.1
            workflow w {
              Int i = 0
              scatter (i in [1, 2]) {
                Int j = i
              }
            }
            """);
        c.Single(DiagnosticCatalogue.DuplicateNameCode, 4, 12);
    }

    [Fact]
    public void UnknownTypeIsReported()
    {
        var c = Check("""
            version 1.1
            workflow w {
              input { Sample s }
            }
            """);
        c.Single(DiagnosticCatalogue.UnknownTypeCode, 3, 11);
    }

    [Fact]
    public void RecursiveStructIsReported()
    {
        var c = Check("""
            version 1.1
            struct A { B b }
            struct B { A a }
            """);
        Assert.Contains(c.Diagnostics, d => d.Code == DiagnosticCatalogue.RecursiveStructCode);
    }

    [Fact]
    public void StructMembersMayReferToLaterStructs()
    {
        var c = Check("""
            version 1.1
            struct A { B b  Int n }
            struct B { String s }
            workflow w {
              A a = A { b: B { s: "x" }, n: 1 }
              String s = a.b.s
            }
            """);
        c.Clean();
    }

    [Fact]
    public void DuplicateStructIsReported()
    {
        var c = Check("""
            version 1.1
            struct A { Int x }
            struct A { Int y }
            """);
        c.Single(DiagnosticCatalogue.DuplicateStructCode, 3, 8);
    }

    [Fact]
    public void StructMemberWithDefaultIsReported()
    {
        var c = Check("""
            version 1.1
            struct A {
              String s = "x"
            }
            """);
        c.Single(DiagnosticCatalogue.StructMemberInitializerCode, 3, 10);
    }

    [Fact]
    public void DuplicateTaskAndTaskWorkflowClash()
    {
        var c = Check("""
            version 1.1
            task t { command {} }
            task t { command {} }
            workflow t {}
            """);
        c.Single(DiagnosticCatalogue.DuplicateTaskCode, 3, 6);
        c.Single(DiagnosticCatalogue.TaskWorkflowNameClashCode, 4, 10);
    }

    [Fact]
    public void UnboundDeclarationOutsideInputIsAWarningThenAnErrorWhenStrict()
    {
        const string wdl = """
            version 1.0
            workflow w {
              Int n
              output { Int m = n }
            }
            """;
        var lenient = Check(wdl);
        Assert.False(lenient.HasErrors);
        Assert.Equal(DiagnosticSeverity.Warning, lenient.Single(DiagnosticCatalogue.UnboundDeclarationCode, 3, 7).Severity);
        Assert.Equal("n", Assert.Single(lenient.Root.Workflow!.Inputs).Name);

        var strict = Check(wdl, strict: true);
        Assert.Equal(DiagnosticSeverity.Error, strict.Single(DiagnosticCatalogue.UnboundDeclarationCode, 3, 7).Severity);
    }

    [Fact]
    public void Draft2UnboundDeclarationsAreInputsWithoutWarning()
    {
        var c = Check("""
            task t {
              String name
              Int n = 3
              command { echo ${name} ${n} }
              output { String out = read_string(stdout()) }
            }
            workflow w {
              String who
              call t { input: name = who }
              output { String o = t.out }
            }
            """);
        c.Clean();
        Assert.Equal(["name"], c.Root.Tasks["t"].Inputs.Select(i => i.Name));
        Assert.Equal(["who"], c.Root.Workflow!.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void UnknownParameterMetaKeyIsAWarning()
    {
        var c = Check("""
            version 1.1
            task t {
              input { Int x }
              command {}
              parameter_meta { y: "nope" x: "fine" }
            }
            """);
        var d = c.Single(DiagnosticCatalogue.UnknownParameterMetaKeyCode, 5, 20);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void MissingCommandIsReported()
    {
        var c = Check("""
            version 1.1
            task t {
              input { Int x }
            }
            """);
        c.Single(DiagnosticCatalogue.MissingCommandCode, 2, 6);
    }

    [Fact]
    public void CircularDeclarationsAreReportedOnce()
    {
        var c = Check("""
            version 1.1
            workflow circular {
              Int i = j + 1
              Int j = i - 2
            }
            """);
        var d = c.Single(DiagnosticCatalogue.DependencyCycleCode, 3, 7);
        Assert.Contains("i -> j -> i", d.Message);
    }

    [Fact]
    public void SelfReferenceIsACycle()
    {
        var c = Check("""
            version 1.1
            task t {
              input { Int i = i }
              command {}
            }
            """);
        c.Single(DiagnosticCatalogue.DependencyCycleCode, 3, 15);
    }

    [Fact]
    public void CallCycleThroughOutputsIsReported()
    {
        var c = Check("""
            version 1.1
            task t { input { Int x } command {} output { Int y = x } }
            workflow w {
              call t as a { input: x = b.y }
              call t as b { input: x = a.y }
            }
            """);
        c.Single(DiagnosticCatalogue.DependencyCycleCode, 4, 13);
    }

    [Fact]
    public void TaskVariableExistsOnlyIn12()
    {
        const string body = """
            task t {
              command <<< echo ~{task.name} >>>
              output { Int? rc = task.return_code }
            }
            """;
        Check("version 1.2\n" + body).Clean();
        Assert.True(Check("version 1.1\n" + body).HasErrors);
    }
}
