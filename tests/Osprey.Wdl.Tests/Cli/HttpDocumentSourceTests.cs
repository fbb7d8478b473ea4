using Osprey.Cli.Imports;
using Osprey.Wdl.Loading;

namespace Osprey.Wdl.Tests.Cli;

public class HttpDocumentSourceTests
{
    private const string Library = "version 1.1\n\ntask greet {\n  command <<< echo hi >>>\n}\n";

    [Fact]
    public async Task Downloads_once_then_serves_later_loads_from_the_cache_directory()
    {
        using var cache = new TempDirectory();
        await using var server = new LoopbackHttpServer(new Dictionary<string, string> { ["/lib/greet.wdl"] = Library });
        string url = server.Url("/lib/greet.wdl");

        using (var first = new HttpDocumentSource(cache.Path))
        {
            var text = await first.ReadAsync(url, CancellationToken.None);
            Assert.Equal(Library, text.Text);
            Assert.Equal(url, text.Path);
        }
        // A new source, as in a later process: only the directory is shared.
        using (var second = new HttpDocumentSource(cache.Path))
        {
            var text = await second.ReadAsync(url, CancellationToken.None);
            Assert.Equal(Library, text.Text);
        }

        Assert.Equal(1, server.HitsFor("/lib/greet.wdl"));
        string cached = Assert.Single(Directory.GetFiles(cache.Path));
        Assert.Equal(new HttpDocumentSource(cache.Path).CachePath(url), cached);
        Assert.Matches("^[0-9a-f]{64}\\.wdl$", Path.GetFileName(cached));
    }

    [Fact]
    public async Task A_missing_document_is_a_source_exception_naming_the_uri_and_status()
    {
        using var cache = new TempDirectory();
        await using var server = new LoopbackHttpServer(new Dictionary<string, string>());
        using var source = new HttpDocumentSource(cache.Path);
        string url = server.Url("/absent.wdl");

        var e = await Assert.ThrowsAsync<DocumentSourceException>(() => source.ReadAsync(url, CancellationToken.None));

        Assert.Equal($"cannot read '{url}': HTTP 404 Not Found", e.Message);
        Assert.Empty(Directory.GetFiles(cache.Path));
    }

    [Fact]
    public async Task An_unreachable_server_is_a_source_exception()
    {
        using var cache = new TempDirectory();
        string url;
        await using (var server = new LoopbackHttpServer(new Dictionary<string, string>()))
            url = server.Url("/gone.wdl");
        using var source = new HttpDocumentSource(cache.Path);

        var e = await Assert.ThrowsAsync<DocumentSourceException>(() => source.ReadAsync(url, CancellationToken.None));

        Assert.StartsWith($"cannot read '{url}': ", e.Message);
    }

    [Theory]
    [InlineData("http://example.org/a.wdl", true)]
    [InlineData("HTTPS://example.org/a.wdl", true)]
    [InlineData("/home/me/a.wdl", false)]
    [InlineData("file:///home/me/a.wdl", false)]
    public void Reads_only_http_and_https(string location, bool readable)
        => Assert.Equal(readable, new HttpDocumentSource("/nonexistent").CanRead(location));

    [Fact]
    public void Cache_directory_follows_xdg_then_home()
    {
        Assert.Equal("/x/cache/osprey/imports", HttpDocumentSource.DefaultCacheDirectory(n => n == "XDG_CACHE_HOME" ? "/x/cache" : "/home/me"));
        Assert.Equal("/home/me/.cache/osprey/imports", HttpDocumentSource.DefaultCacheDirectory(n => n == "HOME" ? "/home/me" : null));
        // A relative XDG_CACHE_HOME is invalid by the XDG spec and ignored.
        Assert.Equal("/home/me/.cache/osprey/imports", HttpDocumentSource.DefaultCacheDirectory(n => n == "HOME" ? "/home/me" : "relative"));
    }
}
