namespace Osprey.Cli.Arguments;

/// <summary>
/// One option a command accepts. <see cref="ValueName"/> is null for a flag (no value); an
/// option with a value may be written <c>--name VALUE</c> or <c>--name=VALUE</c>.
/// </summary>
public sealed record OptionSpec(string Name, string Description, string? ValueName = null, bool Repeatable = false, string? Alias = null)
{
    public bool TakesValue => ValueName is not null;

    /// <summary>How the option is shown in help, e.g. <c>--path DIR</c>.</summary>
    public string Display => (Alias is null ? "" : Alias + ", ") + (TakesValue ? $"{Name} {ValueName}" : Name);
}
