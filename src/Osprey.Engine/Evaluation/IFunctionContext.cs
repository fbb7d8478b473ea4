using Osprey.Engine.Values;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation;

/// <summary>
/// What standard-library functions may use of their surroundings. Everything that touches files
/// goes through here, so the same functions run against a local directory, a container mount or
/// a test double.
/// </summary>
public interface IFunctionContext
{
    /// <summary>The WDL version of the document being evaluated (drives formatting and coercion rules).</summary>
    WdlVersion Version { get; }

    /// <summary>
    /// The directory relative paths are resolved against and <c>glob</c> searches: the task's working
    /// directory, or a base directory for workflow-level evaluation.
    /// </summary>
    string WorkingDirectory { get; }

    /// <summary>The task's standard output, available only in a task's output section (else null).</summary>
    WdlFile? Stdout { get; }

    /// <summary>The task's standard error, available only in a task's output section (else null).</summary>
    WdlFile? Stderr { get; }

    /// <summary>
    /// The local path where the file or directory at <paramref name="location"/> can be read: a
    /// relative path is resolved against <see cref="WorkingDirectory"/>; a URI must have been
    /// localized. Throws <see cref="WdlValueException"/> when there is no local copy.
    /// </summary>
    string ResolveLocalPath(string location);

    /// <summary>
    /// Creates a new empty file with a unique name in a temporary directory for a <c>write_*</c>
    /// function and returns its absolute path. <paramref name="nameHint"/> (e.g. "write_lines")
    /// may appear in the name.
    /// </summary>
    string CreateTempFile(string nameHint, string extension);

    /// <summary>Cancels long reads and writes.</summary>
    CancellationToken CancellationToken { get; }
}
