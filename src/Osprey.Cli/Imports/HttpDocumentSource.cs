using System.Net;
using System.Security.Cryptography;
using System.Text;
using Osprey.Wdl.Loading;
using Osprey.Wdl.Syntax;

namespace Osprey.Cli.Imports;

/// <summary>
/// Reads <c>http://</c> and <c>https://</c> documents, downloading each URI once into a cache
/// directory (file name: SHA-256 of the URI). Later loads, in this process or another, read the
/// cached copy and never touch the network. Downloads land in a temporary file that is renamed
/// into place, so a concurrent or interrupted download never leaves a half-written document.
/// </summary>
public sealed class HttpDocumentSource : IDocumentSource, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly HttpMessageHandler? _handler;
    private HttpClient? _client;

    public HttpDocumentSource(string cacheDirectory, HttpMessageHandler? handler = null)
    {
        CacheDirectory = cacheDirectory;
        _handler = handler;
    }

    public string CacheDirectory { get; }

    /// <summary><c>$XDG_CACHE_HOME/osprey/imports</c>, else <c>~/.cache/osprey/imports</c>.</summary>
    public static string DefaultCacheDirectory(Func<string, string?> getEnvironmentVariable)
    {
        string? xdg = getEnvironmentVariable("XDG_CACHE_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "osprey", "imports");
        string? home = getEnvironmentVariable("HOME");
        if (string.IsNullOrEmpty(home)) home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home)) return Path.Combine(Path.GetTempPath(), "osprey-cache", "imports");
        return Path.Combine(home, ".cache", "osprey", "imports");
    }

    public bool CanRead(string location)
        => location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The cache file that holds (or will hold) the document at <paramref name="location"/>.</summary>
    public string CachePath(string location)
        => Path.Combine(CacheDirectory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(location))) + ".wdl");

    public async Task<SourceText> ReadAsync(string location, CancellationToken cancellationToken)
    {
        string cachePath = CachePath(location);
        byte[]? bytes = await TryReadCachedAsync(cachePath, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            bytes = await DownloadAsync(location, cancellationToken).ConfigureAwait(false);
            await TryStoreAsync(cachePath, bytes, cancellationToken).ConfigureAwait(false);
        }
        return new SourceText(location, Decode(bytes));
    }

    public void Dispose() => _client?.Dispose();

    private static async Task<byte[]?> TryReadCachedAsync(string cachePath, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(cachePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private async Task<byte[]> DownloadAsync(string location, CancellationToken cancellationToken)
    {
        // Created on first use: most runs import nothing over HTTP and should not pay for a client.
        _client ??= new HttpClient(_handler ?? new SocketsHttpHandler(), disposeHandler: _handler is null) { Timeout = Timeout };
        try
        {
            using var response = await _client.GetAsync(location, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new DocumentSourceException($"cannot read '{location}': HTTP {(int)response.StatusCode} {Reason(response)}");
            return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DocumentSourceException($"cannot read '{location}': {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DocumentSourceException($"cannot read '{location}': no answer within {Timeout.TotalSeconds:0} s", e);
        }
        catch (UriFormatException e)
        {
            throw new DocumentSourceException($"cannot read '{location}': not a valid URI", e);
        }
    }

    private static string Reason(HttpResponseMessage response)
        => string.IsNullOrEmpty(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;

    /// <summary>The cache is an optimisation: failing to write it must not fail the load.</summary>
    private static async Task TryStoreAsync(string cachePath, byte[] bytes, CancellationToken cancellationToken)
    {
        string directory = Path.GetDirectoryName(cachePath)!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(cachePath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temp, cachePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception) { /* best effort: the temp name is unique */ }
        }
    }

    private static string Decode(byte[] bytes)
    {
        // WDL is UTF-8; a byte-order mark, if a server adds one, is not part of the document.
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        return Encoding.UTF8.GetString(span);
    }
}
