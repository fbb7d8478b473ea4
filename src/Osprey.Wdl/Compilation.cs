using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Loading;
using Osprey.Wdl.Semantics;

namespace Osprey.Wdl;

/// <summary>
/// A root document with everything it imports, parsed and checked. The entry point of the
/// language library: <c>await Compilation.LoadAsync(path, source, options)</c>.
/// </summary>
public sealed partial class Compilation
{
    private Compilation(DocumentModel root, IReadOnlyList<Diagnostic> diagnostics)
    {
        Root = root;
        Diagnostics = diagnostics;
    }

    public DocumentModel Root { get; }

    /// <summary>Diagnostics of every loaded document, ordered by file then position.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
