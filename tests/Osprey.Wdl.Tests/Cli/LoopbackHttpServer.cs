using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for tests: serves fixed documents by path (404 for
/// others), one request per connection, and counts the requests for each path.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackHttpServer(IReadOnlyDictionary<string, string> documents)
    {
        Documents = new ConcurrentDictionary<string, string>(documents);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public ConcurrentDictionary<string, string> Documents { get; }

    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public int HitsFor(string path) => Hits.GetValueOrDefault(path);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var request = new StringBuilder();
            var buffer = new byte[4096];
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int n = await stream.ReadAsync(buffer, _stop.Token);
                if (n == 0) return;
                request.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }
            string path = request.ToString().Split(' ')[1];
            Hits.AddOrUpdate(path, 1, (_, n) => n + 1);

            byte[] body = Documents.TryGetValue(path, out string? text) ? Encoding.UTF8.GetBytes(text) : Encoding.UTF8.GetBytes("not found");
            string status = text is null ? "404 Not Found" : "200 OK";
            string head = $"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accepting; } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }
}
