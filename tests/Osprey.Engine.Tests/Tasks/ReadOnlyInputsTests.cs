using Osprey.Engine.Inputs;
using Osprey.Engine.Running;
using Osprey.Engine.Values;
using Osprey.Wdl;
using Osprey.Wdl.Loading;

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
        using var temp = new TempDirectory();
        string input = temp.Write("real/in.txt", "original\n");
        if (linked)
        {
            // The shape of a checkout whose shared data is a symbolic link: bwrap cannot bind
            // through a link, so the sandbox must bind the real path.
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "link"), Path.Combine(temp.Path, "real"));
            input = Path.Combine(temp.Path, "link", "in.txt");
        }
        string wdl = temp.Write("t.wdl", """
            version 1.1
            task touch_input {
              input { File f }
              command <<<
                if echo changed >> ~{f}; then echo "append worked"; else echo "append refused"; fi
                cat ~{f} > copy.txt
              >>>
              output {
                String verdict = read_string(stdout())
                File copy = "copy.txt"
              }
            }
            """);
        var compilation = await Compilation.LoadAsync(wdl, new FileDocumentSource(), new CheckOptions());
        var prepared = RunInputs.Prepare(compilation.Root, null, null, [("f", input)]);
        Assert.True(prepared.IsValid, string.Join("; ", prepared.Errors));

        var outputs = await LocalRun.RunAsync(prepared.Target!, prepared.Inputs, Path.Combine(temp.Path, "run"),
            new LocalRunOptions(NoContainer: true, BaseDirectory: temp.Path), new RunProgress(), CancellationToken.None);

        Assert.True(outputs.TryGetMember("verdict", out var verdict));
        Assert.Equal(WdlString.Of("append refused"), verdict);
        Assert.Equal("original\n", File.ReadAllText(input));
        Assert.True(outputs.TryGetMember("copy", out var copy));
        Assert.Equal("original\n", File.ReadAllText(((WdlFile)copy).Location));
    }
}
