using Osprey.Cli.Commands;
using Osprey.Engine.State;

namespace Osprey.Cli.Running;

/// <summary>Temporary: a full id or a run directory. Replaced by the fuller resolver.</summary>
public static class RunReference
{
    public static async Task<StoredRun> ResolveAsync(IRunStore store, string text, CliContext context)
    {
        StoredRun? run = Guid.TryParse(text, out var id)
            ? await store.FindRunAsync(id, context.CancellationToken).ConfigureAwait(false)
            : await store.FindRunByDirectoryAsync(Path.TrimEndingDirectorySeparator(Path.GetFullPath(text, context.CurrentDirectory)), context.CancellationToken).ConfigureAwait(false);
        return run ?? throw new CommandFailedException($"no run '{text}' in the run store");
    }
}
