using System.Text.Json;
using Osprey.Engine.Running;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Inputs;

/// <summary>The target of a run and its checked inputs, or every reason it cannot start.</summary>
public sealed record RunInputs(CallableModel? Target, CallInputs Inputs, IReadOnlyList<string> Errors)
{
    public bool IsValid => Target is not null && Errors.Count == 0;

    /// <summary>
    /// Picks the target (<paramref name="taskName"/>, else the workflow, else the only task),
    /// reads the inputs file (relative files resolve against its directory, then the current
    /// directory), applies <c>key=value</c> overrides, and checks that nothing required is missing.
    /// <paramref name="currentDirectory"/> defaults to the process's.
    /// </summary>
    public static RunInputs Prepare(DocumentModel document, string? taskName, string? inputsPath, IReadOnlyList<(string Key, string Value)> arguments,
        string? currentDirectory = null)
    {
        var target = LocalRun.SelectTarget(document, taskName, out var targetError);
        if (target is null) return new RunInputs(null, new CallInputs(), [targetError!]);

        string? directory = inputsPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(inputsPath));
        var binder = new InputBinder(target, directory, currentDirectory);
        if (inputsPath is not null)
        {
            try
            {
                using var stream = File.OpenRead(inputsPath);
                using var json = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                binder.AddJson(json.RootElement, inputsPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new RunInputs(target, new CallInputs(), [$"cannot read inputs file '{inputsPath}': {e.Message}"]);
            }
            catch (JsonException e)
            {
                return new RunInputs(target, new CallInputs(), [$"{inputsPath}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: invalid JSON: {FirstSentence(e.Message)}"]);
            }
        }
        binder.AddArguments(arguments);
        binder.CheckRequired();
        return new RunInputs(target, binder.Inputs, binder.Errors);
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
