using Osprey.Engine.Backends.Local;

namespace Osprey.Engine.Tests.Containers;

/// <summary>
/// When no runtime works, a task that names an image runs on the host, with one warning per
/// image; OSPREY__LOCAL__CONTAINERRUNTIME chooses or turns off the runtime.
/// </summary>
[Collection(ContainerCollection.Name)]
public sealed class NoRuntimeTests(ContainerTestMachine machine)
{
    // Two images, one of them asked for by three scatter shards: two warnings, not four.
    private static string Workflow(string image) => $$"""
        version 1.1
        workflow where {
          scatter (i in [1, 2, 3]) {
            call probe as a { input: image = "{{image}}", host_file = "HOST_FILE" }
          }
          call probe as b { input: image = "localhost/osprey-other:1", host_file = "HOST_FILE" }
          output {
            Array[String] a_seen = a.seen
            String b_seen = b.seen
          }
        }
        task probe {
          input {
            String image
            String host_file
          }
          command <<<
            if [ -e /etc/osprey-test-image ]; then echo -n image; elif [ -e '~{host_file}' ]; then echo -n host; else echo -n neither; fi
          >>>
          runtime { container: image }
          output { String seen = read_string(stdout()) }
        }
        """;

    [Fact]
    public async Task Setting_none_runs_image_tasks_on_the_host_with_one_warning_per_image()
    {
        machine.Require();
        using var temp = new TempDirectory();
        string hostFile = temp.Write("host-only.txt", "on the host\n");
        var run = new WdlRun(temp);
        var outputs = await WithSetting("none", () => run.RunAsync(Workflow(machine.Image).Replace("HOST_FILE", hostFile, StringComparison.Ordinal)));

        Assert.Equal("host host host", WdlRun.Lines(outputs, "a_seen").Replace('\n', ' '));
        Assert.Equal("host", WdlRun.String(outputs, "b_seen"));
        var warnings = run.Log.Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        string[] expected =
        [
            $"warning: containers are turned off ({ContainerRuntime.SettingVariable}=none); tasks that ask for image '{machine.Image}' run on the host",
            $"warning: containers are turned off ({ContainerRuntime.SettingVariable}=none); tasks that ask for image 'localhost/osprey-other:1' run on the host",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), warnings);
    }

    [Fact]
    public async Task A_runtime_whose_info_fails_is_not_used_and_the_warning_says_so()
    {
        machine.Require();
        using var temp = new TempDirectory();
        string hostFile = temp.Write("host-only.txt", "on the host\n");
        var run = new WdlRun(temp);
        // /bin/false stands for a docker client without a daemon: present, but `info` fails.
        var outputs = await WithSetting("/bin/false", () => run.RunAsync(Workflow(machine.Image).Replace("HOST_FILE", hostFile, StringComparison.Ordinal)));

        Assert.Equal("host", WdlRun.String(outputs, "b_seen"));
        string warning = Assert.Single(run.Log, l => l.Contains(machine.Image, StringComparison.Ordinal));
        Assert.Contains("'/bin/false info' fails", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setting_podman_uses_podman()
    {
        machine.Require();
        using var temp = new TempDirectory();
        string hostFile = temp.Write("host-only.txt", "on the host\n");
        var run = new WdlRun(temp);
        string wdl = Workflow(machine.Image).Replace("HOST_FILE", hostFile, StringComparison.Ordinal)
            .Replace("localhost/osprey-other:1", machine.UserImage, StringComparison.Ordinal);
        var outputs = await WithSetting("podman", () => run.RunAsync(wdl));

        Assert.Equal("image image image", WdlRun.Lines(outputs, "a_seen").Replace('\n', ' '));
        Assert.Equal("image", WdlRun.String(outputs, "b_seen"));
        Assert.DoesNotContain(run.Log, l => l.StartsWith("warning:", StringComparison.Ordinal));
    }

    private static async Task<T> WithSetting<T>(string value, Func<Task<T>> action)
    {
        string? before = Environment.GetEnvironmentVariable(ContainerRuntime.SettingVariable);
        Environment.SetEnvironmentVariable(ContainerRuntime.SettingVariable, value);
        try
        {
            return await action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(ContainerRuntime.SettingVariable, before);
        }
    }
}
