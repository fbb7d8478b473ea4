using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Osprey.Engine.Storage;

/// <summary>
/// Local copies of <c>http(s)://</c> files: each URL is downloaded once, streamed to a temporary
/// file and renamed into <c>CACHE/&lt;sha256 of URL&gt;/&lt;file name&gt;</c>, so it keeps its name
/// for the task and a half-finished download is never seen. Concurrent requests for the same
/// URL share one download. Later runs (any process) find the file already there.
/// </summary>
public sealed class HttpFileCache(string directory, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _downloads = new(StringComparer.Ordinal);
    private HttpClient? _client;

    public string Directory { get; } = directory;

    public static bool IsHttp(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>$XDG_CACHE_HOME/osprey/files</c>, else <c>~/.cache/osprey/files</c>.</summary>
    public static string DefaultDirectory()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "osprey", "files");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? Path.Combine(Path.GetTempPath(), "osprey-cache", "files") : Path.Combine(home, ".cache", "osprey", "files");
    }

    /// <summary>The local path of the file at <paramref name="url"/>, downloading it if this cache does not hold it yet.</summary>
    public Task<string> GetAsync(string url, CancellationToken cancellationToken)
    {
        string path = PathFor(url);
        if (File.Exists(path)) return Task.FromResult(path);
        var download = _downloads.GetOrAdd(url, u => new Lazy<Task<string>>(() => DownloadAsync(u, path, cancellationToken)));
        return download.Value;
    }

    public string PathFor(string url)
    {
        string key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));
        return Path.Combine(Directory, key, FileName(url));
    }

    private static string FileName(string url)
    {
        string path = new Uri(url).AbsolutePath;
        string name = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        return name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 ? "download" : name;
    }

    private async Task<string> DownloadAsync(string url, string path, CancellationToken cancellationToken)
    {
        try
        {
            _client ??= new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.part";
            try
            {
                using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                    throw new FileLocalizationException($"cannot download '{url}': HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
                await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                    await body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                File.Move(temporary, path, overwrite: true);
                return path;
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }
        catch (HttpRequestException e)
        {
            throw new FileLocalizationException($"cannot download '{url}': {e.Message}", e);
        }
        finally
        {
            // A failed download may be retried later; a finished one is found on disk.
            _downloads.TryRemove(url, out _);
        }
    }

    public void Dispose() => _client?.Dispose();
}

/// <summary>A File or Directory could not be made available locally.</summary>
public sealed class FileLocalizationException(string message, Exception? inner = null) : Exception(message, inner);
