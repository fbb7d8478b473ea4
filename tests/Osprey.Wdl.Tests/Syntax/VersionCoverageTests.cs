using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

/// <summary>The constructs common to 1.0, 1.1 and 1.2 parse to the same tree in each of them.</summary>
public class VersionCoverageTests
{
    private const string Body = """
        import "lib.wdl" as lib alias Thing as Other

        struct Sample {
          String id
          Array[File]+ reads
          Map[String, Pair[Int, Float?]] stats
          Object extra
        }

        task align {
          input {
            Sample sample
            Int threads = 4
            String? flag
          }
          Float mem = threads * 1.5 + 0x10 - 010
          command {
            aligner ${sep=" " sample.reads} ~{true="--x" false="" defined(flag)} ~{default="none" flag}
          }
          output {
            File bam = "~{sample.id}.bam"
            Array[String] lines = read_lines(stdout())
          }
          runtime {
            docker: "aligner:1"
            memory: "~{mem} GB"
            cpu: if threads > 2 then threads else 2
          }
          meta { author: "me" tags: ["a", "b"] }
          parameter_meta { sample: { help: "input" } }
        }

        task stats {
          command <<<
            cat ~{write_lines(["a"])} | wc -l
          >>>
        }

        workflow main {
          input {
            Array[Sample] samples
            Boolean run_stats = true
          }
          Map[String, Int] counts = {"a": 1, "b": 2}
          Pair[Int, String] p = (1, "x")
          Object o = object { a: 1, b: p.left }
          scatter (s in samples) {
            call align { input: sample = s, threads = counts["a"] }
          }
          if (run_stats && !(length(samples) == 0)) {
            call stats as s2
          }
          call lib.tool as t {
            input: x = -1
          }
          output {
            Array[File] bams = align.bam
            Int? n = s2.count
          }
          meta { description: "d" }
        }
        """;

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.1")]
    [InlineData("1.2")]
    public void Common_constructs_parse_alike(string version)
    {
        var document = Clean($"version {version}\n{Body}");
        Assert.Equal(WdlVersions.Parse(version), document.Version);

        var import = Assert.Single(document.Imports);
        Assert.Equal(("Thing", "Other"), (import.Aliases[0].Source.Name, import.Aliases[0].Target.Name));

        var sample = Assert.Single(document.Structs);
        Assert.Equal(new[] { "String", "Array", "Map", "Object" }, sample.Members.Select(m => m.Type.Name));
        Assert.True(sample.Members[2].Type.Arguments[1].Arguments[1].IsOptional);

        var align = document.Tasks[0];
        Assert.Equal(3, align.Input!.Declarations.Count);
        Assert.Equal("(- (+ (* threads 1.5f) 16) 8)", Show(align.Declarations[0].Initializer!));
        Assert.False(align.Command!.IsHeredoc);
        var placeholders = align.Command.Parts.OfType<Placeholder>().ToList();
        Assert.Equal(new[] { 1, 2, 1 }, placeholders.Select(p => p.Options.Count));
        Assert.Equal(2, align.Output!.Declarations.Count);
        Assert.Equal("(if (> threads 2) threads 2)", Show(align.Runtime!.Entries[2].Value));
        Assert.Equal(2, align.Meta!.Entries.Count);
        Assert.True(document.Tasks[1].Command!.IsHeredoc);

        var main = document.Workflow!;
        Assert.Equal(2, main.Input!.Declarations.Count);
        Assert.Equal(6, main.Body.Count);
        Assert.Equal("object{a:1 b:(. p left)}", Show(((DeclarationElement)main.Body[2]).Declaration.Initializer!));
        var scatter = Assert.IsType<ScatterNode>(main.Body[3]);
        var call = Assert.IsType<CallNode>(Assert.Single(scatter.Body));
        Assert.Equal("([] counts \"a\")", Show(call.Inputs[1].Value!));
        var conditional = Assert.IsType<ConditionalNode>(main.Body[4]);
        Assert.Equal("(&& run_stats (! (paren (== (length samples) 0))))", Show(conditional.Condition));
        var tool = Assert.IsType<CallNode>(main.Body[5]);
        Assert.Equal("call lib.tool as t {\n    input: x = -1\n  }", document.TextOf(tool));
        Assert.Equal(2, main.Output!.Declarations.Count);
    }
}
