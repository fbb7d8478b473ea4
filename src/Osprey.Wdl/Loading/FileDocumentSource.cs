using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Loading;

/// <summary>Reads documents from the local file system (plain paths and <c>file://</c> URIs).</summary>
public sealed class FileDocumentSource : IDocumentSource
{
    public bool CanRead(string location) => !location.Contains("://", StringComparison.Ordinal) || location.StartsWith("file://", StringComparison.Ordinal);

    public async Task<SourceText> ReadAsync(string location, CancellationToken cancellationToken)
    {
        string path = location.StartsWith("file://", StringComparison.Ordinal) ? new Uri(location).LocalPath : location;
        try
        {
            string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return new SourceText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            string reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw new DocumentSourceException($"cannot read '{path}': {reason}", e);
        }
    }
}
