using Osprey.Cli.Commands;
using Osprey.Engine.State;

namespace Osprey.Cli.Running;

/// <summary>Opens the run store the environment names (<c>OSPREY__DATABASE__*</c>; SQLite under the user's data directory by default).</summary>
public static class StoreAccess
{
    public static async Task<RunStore> OpenAsync(CliContext context)
    {
        try
        {
            var options = RunStoreOptions.FromEnvironment(context.GetEnvironmentVariable);
            return await RunStore.OpenAsync(options, context.CancellationToken).ConfigureAwait(false);
        }
        catch (RunStoreException e)
        {
            throw new CommandFailedException(e.Message);
        }
    }
}
