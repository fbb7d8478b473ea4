using System.Text.Json;
using Osprey.Engine.Running;
using Osprey.Engine.Values;

namespace Osprey.Engine.Tests.Containers;

/// <summary>A task that names an image runs in it: what it can see, what it can write, what it gets.</summary>
[Collection(ContainerCollection.Name)]
public sealed class InContainerTests(ContainerTestMachine machine)
{
    [Fact]
    public async Task Command_runs_in_the_image_and_sees_only_what_is_mounted()
    {
        machine.Require();
        using var temp = new TempDirectory();
        string data = temp.Write("inputs/data.txt", "payload\n");
        temp.Write("inputs/sibling.txt", "not an input\n");
        string secret = temp.Write("secret.txt", "host only\n");
        var run = new WdlRun(temp);
        var outputs = await run.RunAsync($$"""
            version 1.1
            task probe {
              input {
                File data
                String secret
              }
              command <<<
                echo "marker: $(cat /etc/osprey-test-image)"
                echo "data: $(cat '~{data}')"
                if [ -e '~{secret}' ]; then echo "secret: visible"; else echo "secret: hidden"; fi
                if [ -e "$(dirname '~{data}')/sibling.txt" ]; then echo "sibling: visible"; else echo "sibling: hidden"; fi
                echo "pwd: $PWD"
              >>>
              runtime { container: "{{machine.Image}}" }
              output { Array[String] report = read_lines(stdout()) }
            }
            """, Json(("probe.data", data), ("probe.secret", secret)));

        string report = WdlRun.Lines(outputs, "report");
        Assert.Contains("marker: osprey-test image 1", report, StringComparison.Ordinal);
        Assert.Contains("data: payload", report, StringComparison.Ordinal);
        Assert.Contains("secret: hidden", report, StringComparison.Ordinal);
        Assert.Contains("sibling: hidden", report, StringComparison.Ordinal);
        Assert.Contains($"pwd: {run.RunDirectory}/call-probe/attempt-1/work", report, StringComparison.Ordinal);
        Assert.False(File.Exists("/etc/osprey-test-image"), "the marker file must exist only in the image, or this test proves nothing");
        Assert.DoesNotContain(run.Log, l => l.Contains("warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task File_inputs_are_mounted_read_only()
    {
        machine.Require();
        using var temp = new TempDirectory();
        string data = temp.Write("inputs/data.txt", "original\n");
        var run = new WdlRun(temp);
        var outputs = await run.RunAsync($$"""
            version 1.1
            task write_input {
              input { File data }
              command <<<
                if echo changed >> '~{data}'; then echo "append: allowed"; else echo "append: refused"; fi
                if rm -f '~{data}' && [ ! -e '~{data}' ]; then echo "remove: allowed"; else echo "remove: refused"; fi
              >>>
              runtime { container: "{{machine.Image}}" }
              output {
                String out = read_string(stdout())
                String err = read_string(stderr())
              }
            }
            """, Json(("write_input.data", data)));

        string report = WdlRun.String(outputs, "out");
        Assert.Contains("append: refused", report, StringComparison.Ordinal);
        Assert.Contains("remove: refused", report, StringComparison.Ordinal);
        Assert.Contains("Read-only file system", WdlRun.String(outputs, "err"), StringComparison.Ordinal);
        Assert.Equal("original\n", File.ReadAllText(data));
    }

    [Fact]
    public async Task Outputs_written_in_the_work_directory_are_collected_and_passed_on()
    {
        machine.Require();
        using var temp = new TempDirectory();
        var run = new WdlRun(temp);
        var outputs = await run.RunAsync($$"""
            version 1.1
            workflow chain {
              call produce
              call consume { input: parts = produce.parts, single = produce.single }
              output {
                File single = produce.single
                Array[File] parts = produce.parts
                String joined = consume.joined
              }
            }
            task produce {
              command <<<
                echo one > single.txt
                mkdir parts
                for i in 1 2 3; do echo "part $i" > parts/p$i.txt; done
              >>>
              runtime { container: "{{machine.Image}}" }
              output {
                File single = "single.txt"
                Array[File] parts = glob("parts/*.txt")
              }
            }
            task consume {
              input {
                Array[File] parts
                File single
              }
              command <<<
                cat '~{single}' ~{sep(" ", parts)} > joined.txt
              >>>
              runtime { container: "{{machine.Image}}" }
              output { String joined = read_string("joined.txt") }
            }
            """);

        string single = WdlRun.FilePath(outputs, "single");
        Assert.StartsWith(Path.Combine(run.RunDirectory, "call-produce", "attempt-1", "work"), single, StringComparison.Ordinal);
        Assert.Equal("one\n", File.ReadAllText(single));
        var parts = Assert.IsType<WdlArray>(WdlRun.Member(outputs, "parts")).Items.Select(p => File.ReadAllText(Assert.IsType<WdlFile>(p).Location)).ToList();
        Assert.Equal(["part 1\n", "part 2\n", "part 3\n"], parts);
        Assert.Equal("one\npart 1\npart 2\npart 3", WdlRun.String(outputs, "joined"));
        // The engine can clean up what the containers left.
        Directory.Delete(run.RunDirectory, recursive: true);
    }

    [Fact]
    public async Task Env_declarations_become_the_containers_environment_and_nothing_else_of_the_hosts()
    {
        machine.Require();
        using var temp = new TempDirectory();
        Environment.SetEnvironmentVariable("OSPREY_TEST_HOST_ONLY", "leaked");
        try
        {
            var outputs = await new WdlRun(temp).RunAsync($$"""
                version 1.2
                task env_probe {
                  input {
                    env String greeting = "it's \"quoted\" $HOME ~{1 + 1}"
                  }
                  env Int count = 3
                  command <<<
                    printf '%s|%s|%s' "$greeting" "$count" "${OSPREY_TEST_HOST_ONLY:-unset}"
                  >>>
                  requirements { container: "{{machine.Image}}" }
                  output { String out = read_string(stdout()) }
                }
                """);
            Assert.Equal("it's \"quoted\" $HOME 2|3|unset", WdlRun.String(outputs, "out"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("OSPREY_TEST_HOST_ONLY", null);
        }
    }

    [Fact]
    public async Task A_missing_image_fails_the_call_with_the_runtimes_message()
    {
        machine.Require();
        using var temp = new TempDirectory();
        var e = await Assert.ThrowsAsync<RunFailedException>(() => new WdlRun(temp).RunAsync("""
            version 1.1
            task missing {
              command <<< echo never >>>
              runtime { docker: "localhost/osprey-no-such-image:0" }
              output { String out = read_string(stdout()) }
            }
            """));
        Assert.Contains("podman could not run the command in image 'localhost/osprey-no-such-image:0'", e.Message, StringComparison.Ordinal);
        Assert.Contains("--no-container", e.Message, StringComparison.Ordinal);
        Assert.Contains("Error", e.Message, StringComparison.Ordinal);
        Assert.Equal(125, e.ExitCode);
    }

    internal static string Json(params (string Key, string Value)[] members) =>
        JsonSerializer.Serialize(members.ToDictionary(m => m.Key, m => m.Value));
}
