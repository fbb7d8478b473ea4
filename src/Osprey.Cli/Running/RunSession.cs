using System.Text;
using System.Text.Json;
using Osprey.Cli.Commands;
using Osprey.Engine.Caching;
using Osprey.Engine.Recording;
using Osprey.Engine.Running;
using Osprey.Engine.State;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Cli.Running;

/// <summary>
/// Runs a prepared target to its end and reports it, for both <c>osprey run</c> and <c>osprey
/// resume</c>: progress on stderr; on success one JSON object on stdout and DIR/outputs.json;
/// on failure the reason on stderr and in DIR/error.json. The run's end is durable in the store
/// before it is reported.
/// </summary>
public sealed record RunSession(CliContext Context, Guid Id, CallableModel Target, CallInputs Inputs, string Directory, RunJournal Journal, CallCache? Cache, bool NoContainer)
{
    public async Task<int> ExecuteAsync()
    {
        // A directory used before holds the last run's result; tools read these files as this run's.
        File.Delete(Path.Combine(Directory, "outputs.json"));
        File.Delete(Path.Combine(Directory, "error.json"));
        string id = Id.ToString();

        var progress = new RunProgress();
        await using var reporter = new ProgressReporter(Context.Error, progress, interactive: Context.ColorOutput && !Console.IsErrorRedirected);
        var options = new LocalRunOptions(NoContainer, reporter.Log, Context.CurrentDirectory, Journal: Journal, Cache: Cache);
        WdlObject outputs;
        try
        {
            reporter.Log($"run {id}: {Target.Name} in {Directory}");
            Journal.RunRunning();
            outputs = await LocalRun.RunAsync(Target, Inputs, Directory, options, progress, Context.CancellationToken).ConfigureAwait(false);
        }
        catch (RunFailedException e)
        {
            await reporter.DisposeAsync().ConfigureAwait(false);
            await Journal.RunEndedAsync(RunStatus.Failed, e.Message, []).ConfigureAwait(false);
            await RunFailure.ReportAsync(Context.Error, Directory, id, Target.Name, e).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (Context.CancellationToken.IsCancellationRequested)
        {
            // Interrupted: the tasks are already killed; leave a record, then exit as interrupted.
            await reporter.DisposeAsync().ConfigureAwait(false);
            await Journal.RunEndedAsync(RunStatus.Aborted, "interrupted (Ctrl-C or SIGTERM)", []).ConfigureAwait(false);
            await RunFailure.WriteErrorJsonAsync(Directory, id, Target.Name, "aborted", "interrupted (Ctrl-C or SIGTERM)", null).ConfigureAwait(false);
            throw;
        }
        await reporter.DisposeAsync().ConfigureAwait(false);

        var named = outputs.MemberNames.Select(n => new KeyValuePair<string, WdlValue>($"{Target.Name}.{n}", outputs.TryGetMember(n, out var v) ? v : WdlNone.Instance)).ToList();
        await Journal.RunEndedAsync(RunStatus.Succeeded, null, named).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(Directory, "outputs.json"), OutputsJson(named) + "\n").ConfigureAwait(false);
        await Context.Out.WriteLineAsync(ResultJson(id, Directory, named)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string OutputsJson(IEnumerable<KeyValuePair<string, WdlValue>> outputs)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ValueJson.OutputWriterOptions with { Indented = true }))
            ValueJson.WriteOutputs(writer, outputs);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ResultJson(string id, string directory, IEnumerable<KeyValuePair<string, WdlValue>> outputs)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ValueJson.OutputWriterOptions with { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("dir", directory);
            writer.WritePropertyName("outputs");
            ValueJson.WriteOutputs(writer, outputs);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
