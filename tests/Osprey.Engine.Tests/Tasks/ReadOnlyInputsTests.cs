using Osprey.Engine.Tests.Running;

namespace Osprey.Engine.Tests.Tasks;

/// <summary>Host tasks see their File inputs read-only (through bubblewrap, which ./test.sh installs).</summary>
public class ReadOnlyInputsTests
{
    [Fact]
    public Task A_host_task_cannot_change_its_input_but_writes_its_work_directory() => Check(linked: false);

    [Fact]
    public Task An_input_reached_through_a_linked_directory_is_protected_too() => Check(linked: true);

    private static async Task Check(bool linked)
    {
        Assert.True(File.Exists("/usr/bin/bwrap") || File.Exists("/bin/bwrap"), "bubblewrap is missing: apt-get install bubblewrap (./test.sh installs it)");
        using var run = new RunHarness();
        string input = run.Write("real/in.txt", "original\n");
        if (linked)
        {
            // The shape of a checkout whose shared data is a symbolic link: bwrap cannot bind
            // through a link, so the sandbox must bind the real path.
            Directory.CreateSymbolicLink(run.PathOf("link"), run.PathOf("real"));
            input = Path.Combine(run.PathOf("link"), "in.txt");
        }
        var outputs = await run.RunAsync("""
            version 1.1
            task touch_input {
              input { File f }
              command <<<
                if echo changed >> ~{f}; then echo "append worked"; else echo "append refused"; fi
                cat ~{f} > copy.txt
              >>>
              output {
                String verdict = read_string(stdout())
                String copied = read_string("copy.txt")
              }
            }
            """, arguments: [("f", input)]);

        Assert.Equal("\"append refused\"", RunHarness.Json(outputs, "verdict"));
        Assert.Equal("\"original\"", RunHarness.Json(outputs, "copied"));
        Assert.Equal("original\n", File.ReadAllText(input));
    }
}
