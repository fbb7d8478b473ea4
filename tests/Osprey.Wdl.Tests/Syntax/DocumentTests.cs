using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;
using static Osprey.Wdl.Tests.Syntax.ParseAssert;

namespace Osprey.Wdl.Tests.Syntax;

public class DocumentTests
{
    [Theory]
    [InlineData("1.0", WdlVersion.V1_0)]
    [InlineData("1.1", WdlVersion.V1_1)]
    [InlineData("1.2", WdlVersion.V1_2)]
    public void Version_statement_sets_the_version(string text, WdlVersion version)
    {
        var document = Clean($"# licence\n\nversion {text}\n");
        Assert.Equal(version, document.Version);
        Assert.Equal(text, document.VersionStatement!.Text);
        Assert.Equal($"version {text}", document.TextOf(document.VersionStatement));
        Assert.Equal(text, document.Source.GetText(document.VersionStatement.TextSpan));
        Assert.Equal("# licence", Assert.Single(document.Comments).Text);
    }

    [Fact]
    public void No_version_statement_means_draft2()
    {
        var document = Clean("task t { command { ls } }");
        Assert.Equal(WdlVersion.Draft2, document.Version);
        Assert.Null(document.VersionStatement);
        Assert.Equal(new TextSpan(0, 25), document.Span);
    }

    [Fact]
    public void Unknown_version_is_reported_and_read_as_latest()
    {
        var result = Parse("version development\nworkflow w { String? s = None }\n");
        Assert.Equal(WdlVersion.V1_2, result.Document.Version);
        Assert.Equal(DiagnosticCatalogue.InvalidVersionCode, Assert.Single(result.Diagnostics).Code);
        Has(result, DiagnosticCatalogue.InvalidVersionCode, 1, 9);
    }

    [Fact]
    public void Imports_with_namespace_and_aliases()
    {
        var document = Clean("version 1.1\nimport \"lib/a.wdl\" as a alias Foo as Bar alias Baz as Qux\nimport 'b.wdl'\n");
        Assert.Equal(2, document.Imports.Count);
        var first = document.Imports[0];
        Assert.Equal("lib/a.wdl", first.Uri);
        Assert.Equal("\"lib/a.wdl\"", document.Source.GetText(first.UriSpan));
        Assert.Equal("a", first.Namespace!.Name);
        Assert.Equal(new[] { ("Foo", "Bar"), ("Baz", "Qux") }, first.Aliases.Select(a => (a.Source.Name, a.Target.Name)));
        Assert.Equal("alias Foo as Bar", document.TextOf(first.Aliases[0]));
        Assert.Equal("import \"lib/a.wdl\" as a alias Foo as Bar alias Baz as Qux", document.TextOf(first));
        Assert.Equal("b.wdl", document.Imports[1].Uri);
        Assert.Null(document.Imports[1].Namespace);
    }

    [Fact]
    public void Structs_have_members_and_12_metadata()
    {
        var document = Clean("""
            version 1.2
            struct Person {
              String name
              Array[File]+? files
              Map[String, Pair[Int, Float]] scores
              Directory home
              meta { description: "a person" }
              parameter_meta { name: "the name" }
            }
            """);
        var person = Assert.Single(document.Structs);
        Assert.Equal("Person", person.Name.Name);
        Assert.Equal(4, person.Members.Count);
        var files = person.Members[1].Type;
        Assert.Equal("Array", files.Name);
        Assert.True(files.IsNonEmpty);
        Assert.True(files.IsOptional);
        Assert.Equal("File", Assert.Single(files.Arguments).Name);
        Assert.Equal("Array[File]+?", document.TextOf(files));
        Assert.Equal("Array", document.Source.GetText(files.NameSpan));
        var scores = person.Members[2].Type;
        Assert.Equal(new[] { "String", "Pair" }, scores.Arguments.Select(a => a.Name));
        Assert.Equal(new[] { "Int", "Float" }, scores.Arguments[1].Arguments.Select(a => a.Name));
        Assert.Equal("Directory", person.Members[3].Type.Name);
        Assert.Equal("a person", Assert.IsType<MetaString>(person.Meta!.Entries[0].Value).Value);
        Assert.Equal("parameter_meta", person.ParameterMeta!.Keyword);
        Assert.StartsWith("struct Person {", document.TextOf(person));
        Assert.EndsWith("}", document.TextOf(person));
    }

    [Fact]
    public void Comments_are_kept_as_trivia_but_not_inside_commands_or_strings()
    {
        var document = Clean("""
            version 1.1 # trailing
            # own line
            task t {
              command <<<
                # part of the script
                echo "#not a comment"
              >>>
              String s = "# not a comment" # a comment
            }
            """);
        Assert.Equal(new[] { "# trailing", "# own line", "# a comment" }, document.Comments.Select(c => c.Text));
        var text = Assert.IsType<StringText>(document.Tasks[0].Command!.Parts[0]).Text;
        Assert.Contains("# part of the script", text);
        Assert.Equal((1, 13), document.Source.GetLineColumn(document.Comments[0].Span.Start));
    }

    [Fact]
    public void Metadata_values_are_json_like()
    {
        var document = Clean("""
            version 1.1
            task t {
              command {}
              meta {
                author: "me"
                version: 1.0
                count: -3
                ratio: +2.5e1
                flag: false
                none: null
                list: [1, "a", [], {}]
                nested: { a: { b: [true] }, "quoted": 1 }
              }
            }
            """.Replace("\"quoted\": 1", "c: 1"));
        var entries = document.Tasks[0].Meta!.Entries;
        Assert.Equal("me", Assert.IsType<MetaString>(entries[0].Value).Value);
        Assert.Equal(1.0, Assert.IsType<MetaFloat>(entries[1].Value).Value);
        Assert.Equal(-3, Assert.IsType<MetaInt>(entries[2].Value).Value);
        Assert.Equal("-3", document.TextOf(entries[2].Value));
        Assert.Equal(25.0, Assert.IsType<MetaFloat>(entries[3].Value).Value);
        Assert.False(Assert.IsType<MetaBool>(entries[4].Value).Value);
        Assert.IsType<MetaNull>(entries[5].Value);
        var list = Assert.IsType<MetaArray>(entries[6].Value);
        Assert.Equal(4, list.Items.Count);
        Assert.IsType<MetaObject>(list.Items[3]);
        var nested = Assert.IsType<MetaObject>(entries[7].Value);
        Assert.Equal(new[] { "a", "c" }, nested.Entries.Select(e => e.Key.Name));
        Assert.Equal("version", entries[1].Key.Name);
    }
}
