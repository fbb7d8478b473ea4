using System.Collections.Concurrent;
using Osprey.Wdl.Loading;
using Osprey.Wdl.Syntax;

namespace Osprey.Cli.Imports;

/// <summary>
/// Reads each location at most once per process and hands out the same <see cref="SourceText"/>
/// afterwards, so a library imported by many checked files is read (and, over HTTP, fetched)
/// once. A failed read is remembered too: it would fail the same way again.
/// </summary>
public sealed class ReadOnceDocumentSource(IDocumentSource inner) : IDocumentSource
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SourceText>>> _reads = new(StringComparer.Ordinal);

    public bool CanRead(string location) => inner.CanRead(location);

    public Task<SourceText> ReadAsync(string location, CancellationToken cancellationToken)
        => _reads.GetOrAdd(location, l => new Lazy<Task<SourceText>>(() => inner.ReadAsync(l, cancellationToken))).Value;
}
