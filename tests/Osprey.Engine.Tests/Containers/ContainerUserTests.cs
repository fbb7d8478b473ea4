namespace Osprey.Engine.Tests.Containers;

/// <summary>
/// An image with its own non-root USER and an ENTRYPOINT: the command still runs (the entrypoint
/// is replaced), can write its work directory, and leaves files the engine can remove.
/// </summary>
[Collection(ContainerCollection.Name)]
public sealed class ContainerUserTests(ContainerTestMachine machine)
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_non_root_image_user_writes_the_work_directory_and_leaves_removable_files()
    {
        machine.Require();
        using var temp = new TempDirectory();
        string data = temp.Write("inputs/data.txt", "readable\n");
        var run = new WdlRun(temp);
        var outputs = await run.RunAsync($$"""
            version 1.1
            task as_user {
              input { File data }
              command <<<
                # errexit holds in the launcher's EXIT trap too: it must still write rc.
                set -euo pipefail
                echo "uid $(id -u)"
                cat '~{data}'
                mkdir -p deep/er
                echo made > deep/er/file.txt
                chmod 500 deep/er
              >>>
              runtime { container: "{{machine.UserImage}}" }
              output {
                Array[String] report = read_lines(stdout())
                File made = "deep/er/file.txt"
              }
            }
            """, InContainerTests.Json(("as_user.data", data)));

        string report = WdlRun.Lines(outputs, "report");
        Assert.DoesNotContain("entrypoint-was-not-overridden", report, StringComparison.Ordinal);
        Assert.Contains("uid 1000", report, StringComparison.Ordinal);
        Assert.Contains("readable", report, StringComparison.Ordinal);
        string made = WdlRun.FilePath(outputs, "made");
        Assert.Equal("made\n", File.ReadAllText(made));
        // Opened up on the way out, even the directory the task closed: an engine that is
        // neither root nor uid 1000 can still remove it all.
        var everyone = UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        Assert.Equal(everyone, File.GetUnixFileMode(made) & everyone);
        Assert.Equal(everyone | UnixFileMode.OtherExecute, File.GetUnixFileMode(Path.GetDirectoryName(made)!) & (everyone | UnixFileMode.OtherExecute));
        Directory.Delete(run.RunDirectory, recursive: true);
    }
}
