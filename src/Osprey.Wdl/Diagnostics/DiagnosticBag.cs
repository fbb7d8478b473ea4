using System.Collections;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Diagnostics;

/// <summary>Collects diagnostics for one document; the catalogue's methods add to it.</summary>
public sealed class DiagnosticBag : IEnumerable<Diagnostic>
{
    private readonly List<Diagnostic> _items = new();

    public DiagnosticBag(SourceText source)
    {
        Source = source;
    }

    public SourceText Source { get; }

    public int Count => _items.Count;

    public bool HasErrors => _items.Exists(d => d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public IEnumerator<Diagnostic> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
