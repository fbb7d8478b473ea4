namespace Osprey.Engine.Values;

/// <summary>Rewrites or visits every File and Directory location inside a value, whatever its shape.</summary>
public static class FileValues
{
    /// <summary>
    /// The value with each File/Directory location replaced by <paramref name="map"/>(location,
    /// isDirectory); the value itself when nothing changed.
    /// </summary>
    /// <summary>Calls <paramref name="visit"/>(location, isDirectory) for each File/Directory inside a value.</summary>
    public static void Visit(WdlValue value, Action<string, bool> visit) =>
        Map(value, (location, isDirectory) =>
        {
            visit(location, isDirectory);
            return location;
        });

    public static WdlValue Map(WdlValue value, Func<string, bool, string> map)
    {
        switch (value)
        {
            case WdlFile f:
                string file = map(f.Location, false);
                return file == f.Location ? value : WdlFile.Of(file);
            case WdlDirectory d:
                string dir = map(d.Location, true);
                return dir == d.Location ? value : WdlDirectory.Of(dir);
            case WdlArray a:
                WdlValue[]? items = null;
                for (int i = 0; i < a.Count; i++)
                {
                    var item = Map(a[i], map);
                    if (items is null && !ReferenceEquals(item, a[i])) items = a.Items.ToArray();
                    if (items is not null) items[i] = item;
                }
                return items is null ? value : WdlArray.Create(a.ElementType, items);
            case WdlPair p:
                var left = Map(p.Left, map);
                var right = Map(p.Right, map);
                return ReferenceEquals(left, p.Left) && ReferenceEquals(right, p.Right) ? value : WdlPair.Create(p.PairType, left, right);
            case WdlMap m:
                return WdlMap.Create(m.MapType.Key, m.MapType.Value, m.Entries.Select(e => new KeyValuePair<WdlValue, WdlValue>(Map(e.Key, map), Map(e.Value, map))));
            case WdlStruct s:
                return WdlStruct.Create(s.StructType, s.MemberValues.Select(v => Map(v, map)).ToList());
            case WdlObject o:
                return WdlObject.Create(o.Members.Select(m => new KeyValuePair<string, WdlValue>(m.Key, Map(m.Value, map))));
            default:
                return value;
        }
    }
}
