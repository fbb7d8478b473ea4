using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Loading;

/// <summary>
/// Reads WDL documents by location (an absolute file path or an http(s) URI). The language
/// library knows only files; hosts add other sources (e.g. an HTTP cache) by composition.
/// </summary>
public interface IDocumentSource
{
    /// <summary>True when this source can read the location (e.g. by URI scheme).</summary>
    bool CanRead(string location);

    /// <summary>Reads the document; throws <see cref="DocumentSourceException"/> when it cannot.</summary>
    Task<SourceText> ReadAsync(string location, CancellationToken cancellationToken);
}

/// <summary>A document could not be read; <see cref="Exception.Message"/> says why in plain words.</summary>
public sealed class DocumentSourceException(string message, Exception? inner = null) : Exception(message, inner);
