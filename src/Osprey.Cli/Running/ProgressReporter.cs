using System.Globalization;
using Osprey.Engine.Running;

namespace Osprey.Cli.Running;

/// <summary>
/// Shows a run's progress on stderr: on a terminal, one status line (calls running / done /
/// failed) redrawn in place with log lines scrolling above it; otherwise one timestamped line
/// per event, for logs and CI.
/// </summary>
public sealed class ProgressReporter : IAsyncDisposable
{
    private readonly TextWriter _error;
    private readonly RunProgress _progress;
    private readonly bool _interactive;
    private readonly object _gate = new();
    private readonly Timer? _timer;
    private bool _disposed;
    private int _statusLength;

    public ProgressReporter(TextWriter error, RunProgress progress, bool interactive)
    {
        _error = error;
        _progress = progress;
        _interactive = interactive;
        if (interactive) _timer = new Timer(_ => Redraw(), null, 200, 200);
        else progress.Changed += Log;
    }

    /// <summary>Writes one line (a message from the engine, or a progress event when not on a terminal).</summary>
    public void Log(string message)
    {
        lock (_gate)
        {
            if (_disposed) return;
            if (_interactive)
            {
                ClearStatus();
                _error.WriteLine(message);
                DrawStatus();
            }
            else
            {
                _error.WriteLine($"{DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} {message}");
            }
        }
    }

    private void Redraw()
    {
        lock (_gate)
        {
            if (_disposed) return;
            ClearStatus();
            DrawStatus();
        }
    }

    private void DrawStatus()
    {
        string status = $"calls: {_progress.Running} running, {_progress.Waiting} waiting, {_progress.Done} done, {_progress.Failed} failed";
        _error.Write(status);
        _error.Flush();
        _statusLength = status.Length;
    }

    private void ClearStatus()
    {
        if (_statusLength == 0) return;
        _error.Write("\r" + new string(' ', _statusLength) + "\r");
        _statusLength = 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null) await _timer.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (_disposed) return;
            if (_interactive)
            {
                ClearStatus();
                _error.WriteLine($"calls: {_progress.Done} done, {_progress.Failed} failed");
            }
            else
            {
                _progress.Changed -= Log;
            }
            _disposed = true;
        }
    }
}
