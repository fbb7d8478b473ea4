using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Semantics;
using static Osprey.Wdl.Tests.Checking.CheckHarness;

namespace Osprey.Wdl.Tests.Checking;

public class TypeCheckTests
{
    private static Compilation Workflow(string body, string version = "1.1", bool strict = false) =>
        Check($"version {version}\nworkflow w {{\n{body}\n}}\n", strict);

    [Fact]
    public void WrongDeclarationTypeIsAnError()
    {
        var c = Workflow("  Int a = [\"text\"]");
        var d = c.Single(DiagnosticCatalogue.TypeMismatchCode, 3, 11);
        Assert.Contains("Int", d.Message);
        Assert.Contains("Array[String]", d.Message);
    }

    [Fact]
    public void IntToFloatAndStringToFileAreFine()
    {
        Workflow("""
              Float f = 1
              File p = "a.txt"
              Array[Float] fs = [1, 2.5]
              Map[String, Int] m = {"a": 1}
              Pair[Int, String] pr = (1, "x")
            """).Clean();
    }

    [Fact]
    public void OptionalToRequiredIsLenient()
    {
        const string body = """
              Int? maybe = 3
              Int sure = maybe
            """;
        var lenient = Workflow(body);
        Assert.Equal(DiagnosticSeverity.Warning, lenient.Single(DiagnosticCatalogue.LenientCoercionCode, 4, 14).Severity);
        var strict = Workflow(body, strict: true);
        Assert.Equal(DiagnosticSeverity.Error, strict.Single(DiagnosticCatalogue.LenientCoercionCode, 4, 14).Severity);
    }

    [Fact]
    public void EmptyArrayLiteralForNonEmptyTypeIsAnError()
    {
        var c = Workflow("  Array[Boolean]+ nonempty = []");
        c.Single(DiagnosticCatalogue.EmptyNonEmptyArrayCode, 3, 30);
    }

    [Fact]
    public void ScatterGathersIntoArraysAndIfIntoOptionals()
    {
        var c = Workflow("""
              scatter (i in [1, 2, 3]) {
                Int sq = i * i
                if (i > 1) {
                  String s = "~{i}"
                }
              }
              Array[Int] squares = sq
              Array[String?] maybe = s
              Array[String] wrong = s
            """, strict: true);
        var d = c.Single(DiagnosticCatalogue.LenientCoercionCode, 11, 25);
        Assert.Contains("Array[String?]", d.Message);
        Assert.Single(c.Errors());
    }

    [Fact]
    public void InsideTheScatterANameHasItsPlainType()
    {
        Workflow("""
              scatter (i in [1, 2]) {
                Int a = i + 1
                Int b = a * 2
              }
              Array[Int] bs = b
            """).Clean();
    }

    [Fact]
    public void ScatterOverNonArrayIsAnError()
    {
        var c = Workflow("""
              scatter (i in 5) {
                Int a = i
              }
            """);
        c.Single(DiagnosticCatalogue.ScatterNotArrayCode, 3, 17);
    }

    [Fact]
    public void ConditionMustBeBoolean()
    {
        var c = Workflow("""
              if (1) {
                Int a = 1
              }
            """);
        c.Single(DiagnosticCatalogue.ConditionNotBooleanCode, 3, 7);
    }

    [Fact]
    public void InvalidOperandsAreReportedAtTheOperator()
    {
        var c = Workflow("  Boolean b = true + [1]");
        c.Single(DiagnosticCatalogue.InvalidOperandsCode, 3, 20);
    }

    [Fact]
    public void PairMembersAndStructMembers()
    {
        var c = Check("""
            version 1.1
            struct P { String name  Int? age }
            workflow w {
              Pair[Int, String] p = (1, "a")
              Int l = p.left
              String r = p.right
              P person = P { name: "x" }
              String n = person.name
              Int bad = p.middle
              Int worse = person.height
            }
            """);
        Assert.Equal([(9, 15), (10, 22)], c.Errors().Select(e => e.Start));
        Assert.All(c.Errors(), e => Assert.Equal(DiagnosticCatalogue.NoSuchMemberCode, e.Code));
    }

    [Fact]
    public void StructLiteralMissingRequiredMemberAndUnknownMember()
    {
        var c = Check("""
            version 1.1
            struct P { String name  Int? age  Int id }
            workflow w {
              P a = P { name: "x", bogus: 1 }
            }
            """);
        c.Single(DiagnosticCatalogue.MissingStructMemberCode, 4, 9);
        c.Single(DiagnosticCatalogue.NoSuchMemberCode, 4, 24);
    }

