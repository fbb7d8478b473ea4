using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Loading;

/// <summary>Tries each source in turn by <see cref="IDocumentSource.CanRead"/>.</summary>
public sealed class CompositeDocumentSource(params IDocumentSource[] sources) : IDocumentSource
{
    public bool CanRead(string location) => Array.Exists(sources, s => s.CanRead(location));

    public Task<SourceText> ReadAsync(string location, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
            if (source.CanRead(location)) return source.ReadAsync(location, cancellationToken);
        throw new DocumentSourceException($"cannot read '{location}': unsupported URI scheme");
    }
}
