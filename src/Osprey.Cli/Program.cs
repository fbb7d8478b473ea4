using System.Text;
using Osprey.Cli.Arguments;
using Osprey.Cli.Commands;

namespace Osprey.Cli;

/// <summary>
/// The <c>osprey</c> entry point: finds the command named by the first argument and runs it.
/// Everything a command does lives in <c>Commands/</c>; this file only dispatches and turns
/// exceptions into messages and exit codes.
/// </summary>
public static class OspreyCli
{
    public static IReadOnlyList<ICommand> Commands { get; } = [new CheckCommand(), new InputsCommand()];

    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        // Buffered: checking many files prints many lines, and an unbuffered console write per line is slow.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var context = new CliContext(
            stdout,
            Console.Error,
            Environment.GetEnvironmentVariable,
            Directory.GetCurrentDirectory(),
            ColorOutput: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
            cancellation.Token);
        try
        {
            return await RunAsync(args, context).ConfigureAwait(false);
        }
        finally
        {
            try { await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false); }
            catch (IOException) { /* stdout closed early, e.g. piped into head */ }
        }
    }

    /// <summary>Runs <c>osprey</c> in-process with the given writers and the real environment.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
        => RunAsync(args, CliContext.ForWriters(stdout, stderr));

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        try
        {
            return await DispatchAsync(args, context).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync($"osprey: {e.Message}\n{HelpText.UsageHint(e)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("osprey: interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            // Anything else is a bug in Osprey; say so in one line rather than dump a stack trace.
            await context.Error.WriteLineAsync($"osprey: internal error: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    private static async Task<int> DispatchAsync(string[] args, CliContext context)
    {
        if (args.Length == 0)
        {
            await context.Error.WriteAsync(HelpText.General(Commands)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        string first = args[0];
        switch (first)
        {
            case "--version":
                await context.Out.WriteLineAsync("osprey " + HelpText.Version).ConfigureAwait(false);
                return ExitCodes.Success;
            case "--help" or "-h":
                await context.Out.WriteAsync(HelpText.General(Commands)).ConfigureAwait(false);
                return ExitCodes.Success;
            case "help":
                return await HelpAsync(args.AsSpan(1).ToArray(), context).ConfigureAwait(false);
        }

        if (first.StartsWith('-'))
            throw new UsageException($"unknown option '{first}' (options go after the command)");
        var command = Find(first);
        var arguments = ArgumentReader.Read(command.Name, args.AsSpan(1).ToArray(), command.Options);
        if (arguments.HelpRequested)
        {
            await context.Out.WriteAsync(HelpText.For(command)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        return await command.RunAsync(arguments, context).ConfigureAwait(false);
    }

    private static async Task<int> HelpAsync(string[] topics, CliContext context)
    {
        if (topics.Length == 0)
        {
            await context.Out.WriteAsync(HelpText.General(Commands)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        if (topics.Length > 1)
            throw new UsageException("'osprey help' takes one COMMAND");
        await context.Out.WriteAsync(HelpText.For(Find(topics[0]))).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static ICommand Find(string name)
    {
        foreach (var command in Commands)
            if (command.Name == name) return command;
        string? suggestion = HelpText.Suggest(name, Commands.Select(c => c.Name).Append("help"));
        throw new UsageException($"unknown command '{name}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
    }
}
