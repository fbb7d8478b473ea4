namespace Osprey.Engine.Backends.Local;

/// <summary>
/// The machine's cpu and memory as a budget: a task starts only once what it asked for is free,
/// so local tasks never oversubscribe memory. Waiters are served in arrival order, so a large
/// task is not starved by a stream of small ones. A request larger than the whole machine is
/// clamped to the machine (it then runs alone).
/// </summary>
public sealed class ResourceBudget(double cpus, long memoryBytes)
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private double _freeCpus = cpus;
    private long _freeMemory = memoryBytes;

    public double TotalCpus { get; } = cpus;

    public long TotalMemory { get; } = memoryBytes;

    /// <summary>The whole machine: logical processors and physical memory.</summary>
    public static ResourceBudget ForThisMachine()
    {
        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return new ResourceBudget(Environment.ProcessorCount, memory > 0 ? memory : 4L << 30);
    }

    public async Task<IDisposable> AcquireAsync(double cpu, long memory, CancellationToken cancellationToken)
    {
        cpu = Math.Min(cpu, TotalCpus);
        memory = Math.Clamp(memory, 0, TotalMemory);
        Waiter waiter;
        lock (_gate)
        {
            if (_waiters.Count == 0 && Fits(cpu, memory))
            {
                Take(cpu, memory);
                return new Lease(this, cpu, memory);
            }
            waiter = new Waiter(cpu, memory);
            _waiters.AddLast(waiter.Node = new LinkedListNode<Waiter>(waiter));
        }
        using (cancellationToken.Register(() => Cancel(waiter)))
            await waiter.Ready.Task.ConfigureAwait(false);
        return new Lease(this, cpu, memory);
    }

    private bool Fits(double cpu, long memory) => cpu <= _freeCpus + 1e-9 && memory <= _freeMemory;

    private void Take(double cpu, long memory)
    {
        _freeCpus -= cpu;
        _freeMemory -= memory;
    }

    private void Release(double cpu, long memory)
    {
        var wake = new List<Waiter>();
        lock (_gate)
        {
            _freeCpus += cpu;
            _freeMemory += memory;
            while (_waiters.First is { } first && Fits(first.Value.Cpu, first.Value.Memory))
            {
                Take(first.Value.Cpu, first.Value.Memory);
                _waiters.RemoveFirst();
                first.Value.Node = null;
                wake.Add(first.Value);
            }
        }
        foreach (var w in wake) w.Ready.TrySetResult();
    }

    private void Cancel(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node is null) return;
            _waiters.Remove(waiter.Node);
            waiter.Node = null;
        }
        waiter.Ready.TrySetCanceled();
    }

    private sealed class Waiter(double cpu, long memory)
    {
        public double Cpu { get; } = cpu;
        public long Memory { get; } = memory;
        public LinkedListNode<Waiter>? Node { get; set; }
        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Lease(ResourceBudget budget, double cpu, long memory) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) budget.Release(cpu, memory);
        }
    }
}
