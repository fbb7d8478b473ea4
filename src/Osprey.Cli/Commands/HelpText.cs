using System.Reflection;
using System.Text;
using Osprey.Cli.Arguments;

namespace Osprey.Cli.Commands;

/// <summary>The text of <c>osprey --help</c>, <c>osprey help COMMAND</c> and <c>osprey --version</c>.</summary>
public static class HelpText
{
    public static string Version { get; } =
        typeof(HelpText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static string General(IReadOnlyList<ICommand> commands)
    {
        var text = new StringBuilder();
        text.Append("osprey ").Append(Version).Append(" - check and run WDL workflows\n\n");
        text.Append("Usage: osprey COMMAND [options] [arguments]\n\nCommands:\n");
        int width = Math.Max(4, commands.Max(c => c.Name.Length));
        foreach (var command in commands)
            text.Append("  ").Append(command.Name.PadRight(width + 2)).Append(command.Summary).Append('\n');
        text.Append("  ").Append("help".PadRight(width + 2)).Append("Show help for a command\n\n");
        text.Append("Options:\n  -h, --help   Show this help\n  --version    Print the version\n\n");
        text.Append("Run 'osprey help COMMAND' for a command's options.\n");
        return text.ToString();
    }

    public static string For(ICommand command)
    {
        var text = new StringBuilder();
        text.Append("Usage: ").Append(command.Usage).Append("\n\n").Append(command.Summary).Append(".\n\n");
        text.Append(command.Description.TrimEnd()).Append("\n\nOptions:\n");
        var rows = command.Options.Select(o => (o.Display, o.Description)).Append((Display: "-h, --help", Description: "Show this help")).ToList();
        int width = rows.Max(r => r.Display.Length);
        foreach (var (display, description) in rows)
            text.Append("  ").Append(display.PadRight(width + 2)).Append(description).Append('\n');
        return text.ToString();
    }

    /// <summary>The nearest command name to a mistyped one, if any is close (at most two edits).</summary>
    public static string? Suggest(string typed, IEnumerable<string> names)
    {
        string? best = null;
        int bestDistance = 3;
        foreach (string name in names)
        {
            int distance = EditDistance(typed, name);
            if (distance < bestDistance) (best, bestDistance) = (name, distance);
        }
        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The line printed after a usage error, pointing to the right help.</summary>
    public static string UsageHint(UsageException e)
        => e.Command is null ? "Run 'osprey --help' for usage." : $"Run 'osprey help {e.Command}' for usage.";
}
