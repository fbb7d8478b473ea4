namespace Osprey.Cli.Commands;

/// <summary>The process exit codes every command shares (documented in the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The documents have errors (or a run failed).</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong or a named file cannot be read.</summary>
    public const int Usage = 2;

    /// <summary>A bug in Osprey: an exception nobody expected.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT).</summary>
    public const int Interrupted = 130;
}
