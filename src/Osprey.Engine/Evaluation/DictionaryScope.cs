using System.Diagnostics.CodeAnalysis;
using Osprey.Engine.Values;

namespace Osprey.Engine.Evaluation;

/// <summary>
/// A scope over a mutable name→value table, falling back to an optional parent (e.g. a scatter
/// body over its workflow). Not thread-safe for writes; readers may share a finished scope.
/// </summary>
public sealed class DictionaryScope : IEvaluationScope
{
    private readonly Dictionary<string, WdlValue> _values;
    private readonly IEvaluationScope? _parent;

    public DictionaryScope(IEvaluationScope? parent = null)
    {
        _values = new Dictionary<string, WdlValue>(StringComparer.Ordinal);
        _parent = parent;
    }

    public DictionaryScope(IEnumerable<KeyValuePair<string, WdlValue>> values, IEvaluationScope? parent = null)
        : this(parent)
    {
        foreach (var (name, value) in values) _values[name] = value;
    }

    public WdlValue this[string name]
    {
        set => _values[name] = value;
    }

    public void Set(string name, WdlValue value) => _values[name] = value;

    public bool TryLookup(string name, [NotNullWhen(true)] out WdlValue? value)
    {
        if (_values.TryGetValue(name, out value)) return true;
        if (_parent is not null) return _parent.TryLookup(name, out value);
        value = null;
        return false;
    }
}
