using Osprey.Engine.Caching;
using Osprey.Engine.State;

namespace Osprey.Cli.Running;

/// <summary>
/// The call cache a run gets: on unless <c>--no-cache</c> or the workflow options turn both
/// reading and writing off. <c>OSPREY__CACHE__DIGESTS=strict</c> hashes whole files instead of
/// the fast digest (size, modification time, first and last MiB) for files of 2 MiB and more.
/// Digests are remembered in the run store, so a later run does not hash an unchanged file again.
/// </summary>
public static class CacheSetup
{
    public const string DigestsVariable = "OSPREY__CACHE__DIGESTS";

    public static CallCache? Create(IRunStore store, bool noCache, WorkflowOptions options, CliContext context, string command)
    {
        if (noCache || (!options.ReadFromCache && !options.WriteToCache)) return null;
        var mode = context.GetEnvironmentVariable(DigestsVariable)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "fast" => DigestMode.Fast,
            "strict" => DigestMode.Strict,
            var other => throw new Arguments.UsageException($"{DigestsVariable}='{other}': use fast or strict", command),
        };
        return new CallCache(store, new FileDigests(new StoreDigestMemo(store), mode), options.ReadFromCache, options.WriteToCache);
    }
}
