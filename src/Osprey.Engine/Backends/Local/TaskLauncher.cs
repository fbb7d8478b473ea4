using Osprey.Engine.Tasks;

namespace Osprey.Engine.Backends.Local;

/// <summary>
/// The bash program that runs one attempt, on the host or as a container's command. Arguments:
/// $1 work dir, $2 script, $3 stdout, $4 stderr, $5 rc file (and on the host $6, the pid file).
/// The script is sourced (one bash process per attempt, not two); the EXIT trap records its exit
/// status however it ends, and <c>set --</c> hides our arguments from it.
/// </summary>
internal static class TaskLauncher
{
    /// <summary>
    /// On the host the launcher first leaves its own /proc stat line (pid and start time) in the
    /// pid file, then waits for the engine's "go" on stdin. An engine that dies before saying go
    /// closes the pipe, and the launcher leaves without running anything; so once a restarted
    /// engine finds no live launcher behind a pid file (or no pid file), the command is not
    /// running and never will, and running the call again cannot run it twice at once.
    /// </summary>
    public const string OnHost = """
        cd "$1" || exit 97
        __osprey_rc=$5
        __osprey_script=$2
        read -r __osprey_stat < /proc/$$/stat && echo "$__osprey_stat" > "$6" || exit 96
        read -r __osprey_go && [ "$__osprey_go" = go ] || exit 95
        trap 'echo $? > "$__osprey_rc"' EXIT
        exec >"$3" 2>"$4" </dev/null
        set --
        . "$__osprey_script"

        """;

    /// <summary>The line the engine writes to a host launcher's stdin to let the command start.</summary>
    public const string Go = "go";

    /// <summary>
    /// As <see cref="OnHost"/>, and before recording the exit status the trap opens up what the
    /// task created when the container's user does not own the work directory (rootful docker
    /// under a non-root engine, or an image with its own USER): otherwise the engine could read
    /// those files but not remove them. The work directory's entries are named rather than the
    /// directory itself, because busybox's chmod -R stops at a top it may not change; one chmod
    /// per entry only if one for all fails (say, too many names). Its errors go nowhere (stderr
    /// is the task's own by then, see failOnStderr), an image without chmod skips this, and
    /// `|| :` keeps a script's <c>set -e</c> from ending the trap before rc is written.
    /// </summary>
    public const string InContainer = """
        cd "$1" || exit 97
        __osprey_rc=$5
        __osprey_script=$2
        __osprey_work=$1
        __osprey_streams=("$3" "$4")
        __osprey_open_up() {
          [ -O "$__osprey_work" ] && return 0
          shopt -s nullglob dotglob
          local entries=("$__osprey_work"/* "${__osprey_streams[@]}") entry
          chmod -R a+rwX "${entries[@]}" || for entry in "${entries[@]}"; do chmod -R a+rwX "$entry" || :; done
        } >/dev/null 2>&1
        trap '__osprey_status=$?; __osprey_open_up || :; echo $__osprey_status > "$__osprey_rc"' EXIT
        exec >"$3" 2>"$4" </dev/null
        set --
        . "$__osprey_script"

        """;

    /// <summary>What follows <c>bash -c InContainer</c>: $0 and the five paths.</summary>
    public static string[] Arguments(TaskAttemptSpec attempt) =>
        ["osprey-task", attempt.WorkDirectory, attempt.ScriptPath, attempt.StdoutPath, attempt.StderrPath, attempt.ReturnCodePath];

    /// <summary>What follows <c>bash -c OnHost</c>: as in a container, and the pid file.</summary>
    public static string[] HostArguments(TaskAttemptSpec attempt) => [.. Arguments(attempt), LocalJobFiles.PidFile(attempt)];
}
