using Osprey.Engine.Tasks;

namespace Osprey.Engine.Backends.Local;

/// <summary>
/// The bash program that runs one attempt, on the host or as a container's command. Arguments:
/// $1 work dir, $2 script, $3 stdout, $4 stderr, $5 rc file. The script is sourced (one bash
/// process per attempt, not two); the EXIT trap records its exit status however it ends, and
/// <c>set --</c> hides our arguments from it.
/// </summary>
internal static class TaskLauncher
{
    public const string OnHost =
        "cd \"$1\" || exit 97\n__osprey_rc=$5\n__osprey_script=$2\ntrap 'echo $? > \"$__osprey_rc\"' EXIT\nexec >\"$3\" 2>\"$4\" </dev/null\nset --\n. \"$__osprey_script\"\n";

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

    /// <summary>What follows <c>bash -c LAUNCHER</c>: $0 and the five paths.</summary>
    public static string[] Arguments(TaskAttemptSpec attempt) =>
        ["osprey-task", attempt.WorkDirectory, attempt.ScriptPath, attempt.StdoutPath, attempt.StderrPath, attempt.ReturnCodePath];
}
