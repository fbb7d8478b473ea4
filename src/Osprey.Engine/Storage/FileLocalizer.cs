using Osprey.Engine.Values;

namespace Osprey.Engine.Storage;

/// <summary>
/// Turns the remote File values inside a value into local copies, for a task about to run.
/// Values stay references (a URL) everywhere else; only what a command or a function reads
/// needs a local path. Today the remote kind is http(s); s3:// will be one more case here.
/// </summary>
public sealed class FileLocalizer(HttpFileCache http)
{
    public async Task<WdlValue> LocalizeAsync(WdlValue value, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case WdlFile f when HttpFileCache.IsHttp(f.Location):
                return WdlFile.Of(await http.GetAsync(f.Location, cancellationToken).ConfigureAwait(false));
            case WdlDirectory d when HttpFileCache.IsHttp(d.Location):
                throw new FileLocalizationException($"Directory '{d.Location}': directories cannot be fetched over http(s)");
            case WdlArray a:
                var items = new WdlValue[a.Count];
                bool changed = false;
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = await LocalizeAsync(a[i], cancellationToken).ConfigureAwait(false);
                    changed |= !ReferenceEquals(items[i], a[i]);
                }
                return changed ? WdlArray.Create(a.ElementType, items) : value;
            case WdlPair p:
                var left = await LocalizeAsync(p.Left, cancellationToken).ConfigureAwait(false);
                var right = await LocalizeAsync(p.Right, cancellationToken).ConfigureAwait(false);
                return ReferenceEquals(left, p.Left) && ReferenceEquals(right, p.Right) ? value : WdlPair.Create(p.PairType, left, right);
            case WdlMap m:
                var entries = new List<KeyValuePair<WdlValue, WdlValue>>(m.Count);
                foreach (var (k, v) in m.Entries)
                    entries.Add(new(await LocalizeAsync(k, cancellationToken).ConfigureAwait(false), await LocalizeAsync(v, cancellationToken).ConfigureAwait(false)));
                return WdlMap.Create(m.MapType.Key, m.MapType.Value, entries);
            case WdlStruct s:
                var members = new WdlValue[s.MemberValues.Count];
                for (int i = 0; i < members.Length; i++) members[i] = await LocalizeAsync(s.MemberValues[i], cancellationToken).ConfigureAwait(false);
                return WdlStruct.Create(s.StructType, members);
            default:
                return value;
        }
    }

    /// <summary>True when the value holds something <see cref="LocalizeAsync"/> would fetch.</summary>
    public static bool NeedsLocalizing(WdlValue value) => value switch
    {
        WdlFile f => HttpFileCache.IsHttp(f.Location),
        WdlDirectory d => HttpFileCache.IsHttp(d.Location),
        WdlArray a => a.Items.Any(NeedsLocalizing),
        WdlPair p => NeedsLocalizing(p.Left) || NeedsLocalizing(p.Right),
        WdlMap m => m.Keys.Any(NeedsLocalizing) || m.Values.Any(NeedsLocalizing),
        WdlStruct s => s.MemberValues.Any(NeedsLocalizing),
        _ => false,
    };
}
