namespace Osprey.Cli.Rendering;

/// <summary>
/// Terminal colours. <see cref="Plain"/> writes no escape codes, so renderers can apply a style
/// unconditionally and let the choice of style decide whether colour appears.
/// </summary>
public sealed record AnsiStyle(string Bold, string Error, string Warning, string Caret, string Hint, string Reset)
{
    public static readonly AnsiStyle Plain = new("", "", "", "", "", "");

    public static readonly AnsiStyle Colored = new("\e[1m", "\e[1;31m", "\e[1;33m", "\e[1;32m", "\e[1;36m", "\e[0m");

    public static AnsiStyle For(bool color) => color ? Colored : Plain;
}
