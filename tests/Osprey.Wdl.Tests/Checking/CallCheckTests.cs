using Osprey.Wdl.Diagnostics;
using static Osprey.Wdl.Tests.Checking.CheckHarness;

namespace Osprey.Wdl.Tests.Checking;

public class CallCheckTests
{
    private const string Greet = """
        task greet {
          input {
            String name
            Int times = 1
            String? suffix
          }
          String private_value = "p"
          command <<< echo ~{name} >>>
          output { String out = read_string(stdout()) }
        }
        """;

    [Fact]
    public void WellFormedCallsCheckCleanAndRecordSuppliedInputs()
    {
        var c = Check($$"""
            version 1.1
            {{Greet}}
            workflow w {
              input { String name }
              call greet { input: name = name }
              call greet as again { name, times = 2 }
              output { Array[String] outs = [greet.out, again.out] }
            }
            """);
        c.Clean();
        var calls = c.Root.Workflow!.Calls;
        Assert.Equal(["greet", "again"], calls.Select(x => x.Name));
        Assert.Equal(["name", "times"], calls[1].SuppliedInputs.Order());
    }

    [Fact]
    public void UnknownCallTarget()
    {
        var c = Check("""
            version 1.1
            workflow w {
              call nothing
            }
            """);
        c.Single(DiagnosticCatalogue.UnknownCallTargetCode, 3, 8);
    }

    [Fact]
    public void PrivateDeclarationIsNotAnInput()
    {
        var c = Check($$"""
            version 1.1
            {{Greet}}
            workflow w {
              call greet { input: name = "a", private_value = "b" }
            }
            """);
        var d = c.Single(DiagnosticCatalogue.UnknownCallInputCode, 13, 35);
        Assert.Contains("private", d.Hint);
    }

    [Fact]
    public void ReadingAnInputOfACallIsReported()
    {
        var c = Check($$"""
            version 1.1
            {{Greet}}
            workflow w {
              call greet { input: name = "a" }
              output { String n = greet.name }
            }
            """);
        var d = c.Single(DiagnosticCatalogue.NoSuchCallOutputCode, 14, 29);
        Assert.Contains("input", d.Hint);
    }

    [Fact]
    public void WrongCallInputType()
    {
        var c = Check($$"""
            version 1.1
            {{Greet}}
            workflow w {
              call greet { input: name = "a", times = [1] }
            }
            """);
        c.Single(DiagnosticCatalogue.TypeMismatchCode, 13, 43);
    }

    [Fact]
    public void MissingRequiredInputIsLenientUnlessStrict()
    {
        string wdl = $$"""
            version 1.1
            {{Greet}}
            workflow w {
              call greet
            }
            """;
        var lenient = Check(wdl);
        Assert.Equal(DiagnosticSeverity.Warning, lenient.Single(DiagnosticCatalogue.MissingCallInputCode, 13, 8).Severity);
        Assert.Equal(DiagnosticSeverity.Error, Check(wdl, strict: true).Single(DiagnosticCatalogue.MissingCallInputCode, 13, 8).Severity);
    }

    [Fact]
    public void AllowNestedInputsPermitsMissingInputs()
    {
        var c = Check($$"""
            version 1.1
            {{Greet}}
            workflow w {
              meta { allowNestedInputs: true }
              call greet
            }
            """, strict: true);
        c.Clean();
    }

    [Fact]
    public void DuplicateCallInputAndDuplicateCallName()
    {
        var c = Check($$"""
            version 1.1
            {{Greet}}
            workflow w {
              call greet { input: name = "a", name = "b" }
              call greet { input: name = "c" }
            }
            """);
        c.Single(DiagnosticCatalogue.DuplicateCallInputCode, 13, 35);
        c.Single(DiagnosticCatalogue.DuplicateNameCode, 14, 8);
    }

    [Fact]
    public void AfterMustNameACall()
    {
        var c = Check($$"""
            version 1.2
            {{Greet}}
            workflow w {
              call greet as first { name = "a" }
              call greet as second after first after nobody { name = "b" }
            }
            """);
        c.Single(DiagnosticCatalogue.UnknownAfterCallCode, 14, 42);
        Assert.Single(c.Errors());
    }

    [Fact]
    public void CallOutputsInsideScatterAreGatheredOutside()
    {
        var c = Check($$"""
            version 1.1
            {{Greet}}
            workflow w {
              scatter (n in ["a", "b"]) {
                call greet { input: name = n }
              }
              output {
                Array[String] all = greet.out
                String one = greet.out
              }
            }
            """);
        c.Single(DiagnosticCatalogue.TypeMismatchCode, 18, 18);
    }