    [Fact]
    public void UnknownStructInLiteral()
    {
        var c = Workflow("  Object o = Nope { a: 1 }");
        c.Single(DiagnosticCatalogue.UnknownStructForLiteralCode, 3, 14);
    }

    [Fact]
    public void IndexingRules()
    {
        var c = Workflow("""
              Array[String] a = ["x"]
              Map[String, Int] m = {"k": 1}
              String s = a[0]
              Int i = m["k"]
              Int bad = 5[0]
            """);
        c.Single(DiagnosticCatalogue.NotIndexableCode, 7, 13);
        Assert.Single(c.Errors());
    }

    [Fact]
    public void ArrayItemsWithoutCommonTypeAreAnError()
    {
        var c = Workflow("  Array[Int] a = [1, [2]]");
        c.Single(DiagnosticCatalogue.IncompatibleItemTypesCode, 3, 18);
    }

    [Fact]
    public void IfThenElseBranchesUnify()
    {
        Workflow("""
              Int? x = if true then 1 else None
              Float y = if false then 1 else 2.5
            """).Clean();
    }

    [Fact]
    public void StandardLibraryCallsAreTyped()
    {
        var c = Workflow("""
              Array[String] xs = ["a", "b"]
              Int n = length(xs)
              String joined = sep(",", xs)
              Array[Int] wrong = basename("a/b")
            """);
        c.Single(DiagnosticCatalogue.TypeMismatchCode, 6, 22);
    }

    [Fact]
    public void UnknownFunctionWrongCountAndWrongType()
    {
        var c = Workflow("""
              Int a = frobnicate(1)
              Int b = length([1], [2])
              Int c = floor([1])
            """);
        c.Single(DiagnosticCatalogue.UnknownFunctionCode, 3, 11);
        c.Single(DiagnosticCatalogue.WrongArgumentCountCode, 4, 11);
        c.Single(DiagnosticCatalogue.WrongArgumentTypeCode, 5, 17);
    }

    [Fact]
    public void FunctionFromALaterVersionIsAnError()
    {
        var c = Workflow("  Boolean b = matches(\"abc\", \"b\")", version: "1.0");
        c.Single(DiagnosticCatalogue.FunctionNotInVersionCode, 3, 15);
        Workflow("  Boolean b = matches(\"abc\", \"b\")", version: "1.2").Clean();
    }

    [Fact]
    public void StdoutOutsideTaskOutputsIsAnError()
    {
        var c = Check("""
            version 1.1
            task t {
              File f = stdout()
              command {}
              output { File o = stdout() }
            }
            """);
        c.Single(DiagnosticCatalogue.FunctionOnlyInOutputsCode, 3, 12);
    }

    [Fact]
    public void PlaceholderRules()
    {
        var c = Check("""
            version 1.1
            task t {
              input {
                Array[String] xs
                Map[String, Int] m
                Boolean flag
                Int n
              }
              command <<<
                echo ~{sep=" " xs} ~{true="yes" false="no" flag} ~{default="0" n}
                echo ~{m}
                echo ~{true="y" false="n" n}
              >>>
            }
            """);
        c.Single(DiagnosticCatalogue.InvalidPlaceholderValueCode, 11, 12);
        c.Single(DiagnosticCatalogue.InvalidPlaceholderOptionCode, 12, 12);
        Assert.Equal(2, c.Errors().Count);
    }

    [Fact]
    public void ArrayPlaceholderWithoutSepIsLenient()
    {
        var c = Check("""
            version 1.1
            task t {
              input { Array[String] xs }
              command <<< echo ~{xs} >>>
            }
            """);
        Assert.Equal(DiagnosticSeverity.Warning, c.Single(DiagnosticCatalogue.InvalidPlaceholderValueCode, 4, 22).Severity);
    }

    [Fact]
    public void OptionalMemberAccessIsLenient()
    {
        var c = Workflow("""
              Pair[Int, Int]? p = (1, 2)
              Int l = p.left
            """);
        Assert.Equal(DiagnosticSeverity.Warning, c.Single(DiagnosticCatalogue.OptionalMemberAccessCode, 4, 13).Severity);
    }
}
