using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Loading;

/// <summary>
/// Reads, parses and checks documents and their imports. Each location is read, parsed and
/// checked once per loader, so one loader can serve many roots (e.g. <c>osprey check *.wdl</c>):
/// a document's own diagnostics do not depend on who imports it.
/// </summary>
public sealed class DocumentLoader(IDocumentSource source, CheckOptions options)
{
    private readonly Dictionary<string, LoadedDocument> _documents = new(StringComparer.Ordinal);

    public async Task<Compilation> LoadAsync(string rootLocation, CancellationToken cancellationToken = default)
    {
        string location = Normalize(rootLocation);
        var root = await LoadTreeAsync(location, cancellationToken).ConfigureAwait(false);
        var model = Check(root, new HashSet<LoadedDocument>(ReferenceEqualityComparer.Instance));

        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<LoadedDocument>(ReferenceEqualityComparer.Instance);
        Collect(root, seen, diagnostics);
        return Compilation.Create(model, diagnostics);
    }

    private static string Normalize(string location) =>
        ImportLocation.IsRemote(location) || location.Contains("://", StringComparison.Ordinal) ? location : Path.GetFullPath(location);

    /// <summary>Reads and parses the document and, depth first, everything it imports.</summary>
    private async Task<LoadedDocument> LoadTreeAsync(string location, CancellationToken cancellationToken)
    {
        if (_documents.TryGetValue(location, out var known)) return known;

        var text = await source.ReadAsync(location, cancellationToken).ConfigureAwait(false);
        var parsed = WdlParser.Parse(text);
        var loaded = new LoadedDocument(location, parsed.Document, new DiagnosticBag(text));
        loaded.Diagnostics.AddRange(parsed.Diagnostics);
        _documents[location] = loaded;

        foreach (var import in parsed.Document.Imports)
        {
            LoadedDocument? target = null;
            string? failure = null;
            foreach (var candidate in ImportLocation.Candidates(import.Uri, location, options.SearchPaths))
            {
                try
                {
                    target = await LoadTreeAsync(candidate, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (DocumentSourceException e)
                {
                    // Report why the first (importer-relative) location failed, not the search paths.
                    failure ??= e.Message;
                }
            }
            if (target is null)
                loaded.Diagnostics.ImportNotFound(import.UriSpan, import.Uri, failure ?? "not found");
            loaded.Imports.Add((import, target));
        }
        return loaded;
    }

    /// <summary>Checks imports first, then the document; an import on a cycle is reported and left out.</summary>
    private DocumentModel Check(LoadedDocument document, HashSet<LoadedDocument> inProgress)
    {
        if (document.Model is not null) return document.Model;
        inProgress.Add(document);
        var imports = new List<(ImportNode, DocumentModel?)>();
        foreach (var (node, target) in document.Imports)
        {
            if (target is null)
            {
                imports.Add((node, null));
            }
            else if (inProgress.Contains(target))
            {
                document.Diagnostics.ImportCycle(node.UriSpan, $"{Path.GetFileName(document.Location)} imports {node.Uri}, which imports it back");
                imports.Add((node, null));
            }
            else
            {
                imports.Add((node, Check(target, inProgress)));
            }
        }
        inProgress.Remove(document);
        document.Model = new DocumentChecker(document.Syntax, document.Location, document.Diagnostics, options).Check(imports);
        return document.Model;
    }

    private static void Collect(LoadedDocument document, HashSet<LoadedDocument> seen, List<Diagnostic> into)
    {
        if (!seen.Add(document)) return;
        foreach (var (_, target) in document.Imports)
            if (target is not null) Collect(target, seen, into);
        into.AddRange(document.Diagnostics.OrderBy(d => d.Span.Start));
    }

    private sealed class LoadedDocument(string location, Document syntax, DiagnosticBag diagnostics)
    {
        public string Location { get; } = location;

        public Document Syntax { get; } = syntax;

        public DiagnosticBag Diagnostics { get; } = diagnostics;

        public List<(ImportNode Node, LoadedDocument? Target)> Imports { get; } = new();

        public DocumentModel? Model { get; set; }
    }
}
