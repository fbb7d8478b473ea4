namespace Osprey.Cli.Arguments;

/// <summary>The options and positional arguments of one command invocation.</summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = new();

    /// <summary>True when <c>--help</c> or <c>-h</c> was given; the command prints help instead of running.</summary>
    public bool HelpRequested { get; internal set; }

    internal void AddFlag(string name) => _flags.Add(name);

    internal void AddValue(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list)) _values[name] = list = new List<string>();
        list.Add(value);
    }

    public bool HasFlag(string name) => _flags.Contains(name);

    /// <summary>The value of a non-repeatable option, or null when it was not given.</summary>
    public string? GetValue(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> GetValues(string name) => _values.TryGetValue(name, out var list) ? list : Array.Empty<string>();
}
