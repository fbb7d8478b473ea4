using System.Security.Cryptography;
using System.Text;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Recording;

/// <summary>
/// One digest of a workflow's source: the main document and everything it imports, by location
/// and text. A run records it when it starts, so that a resume can tell that the WDL was edited
/// since: its recorded calls would then stand for a workflow that no longer exists.
/// </summary>
public static class SourceDigest
{
    /// <summary>The event kind a run's source digest is recorded under.</summary>
    public const string EventKind = "source";

    public static string Of(DocumentModel root)
    {
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Collect(root, documents);
        var text = new StringBuilder();
        foreach (var (location, source) in documents) text.Append(location).Append('\0').Append(source).Append('\0');
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Collect(DocumentModel document, SortedDictionary<string, string> into)
    {
        if (!into.TryAdd(document.Location, document.Syntax.Source.Text)) return;
        foreach (var imported in document.Namespaces.Values) Collect(imported, into);
    }
}
