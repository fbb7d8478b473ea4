using Osprey.Engine.Values;

namespace Osprey.Engine.Tests.Running;

/// <summary>Binding inputs before a run: every problem reported at once, overrides, arrays, relative files.</summary>
public class InputBindingTests
{
    private const string Workflow = """
        version 1.1
        workflow wf {
          input {
            Int n
            File data
            String label
            Array[String] names = []
          }
          call t
          output { Int o = t.o }
        }
        task t {
          input { Int x  File? extra }
          command <<<
            echo ~{x}
          >>>
          output { Int o = read_int(stdout()) }
        }
        """;

    [Fact]
    public async Task Every_kind_of_input_error_is_reported_at_once()
    {
        using var run = new RunHarness();
        var prepared = await run.PrepareAsync(Workflow, """
            {
              "wf.n": "abc",
              "wf.bogus": 1,
              "wf.data": "no-such-file.txt",
              "wf.t.y": 2,
              "other.x": 1,
              "wf.o": 3
            }
            """, [("t.extra", "missing.txt")]);

        Assert.False(prepared.IsValid);
        Assert.Equal(
            [
                "input 'wf.n': expected Int, got \"abc\"",
                "unknown input 'wf.bogus': 'wf' has no input 'bogus'",
                "input 'wf.data': file 'no-such-file.txt' does not exist",
                "unknown input 'wf.t.y': 't' has no input 'y'",
                "unknown input 'other.x': keys must start with 'wf.'",
                "unknown input 'wf.o': 'wf' has no input 'o' (that is an output)",
                "input 'wf.t.extra': file 'missing.txt' does not exist",
                "missing required input 'wf.label' (String)",
                "missing required input 'wf.t.x' (Int)",
            ],
            prepared.Errors);
    }

    [Fact]
    public async Task A_call_input_the_call_already_sets_cannot_be_given()
    {
        using var run = new RunHarness();
        var prepared = await run.PrepareAsync("""
            version 1.1
            workflow wf {
              call t { input: x = 1 }
            }
            task t {
              input { Int x }
              command <<< echo ~{x} >>>
            }
            """, """{ "wf.t.x": 2 }""");

        Assert.Equal(["input 'wf.t.x' cannot be set: the call to 't' already sets 'x'"], prepared.Errors);
    }

    [Fact]
    public async Task Arguments_override_the_file_with_or_without_the_prefix()
    {
        using var run = new RunHarness();
        string data = run.Write("data.txt", "x");
        var prepared = await run.PrepareAsync(Workflow, $$"""
            { "wf.n": 1, "wf.data": "{{data}}", "wf.label": "from file", "wf.t.x": 5 }
            """, [("n", "2"), ("wf.label", "from argument"), ("t.x", "6")]);

        Assert.True(prepared.IsValid, string.Join("; ", prepared.Errors));
        Assert.Equal(WdlInt.Of(2), prepared.Inputs.Values["n"]);
        Assert.Equal(WdlString.Of("from argument"), prepared.Inputs.Values["label"]);
        Assert.Equal(WdlInt.Of(6), prepared.Inputs.ForCall("t").Values["x"]);
    }

    [Theory]
    [InlineData("names=a", "names=b")]
    [InlineData("wf.names=a", "names=b")]
    [InlineData("names=[\"a\", \"b\"]")]
    public async Task Repeated_keys_or_a_json_array_give_an_array(params string[] arguments)
    {
        using var run = new RunHarness();
        string data = run.Write("data.txt", "x");
        var pairs = arguments.Select(a => (a[..a.IndexOf('=')], a[(a.IndexOf('=') + 1)..])).ToList();
        pairs.AddRange([("n", "1"), ("data", data), ("label", "l"), ("t.x", "1")]);

        var prepared = await run.PrepareAsync(Workflow, arguments: pairs);

        Assert.True(prepared.IsValid, string.Join("; ", prepared.Errors));
        Assert.Equal("[\"a\",\"b\"]", ValueJson.Serialize(prepared.Inputs.Values["names"]));
    }

    [Fact]
    public async Task A_single_argument_for_an_array_is_an_array_of_one()
    {
        using var run = new RunHarness();
        string data = run.Write("data.txt", "x");

        var prepared = await run.PrepareAsync(Workflow, arguments: [("names", "only"), ("n", "1"), ("data", data), ("label", "l"), ("t.x", "1")]);

        Assert.True(prepared.IsValid, string.Join("; ", prepared.Errors));
        Assert.Equal("[\"only\"]", ValueJson.Serialize(prepared.Inputs.Values["names"]));
    }

    [Fact]
    public async Task Relative_files_resolve_against_the_inputs_files_directory()
    {
        using var run = new RunHarness();
        string data = run.Write("data.txt", "x");

        var prepared = await run.PrepareAsync(Workflow, """{ "wf.n": 1, "wf.data": "data.txt", "wf.label": "l", "wf.t.x": 1 }""");

        Assert.True(prepared.IsValid, string.Join("; ", prepared.Errors));
        Assert.Equal(WdlFile.Of(data), prepared.Inputs.Values["data"]);
    }

    [Fact]
    public async Task An_input_with_a_bad_value_is_not_also_reported_missing()
    {
        using var run = new RunHarness();
        string data = run.Write("data.txt", "x");

        var prepared = await run.PrepareAsync(Workflow, arguments: [("n", "many"), ("data", data), ("label", "l"), ("t.x", "1.5")]);

        Assert.Equal(["input 'wf.n': 'many' is not a valid Int", "input 'wf.t.x': expected Int, got 1.5"], prepared.Errors);
    }

    [Fact]
    public async Task Call_inputs_given_by_the_user_reach_the_task()
    {
        using var run = new RunHarness();
        string data = run.Write("data.txt", "x");

        var outputs = await run.RunAsync(Workflow, arguments: [("n", "1"), ("data", data), ("label", "l"), ("t.x", "41")]);

        Assert.Equal("41", RunHarness.Json(outputs, "o"));
    }
}
