namespace Osprey.Cli.Arguments;

/// <summary>
/// Reads a command's arguments against its option list. Hand-written rather than a library so
/// the native binary stays small and starts fast. Options may come before, between or after
/// positional arguments; <c>--</c> ends option parsing.
/// </summary>
public static class ArgumentReader
{
    public static ParsedArguments Read(string command, IReadOnlyList<string> args, IReadOnlyList<OptionSpec> options)
    {
        var parsed = new ParsedArguments();
        bool optionsEnded = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (optionsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                parsed.Positionals.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }
            if (arg is "--help" or "-h")
            {
                parsed.HelpRequested = true;
                continue;
            }

            string name = arg;
            string? inlineValue = null;
            int equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }

            var spec = Find(options, name)
                ?? throw new UsageException($"unknown option '{name}' for 'osprey {command}'", command);

            if (!spec.TakesValue)
            {
                if (inlineValue is not null)
                    throw new UsageException($"option '{spec.Name}' takes no value", command);
                parsed.AddFlag(spec.Name);
                continue;
            }

            string? value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count)
                    throw new UsageException($"option '{spec.Name}' needs a value: {spec.Display}", command);
                value = args[++i];
            }
            if (value.Length == 0)
                throw new UsageException($"option '{spec.Name}' needs a non-empty value: {spec.Display}", command);
            if (!spec.Repeatable && parsed.GetValue(spec.Name) is not null)
                throw new UsageException($"option '{spec.Name}' given more than once", command);
            parsed.AddValue(spec.Name, value);
        }
        return parsed;
    }

    private static OptionSpec? Find(IReadOnlyList<OptionSpec> options, string name)
    {
        foreach (var option in options)
            if (option.Name == name || option.Alias == name) return option;
        return null;
    }
}