    [Fact]
    public void CallIsNotAValue()
    {
        var c = Check($$"""
            version 1.1
            {{Greet}}
            workflow w {
              call greet { input: name = "a" }
              String s = greet
            }
            """);
        c.Single(DiagnosticCatalogue.CallIsNotAValueCode, 14, 14);
    }

    [Fact]
    public void ImportedTasksAndSubworkflowsThroughNamespaces()
    {
        var lib = $$"""
            version 1.1
            {{Greet}}
            workflow sub {
              input { String who }
              call greet { input: name = who }
              output { String said = greet.out }
            }
            """;
        var c = Check("""
            version 1.1
            import "lib.wdl" as lib
            import "lib.wdl"
            workflow w {
              call lib.greet { input: name = "x" }
              call lib.sub { input: who = "y" }
              call lib.missing
              call nons.other
              output { String s = sub.said }
            }
            """, false, ("lib.wdl", lib));
        c.Single(DiagnosticCatalogue.DuplicateNamespaceCode, 3, 8);
        c.Single(DiagnosticCatalogue.UnknownCallTargetCode, 7, 8);
        c.Single(DiagnosticCatalogue.UnknownNamespaceCode, 8, 8);
        Assert.Equal(3, c.Errors().Count);
    }

    [Fact]
    public void UnreadableImportIsReportedAtTheImport()
    {
        var c = Check("""
            version 1.1
            import "missing.wdl"
            workflow w {}
            """);
        c.Single(DiagnosticCatalogue.ImportNotFoundCode, 2, 8);
    }

    [Fact]
    public void ImportCycleIsReported()
    {
        var c = Check("""
            version 1.1
            import "b.wdl"
            workflow w {}
            """, false, ("b.wdl", "version 1.1\nimport \"main.wdl\"\ntask t { command {} }\n"));
        Assert.Contains(c.Errors(), d => d.Code == DiagnosticCatalogue.ImportCycleCode);
    }

    [Fact]
    public void ImportVersionMismatchIsLenient()
    {
        var c = Check("""
            version 1.1
            import "old.wdl"
            workflow w { call old.t }
            """, false, ("old.wdl", "version 1.0\ntask t { command {} }\n"));
        Assert.Equal(DiagnosticSeverity.Warning, c.Single(DiagnosticCatalogue.ImportVersionMismatchCode, 2, 8).Severity);
    }

    [Fact]
    public void ImportedStructsWithAliases()
    {
        var structs = """
            version 1.1
            struct Income { Int amount }
            struct Person { String name  Income? income }
            """;
        var c = Check("""
            version 1.1
            import "structs.wdl" alias Person as Patient alias Income as PatientIncome
            import "structs.wdl" as again alias Nobody as X
            workflow w {
              Patient p = Patient { name: "x", income: PatientIncome { amount: 1 } }
              Person q = Person { name: "y" }
            }
            """, false, ("structs.wdl", structs));
        c.Single(DiagnosticCatalogue.UnknownStructAliasCode, 3, 37);
        Assert.Single(c.Errors());
        var patient = c.Root.Structs["Patient"];
        Assert.Equal("PatientIncome?", patient.Members[1].Type.Display);
    }

    [Fact]
    public void ConflictingImportedStructs()
    {
        var c = Check("""
            version 1.1
            import "a.wdl"
            import "b.wdl"
            workflow w {}
            """, false, ("a.wdl", "version 1.1\nstruct S { Int x }\n"), ("b.wdl", "version 1.1\nstruct S { String x }\n"));
        c.Single(DiagnosticCatalogue.ConflictingImportedStructCode, 3, 1);
    }

    [Fact]
    public async Task ImportsAreReadOnceAcrossRoots()
    {
        var files = new Dictionary<string, string>
        {
            ["/mem/a.wdl"] = "version 1.1\nimport \"lib.wdl\"\nworkflow a { call lib.t }\n",
            ["/mem/b.wdl"] = "version 1.1\nimport \"lib.wdl\"\nworkflow b { call lib.t }\n",
            ["/mem/lib.wdl"] = "version 1.1\ntask t { command {} }\n",
        };
        var source = new MemorySource(files);
        var loader = new Loading.DocumentLoader(source, new Loading.CheckOptions());
        (await loader.LoadAsync("/mem/a.wdl")).Clean();
        (await loader.LoadAsync("/mem/b.wdl")).Clean();
        Assert.Equal(3, source.Reads);
    }
}
