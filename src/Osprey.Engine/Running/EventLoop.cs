using System.Threading.Channels;

namespace Osprey.Engine.Running;

/// <summary>
/// The one thread of control of a run. All run state is touched only from actions run here:
/// local work is queued with <see cref="Enqueue"/> (from the loop itself), completions of
/// processes and other async work arrive with <see cref="Post"/> (from any thread). No thread
/// per task or shard: the loop waits on one channel.
/// </summary>
internal sealed class EventLoop
{
    private readonly Queue<Action> _local = new();
    private readonly Channel<Action> _posted = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Action action) => _local.Enqueue(action);

    public void Post(Action action) => _posted.Writer.TryWrite(action);

    /// <summary>Runs actions until <paramref name="finished"/> holds after a batch of work.</summary>
    public async Task RunAsync(Func<bool> finished, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_posted.Reader.TryRead(out var posted)) posted();
            while (_local.TryDequeue(out var action)) action();
            if (finished()) return;
            var next = await _posted.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            next();
        }
    }
}
