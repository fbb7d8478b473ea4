using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
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
    public static IReadOnlyList<ICommand> Commands { get; } =
        [new CheckCommand(), new InputsCommand(), new RunCommand(), new ResumeCommand(), new RunsCommand(), new ShowCommand(), new CacheCommand()];

    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        // A signal handler rather than Console.CancelKeyPress, which also switches the terminal
        // into keypad mode and so writes escape codes to it.
        // The first Ctrl-C stops the run and waits for its tasks to be killed; a second one
        // ends osprey at once, should that wait hang.
        // SIGTERM (kill, a CI timeout, a batch scheduler) is treated the same way.
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        // stdout is buffered: checking many files prints many lines.
        var stdout = new StreamWriter(StandardStream(1, Console.IsOutputRedirected), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(StandardStream(2, Console.IsErrorRedirected), new UTF8Encoding(false), 1 << 12) { AutoFlush = true };
        var context = new CliContext(
            stdout,
            stderr,
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

    /// <summary>
    /// A terminal gets a plain stream on its descriptor, because writing through System.Console
    /// first switches the terminal into keypad mode, which prints an escape sequence. Files and
    /// pipes go through System.Console, which writes at the descriptor's shared offset (a
    /// FileStream would keep its own, and stdout and stderr redirected to one file would
    /// overwrite each other).
    /// </summary>
    private static Stream StandardStream(int descriptor, bool redirected)
    {
        if (redirected) return descriptor == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError();
        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
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
        catch (CommandFailedException e)
        {
            await context.Error.WriteLineAsync($"osprey: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
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
