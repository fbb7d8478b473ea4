using Osprey.Wdl.Loading;

namespace Osprey.Wdl;

public sealed partial class Compilation
{
    /// <summary>
    /// Loads, parses and checks <paramref name="rootLocation"/> and its imports. Throws
    /// <see cref="DocumentSourceException"/> only when the root itself cannot be read; an
    /// unreadable import is a diagnostic at its import statement.
    /// </summary>
    public static Task<Compilation> LoadAsync(string rootLocation, IDocumentSource source, CheckOptions options, CancellationToken cancellationToken = default)
        => new DocumentLoader(source, options).LoadAsync(rootLocation, cancellationToken);

    internal static Compilation Create(Semantics.DocumentModel root, IReadOnlyList<Diagnostics.Diagnostic> diagnostics) => new(root, diagnostics);
}
