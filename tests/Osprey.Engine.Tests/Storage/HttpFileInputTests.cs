using Osprey.Engine.Inputs;
using Osprey.Engine.Running;
using Osprey.Engine.Values;
using Osprey.Wdl;
using Osprey.Wdl.Loading;

namespace Osprey.Engine.Tests.Storage;

public class HttpFileInputTests
{
    private const string Wdl = """
        version 1.1
        task count_words {
          input { File text }
          command <<<
            wc -w < ~{text} | tr -d ' '
            basename ~{text} >&2
          >>>
          output {
            Int words = read_int(stdout())
            String name = read_string(stderr())
          }
        }
        """;

    private static async Task<WdlObject> RunAsync(TempDirectory temp, string cache, string url, string runName)
    {
        string wdl = temp.Write("count.wdl", Wdl);
        var compilation = await Compilation.LoadAsync(wdl, new FileDocumentSource(), new CheckOptions());
        Assert.False(compilation.HasErrors);
        var inputs = RunInputs.Prepare(compilation.Root, null, null, [("text", url)]);
        Assert.True(inputs.IsValid, string.Join("; ", inputs.Errors));
        return await LocalRun.RunAsync(inputs.Target!, inputs.Inputs, Path.Combine(temp.Path, runName),
            new LocalRunOptions(NoContainer: true, BaseDirectory: temp.Path, FileCacheDirectory: cache), new RunProgress(), CancellationToken.None);
    }

    [Fact]
    public async Task An_http_file_input_is_downloaded_once_and_keeps_its_name()
    {
        using var server = new LoopbackFileServer(new() { ["data/words.txt"] = "one two three four\n" });
        using var temp = new TempDirectory();
        string cache = Path.Combine(temp.Path, "cache");

        var first = await RunAsync(temp, cache, server.BaseUrl + "data/words.txt", "run1");
        var second = await RunAsync(temp, cache, server.BaseUrl + "data/words.txt", "run2");

        Assert.True(first.TryGetMember("words", out var words));
        Assert.Equal(WdlInt.Of(4), words);
        Assert.True(second.TryGetMember("name", out var name));
        Assert.Equal(WdlString.Of("words.txt"), name);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_missing_http_file_fails_the_call_with_the_status()
    {
        using var server = new LoopbackFileServer(new());
        using var temp = new TempDirectory();
        var failure = await Assert.ThrowsAsync<RunFailedException>(() => RunAsync(temp, Path.Combine(temp.Path, "cache"), server.BaseUrl + "nope.txt", "run"));
        Assert.Contains("HTTP 404", failure.Message);
        Assert.Contains("nope.txt", failure.Message);
    }
}
