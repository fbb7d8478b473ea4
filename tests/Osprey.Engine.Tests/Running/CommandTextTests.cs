namespace Osprey.Engine.Tests.Running;

/// <summary>
/// The script a task runs: common indentation stripped (on the template, before placeholders
/// are filled), blank first and last lines dropped. Checked on the attempt's <c>command</c> file;
/// the commands are comments, so running them does nothing.
/// </summary>
public class CommandTextTests
{
    private static async Task<string> ScriptAsync(string command, string version = "1.1", string inputs = "")
    {
        using var run = new RunHarness();
        await run.RunAsync($"version {version}\ntask t {{\n  input {{ {inputs} }}\n  command <<<{command}>>>\n}}\n");
        return File.ReadAllText(Path.Combine(run.RunDirectory, "call-t", "attempt-1", "command"));
    }

    [Fact]
    public async Task Common_spaces_are_stripped_and_deeper_indentation_kept()
    {
        string script = await ScriptAsync("\n    # a\n      # b\n    # c\n  ");

        Assert.Equal("# a\n  # b\n# c\n", script);
    }

    [Fact]
    public async Task Common_tabs_are_stripped()
    {
        string script = await ScriptAsync("\n\t\t# a\n\t\t\t# b\n\t\t");

        Assert.Equal("# a\n\t# b\n", script);
    }

    [Fact]
    public async Task Blank_lines_inside_do_not_count_and_keep_their_newline()
    {
        string script = await ScriptAsync("\n    # a\n\n  \n    # b\n");

        Assert.Equal("# a\n\n\n# b\n", script);
    }

    [Fact]
    public async Task A_line_starting_with_a_placeholder_has_no_indentation()
    {
        string script = await ScriptAsync("\n    # a\n~{word}\n    # b\n", inputs: "String word = \"# w\"");

        Assert.Equal("    # a\n# w\n    # b\n", script);
    }

    [Fact]
    public async Task A_value_with_newlines_does_not_change_the_indentation()
    {
        string script = await ScriptAsync("\n    # ~{text}\n    # end\n", inputs: "String text = \"x\\n      # y\"");

        Assert.Equal("# x\n      # y\n# end\n", script);
    }

    [Fact]
    public async Task Indentation_mixing_tabs_and_spaces_is_left_as_it_is()
    {
        // The spec: when leading whitespace mixes tabs and spaces, leave it unmodified.
        string script = await ScriptAsync("\n\t# a\n  # b\n");

        Assert.Equal("\t# a\n  # b\n", script);
    }

    [Fact]
    public async Task Tabs_and_spaces_after_a_common_prefix_are_kept()
    {
        string script = await ScriptAsync("\n  \t# a\n  # b\n");

        Assert.Equal("\t# a\n# b\n", script);
    }

    [Fact]
    public async Task Draft_2_commands_use_dollar_placeholders()
    {
        using var run = new RunHarness();
        var outputs = await run.RunAsync("""
            task t {
              String who = "world"
              Array[Int] xs = [1, 2, 3]
              command {
                echo hello ${who} ${sep=',' xs}
              }
              output { String said = read_string(stdout()) }
            }
            """);

        Assert.Equal("\"hello world 1,2,3\"", RunHarness.Json(outputs, "said"));
        Assert.Equal("echo hello world 1,2,3\n", File.ReadAllText(Path.Combine(run.RunDirectory, "call-t", "attempt-1", "command")));
    }
}
