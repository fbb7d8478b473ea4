using System.Text;
using Osprey.Cli.Arguments;
using Osprey.Cli.Commands;
using Osprey.Cli.Rendering;
using Osprey.Engine.State;

namespace Osprey.Cli.Running;

/// <summary>
/// Finds the run a user named on the command line (<c>ID|DIR</c>): its full id, a unique prefix of
/// at least <see cref="MinimumPrefix"/> hex digits of it (dashes optional), or its run directory.
/// Shared by every command that takes a run: <c>show</c>, <c>resume</c>, <c>cache explain</c>.
/// </summary>
public static class RunReference
{
    public const int MinimumPrefix = 4;

    // How many runs an ambiguous prefix lists: enough to pick from, not a second run list.
    private const int CandidatesShown = 10;

    // Where dashes sit in a canonical id (8-4-4-4-12); a prefix may keep them or drop them all.
    private static readonly int[] DashPositions = [8, 13, 18, 23];

    /// <summary>
    /// The run <paramref name="reference"/> names. An id (or a prefix matching exactly one run) wins;
    /// otherwise the reference is a directory, relative to the current directory. Something with a
    /// slash in it, or <c>.</c> or <c>..</c>, is only ever a directory.
    /// </summary>
    /// <exception cref="CommandFailedException">No run matches, or a prefix matches several and no directory does.</exception>
    public static async Task<StoredRun> ResolveAsync(IRunStore store, string reference, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (string.IsNullOrWhiteSpace(reference)) throw new UsageException("an empty run ID or DIR");
        var cancel = context.CancellationToken;

        IReadOnlyList<RunSummary> candidates = [];
        if (!LooksLikePath(reference))
        {
            if (Guid.TryParse(reference, out var id))
            {
                if (await store.FindRunAsync(id, cancel).ConfigureAwait(false) is { } exact) return exact;
            }
            else if (HexPrefix(reference) is { } prefix)
            {
                candidates = await store.FindRunsByIdPrefixAsync(prefix, CandidatesShown + 1, cancel).ConfigureAwait(false);
                if (candidates.Count == 1 && await store.FindRunAsync(candidates[0].Id, cancel).ConfigureAwait(false) is { } unique)
                    return unique;
            }
        }

        string directory = NormalizeDirectory(reference, context.CurrentDirectory);
        if (await store.FindRunByDirectoryAsync(directory, cancel).ConfigureAwait(false) is { } byDirectory) return byDirectory;

        if (candidates.Count > 1) throw new CommandFailedException(Ambiguous(reference, candidates));
        string hint = !LooksLikePath(reference) && HexPrefix(reference, minimum: 1) is { Length: < MinimumPrefix }
            ? $"; an id prefix needs at least {MinimumPrefix} hex digits"
            : "";
        throw new CommandFailedException($"no run '{reference}' in the run store ({Location(store)}){hint}");
    }

    /// <summary>The absolute form the store keeps run directories in: no <c>..</c>, no trailing separator.</summary>
    public static string NormalizeDirectory(string path, string currentDirectory) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, currentDirectory));

    /// <summary>The id digits of <paramref name="text"/> if it is the start of an id (lowercased, dashes
    /// removed), else null.</summary>
    internal static string? HexPrefix(string text, int minimum = MinimumPrefix)
    {
        if (text.Length > 36) return null;
        var digits = new StringBuilder(32);
        bool dashed = text.Contains('-');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (dashed && Array.IndexOf(DashPositions, i) >= 0)
            {
                if (c != '-') return null;
            }
            else if (char.IsAsciiHexDigit(c))
            {
                digits.Append(char.ToLowerInvariant(c));
            }
            else
            {
                return null;
            }
        }
        return digits.Length >= minimum && digits.Length <= 32 ? digits.ToString() : null;
    }

    private static bool LooksLikePath(string reference) =>
        reference is "." or ".." || reference.Contains('/') || reference.Contains(Path.DirectorySeparatorChar);

    /// <summary>Where the store is, for messages: the SQLite file, or the provider's name (a PostgreSQL
    /// connection string may hold a password).</summary>
    private static string Location(IRunStore store) => store is SqliteRunStore sqlite ? sqlite.DatabasePath : store.Provider;

    private static string Ambiguous(string reference, IReadOnlyList<RunSummary> candidates)
    {
        var text = new StringBuilder();
        text.Append($"run id prefix '{reference}' is ambiguous; give more digits. It matches:");
        var shown = candidates.Take(CandidatesShown).ToList();
        int width = shown.Max(c => c.WorkflowName.Length);
        foreach (var run in shown)
            text.Append($"\n  {run.Id}  {run.WorkflowName.PadRight(width)}  submitted {RunFormat.LocalTime(run.SubmittedAt)}");
        if (candidates.Count > CandidatesShown) text.Append("\n  ... and more");
        return text.ToString();
    }
}
