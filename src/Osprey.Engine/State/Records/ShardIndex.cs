using System.Globalization;

namespace Osprey.Engine.State;

/// <summary>
/// Where a call sits in nested scatters: empty outside any scatter, <c>[3]</c> for shard 3,
/// <c>[1,2]</c> for shard 2 of the scatter inside shard 1. Kept as its stored text (<c>""</c>,
/// <c>"3"</c>, <c>"1,2"</c>), which gives value equality and a compact column.
/// </summary>
public readonly record struct ShardIndex
{
    private readonly string? _text;

    private ShardIndex(string text) => _text = text;

    public static ShardIndex None => default;

    public static ShardIndex Of(params ReadOnlySpan<int> indexes)
    {
        if (indexes.IsEmpty) return None;
        var parts = new string[indexes.Length];
        for (int i = 0; i < indexes.Length; i++)
        {
            if (indexes[i] < 0) throw new ArgumentOutOfRangeException(nameof(indexes), "shard indexes are not negative");
            parts[i] = indexes[i].ToString(CultureInfo.InvariantCulture);
        }
        return new ShardIndex(string.Join(',', parts));
    }

    /// <summary>Reads the stored form (<c>""</c>, <c>"3"</c>, <c>"1,2"</c>).</summary>
    public static ShardIndex Parse(string text)
    {
        if (text.Length == 0) return None;
        var parts = text.Split(',');
        var indexes = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out indexes[i]))
                throw new FormatException($"'{text}' is not a shard index path");
        }
        return Of(indexes);
    }

    public bool IsNone => string.IsNullOrEmpty(_text);

    /// <summary>The stored form.</summary>
    public string Text => _text ?? "";

    public IReadOnlyList<int> Indexes => IsNone ? [] : Array.ConvertAll(Text.Split(','), s => int.Parse(s, CultureInfo.InvariantCulture));

    public bool Equals(ShardIndex other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    /// <summary><c>[1,2]</c>, or empty outside a scatter.</summary>
    public override string ToString() => IsNone ? "" : $"[{Text}]";
}
