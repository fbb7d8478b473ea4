using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tasks;

/// <summary>Turns <c>meta</c>/<c>parameter_meta</c> sections into Object values (for the 1.2 <c>task</c> variable).</summary>
public static class MetaValues
{
    public static WdlObject ToObject(MetaSection? section) =>
        section is null ? WdlObject.Empty : ToObject(section.Entries);

    private static WdlObject ToObject(IReadOnlyList<MetaEntry> entries) =>
        WdlObject.Create(entries.Select(e => new KeyValuePair<string, WdlValue>(e.Key.Name, ToValue(e.Value))));

    private static WdlValue ToValue(MetaValue value) => value switch
    {
        MetaNull => WdlNone.Instance,
        MetaBool b => WdlBoolean.Of(b.Value),
        MetaInt i => WdlInt.Of(i.Value),
        MetaFloat f => WdlFloat.Of(f.Value),
        MetaString s => WdlString.Of(s.Value),
        MetaArray a => WdlArray.Create(WdlType.Any, a.Items.Select(ToValue)),
        MetaObject o => ToObject(o.Entries),
        _ => WdlNone.Instance,
    };
}
