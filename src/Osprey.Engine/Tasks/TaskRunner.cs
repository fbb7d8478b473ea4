using Osprey.Engine.Caching;
using Osprey.Engine.Evaluation;
using Osprey.Engine.Planning;
using Osprey.Engine.Recording;
using Osprey.Engine.State;
using Osprey.Engine.Storage;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Tasks;

/// <summary>A task call to run: the task, its fully qualified call name, its directory, and the input values the caller set.</summary>
/// <param name="BaseDirectory">
/// What relative File/Directory inputs are relative to: the directory the workflow's own
/// expressions resolve paths against (a task runs in its own directory, where they would not exist).
/// </param>
/// <param name="Started">Called when an attempt gets its resources and starts (for progress).</param>
/// <param name="Record">The call's record in the run store, if the run is recorded.</param>
public sealed record TaskCall(TaskModel Task, string CallName, string Directory, IReadOnlyDictionary<string, WdlValue> Inputs, string? BaseDirectory = null,
    Action? Started = null, CallRecord? Record = null);

/// <summary>
/// Runs one task call: evaluates its declarations, renders the command, runs attempts on the
/// backend (retrying up to maxRetries), and collects the outputs. Each attempt gets its own
/// directory: <c>attempt-N/</c> with <c>command</c>, <c>stdout</c>, <c>stderr</c>, <c>rc</c> and <c>work/</c>.
/// </summary>
public sealed class TaskRunner(ITaskBackend backend, TaskRunOptions options)
{
    private readonly HashSet<TaskModel> _warned = new(ReferenceEqualityComparer.Instance);

    public async Task<WdlObject> RunAsync(TaskCall call, CancellationToken cancellationToken)
    {
        var record = call.Record;
        try
        {
            var outputs = await RunAttemptsAsync(call, cancellationToken).ConfigureAwait(false);
            // Durable before visible: the caller hands these outputs on only once the store has them.
            if (record is not null) await record.SucceededAsync(outputs, CancellationToken.None).ConfigureAwait(false);
            return outputs;
        }
        catch (TaskFailedException e)
        {
            record?.Failed(e.Message, aborted: false);
            throw;
        }
        catch (OperationCanceledException)
        {
            record?.Failed("cancelled", aborted: true);
            throw;
        }
    }

    private async Task<WdlObject> RunAttemptsAsync(TaskCall call, CancellationToken cancellationToken)
    {
        var task = call.Task;
        var plan = TaskPlan.For(task);
        var record = call.Record;
        call = WithAbsolutePaths(call, plan);
        call = await LocalizeInputsAsync(call, cancellationToken).ConfigureAwait(false);
        var version = task.Document.Version;
        var numbering = AttemptNumbering.For(call);
        int failures = 0;
        // Looked up before the first attempt; a call that succeeds on a retry is still entered under it.
        CallCacheKey? cacheKey = null;
        for (int attempt = numbering.First; ; attempt++)
        {
            bool adopting = attempt == numbering.Adopt;
            var layout = new AttemptLayout(Path.Combine(call.Directory, $"attempt-{attempt}"));
            Directory.CreateDirectory(layout.Work);
            var context = new LocalFunctionContext(version, layout.Work, layout.Temp, cancellationToken: cancellationToken);
            var evaluator = new ExpressionEvaluator(context, task.Document.Structs);

            var scope = new DictionaryScope();
            Dictionary<string, WdlValue> runtimeValues;
            RuntimeSettings runtime;
            string script;
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                EvaluateDeclarations(call, plan, evaluator, scope, environment);
                runtimeValues = EvaluateRuntime(task.Syntax, evaluator, scope);
                runtime = RuntimeSettings.From(runtimeValues);
                if (version >= WdlVersion.V1_2) scope.Set("task", TaskVariable(call, runtime, failures, null));
                script = task.Syntax.Command is null ? "" : CommandTemplate.Render(task.Syntax.Command, evaluator, scope);
                if (attempt == numbering.First) WarnMixedIndentation(task);
            }
            catch (Exception e) when (e is EvaluationException or RuntimeSettingException or WdlValueException)
            {
                throw new TaskFailedException(call.CallName, $"call '{call.CallName}': {Describe(task, e)}", directory: layout.Root, inner: e);
            }

            string? container = options.NoContainer ? null : runtime.Container;
            if (!adopting && failures == 0 && cacheKey is null && options.Cache is { } cache && record is not null)
            {
                cacheKey = cache.KeyFor(task, script, InputValues(plan, scope), container, runtimeValues, layout.Root);
                if (await cache.TryReuseAsync(cacheKey, task, call.Directory, cancellationToken).ConfigureAwait(false) is { } hit)
                {
                    record.CacheResolved(CacheResult.Hit, hit.SourceCallId);
                    Directory.Delete(layout.Root, recursive: true);
                    return hit.Values;
                }
                record.CacheResolved(cache.Reads ? CacheResult.Miss : CacheResult.Disabled);
            }
            else if (attempt == numbering.First && !adopting && options.Cache is null)
            {
                record?.CacheResolved(CacheResult.Disabled);
            }

            if (!adopting) await File.WriteAllTextAsync(layout.Script, script, cancellationToken).ConfigureAwait(false);
            record?.AttemptCreated(attempt, layout.Stdout, layout.Stderr);
            var spec = new TaskAttemptSpec(call.CallName, layout.Root, layout.Work, layout.Script, layout.Stdout, layout.Stderr, layout.ReturnCode,
                container, runtime.Cpu, runtime.MemoryBytes ?? options.DefaultMemoryBytes, InputPaths(call.Inputs.Values), environment, call.Started,
                record is null ? null : job => record.JobStarted(attempt, job));
            int? exit;
            if (adopting)
            {
                record?.Reattached(attempt);
                exit = await backend.ReattachAsync(spec, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                exit = await backend.ExecuteAsync(spec, cancellationToken).ConfigureAwait(false);
            }
            if (exit is not int rc)
            {
                // Started by an engine that died, and gone without an exit code: it did not finish,
                // and nothing is running it now. Not the task's failure, so no retry is used up.
                record?.AttemptEnded(attempt, AttemptStatus.Aborted, null);
                options.Log?.Invoke($"call '{call.CallName}': attempt {attempt} was stopped with the engine that started it; running it again");
                continue;
            }

            string? failure = null;
            if (!runtime.AcceptsReturnCode(rc))
                failure = $"call '{call.CallName}' failed: exit code {rc} (accepted: {runtime.ReturnCodesDisplay})";
            else if (runtime.FailOnStderr && new FileInfo(layout.Stderr).Length > 0)
                failure = $"call '{call.CallName}' wrote to stderr and failOnStderr is true";

            if (failure is null)
            {
                try
                {
                    var outputs = CollectOutputs(call, plan, evaluator, context, scope, layout, runtime, failures, rc);
                    record?.AttemptEnded(attempt, AttemptStatus.Succeeded, rc);
                    if (cacheKey is not null && record is not null) options.Cache!.Remember(cacheKey, task, record.Id, outputs, layout.Root);
                    return outputs;
                }
                catch (Exception e) when (e is EvaluationException or WdlValueException or IOException)
                {
                    failure = $"call '{call.CallName}': cannot collect outputs: {Describe(task, e)}";
                }
            }
            record?.AttemptEnded(attempt, AttemptStatus.Failed, rc);
            if (++failures > runtime.MaxRetries)
                throw new TaskFailedException(call.CallName, failure, rc, layout.Stderr, layout.Root);
            options.Log?.Invoke($"{failure}; retrying (attempt {failures + 1} of {runtime.MaxRetries + 1})");
        }
    }

    /// <summary>The task's input declarations as evaluated (given or defaulted), for the cache key.</summary>
    private static IEnumerable<KeyValuePair<string, WdlValue>> InputValues(TaskPlan plan, DictionaryScope scope)
    {
        foreach (var (decl, _, isInput) in plan.Declarations)
            if (isInput && scope.TryLookup(decl.Name.Name, out var value)) yield return new(decl.Name.Name, value);
    }

    /// <summary>
    /// Inputs coerced to their declared types, with relative File/Directory locations made
    /// absolute against the caller's base directory (a task runs in its own directory).
    /// </summary>
    private static TaskCall WithAbsolutePaths(TaskCall call, TaskPlan plan)
    {
        if (call.BaseDirectory is not { } baseDirectory) return call;
        var version = call.Task.Document.Version;
        var inputs = new Dictionary<string, WdlValue>(call.Inputs, StringComparer.Ordinal);
        foreach (var (decl, type, isInput) in plan.Declarations)
        {
            if (!isInput || !inputs.TryGetValue(decl.Name.Name, out var given)) continue;
            try
            {
                inputs[decl.Name.Name] = FileValues.Map(ValueCoercion.Coerce(given, type, version), (location, _) => Absolute(location, baseDirectory));
            }
            catch (WdlValueException e)
            {
                throw new TaskFailedException(call.CallName, $"call '{call.CallName}': input '{decl.Name.Name}': {e.Message}", directory: call.Directory, inner: e);
            }
        }
        return call with { Inputs = inputs };
    }

    /// <summary>Remote File inputs (http(s) URLs) become local copies, fetched once per URL.</summary>
    private async Task<TaskCall> LocalizeInputsAsync(TaskCall call, CancellationToken cancellationToken)
    {
        if (options.Files is not { } files || !call.Inputs.Values.Any(FileLocalizer.NeedsLocalizing)) return call;
        var local = new Dictionary<string, WdlValue>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, value) in call.Inputs)
                local[name] = await files.LocalizeAsync(value, cancellationToken).ConfigureAwait(false);
        }
        catch (FileLocalizationException e)
        {
            throw new TaskFailedException(call.CallName, $"call '{call.CallName}': {e.Message}", directory: call.Directory, inner: e);
        }
        return call with { Inputs = local };
    }

    private static void EvaluateDeclarations(TaskCall call, TaskPlan plan, ExpressionEvaluator evaluator, DictionaryScope scope, Dictionary<string, string> environment)
    {
        foreach (var (decl, type, isInput) in plan.Declarations)
        {
            string name = decl.Name.Name;
            WdlValue value;
            if (isInput && call.Inputs.TryGetValue(name, out var given))
                value = ValueCoercion.Coerce(given, type, evaluator.Version);
            else if (decl.Initializer is not null)
                value = evaluator.Evaluate(decl.Initializer, type, scope);
            else if (type.IsOptional)
                value = WdlNone.Instance;
            else
                throw new EvaluationException(decl.Name.Span, $"required input '{name}' has no value");
            scope.Set(name, value);
            // Compound values have no text form of their own; JSON is the one the spec suggests.
            if (decl.IsEnv && !value.IsNone)
                environment[name] = ValueText.TryFormatPrimitive(value, evaluator.Version, out var text) ? text : ValueJson.Serialize(value);
        }
    }

    /// <summary>The spec asks for a warning when the command's indentation mixes tabs and spaces; once per task, not per shard.</summary>
    private void WarnMixedIndentation(TaskModel task)
    {
        if (options.Log is null || task.Syntax.Command is not { } command) return;
        lock (_warned)
            if (!_warned.Add(task)) return;
        if (CommandTemplate.MixesTabsAndSpaces(command))
            options.Log($"warning: the command of task '{task.Name}' is indented with both tabs and spaces; its indentation is left as it is");
    }

    private static string Absolute(string location, string baseDirectory) =>
        Path.IsPathRooted(location) || location.Contains("://", StringComparison.Ordinal) ? location : Path.GetFullPath(Path.Combine(baseDirectory, location));

    private static Dictionary<string, WdlValue> EvaluateRuntime(TaskNode task, ExpressionEvaluator evaluator, IEvaluationScope scope)
    {
        var values = new Dictionary<string, WdlValue>(StringComparer.Ordinal);
        // Later sections win: runtime (draft-2 to 1.1), then 1.2 requirements; hints never override requirements.
        foreach (var entry in task.Hints?.Entries ?? [])
            if (entry.Value is not HintsLiteral) values[entry.Key.Name] = evaluator.Evaluate(entry.Value, scope);
        foreach (var section in new[] { task.Runtime, task.Requirements })
            foreach (var entry in section?.Entries ?? [])
                values[entry.Key.Name] = evaluator.Evaluate(entry.Value, scope);
        return values;
    }

    private WdlObject CollectOutputs(TaskCall call, TaskPlan plan, ExpressionEvaluator evaluator, LocalFunctionContext context, DictionaryScope scope,
        AttemptLayout layout, RuntimeSettings runtime, int attempt, int rc)
    {
        var outputContext = context.WithStandardStreams(layout.Stdout, layout.Stderr);
        var outputEvaluator = new ExpressionEvaluator(outputContext, call.Task.Document.Structs);
        if (call.Task.Document.Version >= WdlVersion.V1_2) scope.Set("task", TaskVariable(call, runtime, attempt, rc));
        var outputs = new List<KeyValuePair<string, WdlValue>>();
        var allowed = new OutputPlaces(layout.Root, InputPaths(call.Inputs.Values));
        foreach (var (decl, type) in plan.Outputs)
        {
            // Coerce first (e.g. read_lines() strings into Array[Int], String into File), then
            // make the File values absolute and check that they exist.
            var value = outputEvaluator.Evaluate(decl.Initializer!, type, scope);
            value = OutputFiles.Resolve(value, type, layout.Work, decl.Name.Name, allowed);
            scope.Set(decl.Name.Name, value);
            outputs.Add(new(decl.Name.Name, value));
        }
        return WdlObject.Create(outputs);
    }

    /// <summary>The 1.2 <c>task</c> value: what the engine actually gave this attempt.</summary>
    private WdlObject TaskVariable(TaskCall call, RuntimeSettings runtime, int attempt, int? rc)
    {
        var syntax = call.Task.Syntax;
        return WdlObject.Create(new Dictionary<string, WdlValue>
        {
            ["name"] = WdlString.Of(call.Task.Name),
            ["id"] = WdlString.Of(call.CallName),
            ["container"] = options.NoContainer || runtime.Container is null ? WdlNone.Instance : WdlString.Of(runtime.Container),
            ["cpu"] = WdlFloat.Of(runtime.Cpu),
            ["memory"] = WdlInt.Of(runtime.MemoryBytes ?? options.DefaultMemoryBytes),
            ["gpu"] = WdlArray.Empty(WdlType.String),
            ["fpga"] = WdlArray.Empty(WdlType.String),
            ["disks"] = WdlMap.Empty(WdlType.String, WdlType.Int),
            ["attempt"] = WdlInt.Of(attempt),
            ["end_time"] = WdlNone.Instance,
            ["return_code"] = rc is null ? WdlNone.Instance : WdlInt.Of(rc.Value),
            ["meta"] = MetaValues.ToObject(syntax.Meta),
            ["parameter_meta"] = MetaValues.ToObject(syntax.ParameterMeta),
            ["ext"] = WdlObject.Empty,
        });
    }

    private static List<string> InputPaths(IEnumerable<WdlValue> values)
    {
        var paths = new List<string>();
        foreach (var value in values) OutputFiles.CollectPaths(value, paths);
        return paths;
    }

    private static string Describe(TaskModel task, Exception e)
    {
        if (e is EvaluationException ee)
        {
            var (line, column) = task.Document.Syntax.Source.GetLineColumn(ee.Span.Start);
            return $"{task.Document.Syntax.Source.Path}:{line}:{column}: {e.Message}";
        }
        return e.Message;
    }
}

/// <summary>Engine settings that shape every task attempt.</summary>
/// <param name="Cache">The call cache, when calls are recorded and caching is not turned off.</param>
public sealed record TaskRunOptions(bool NoContainer, long DefaultMemoryBytes, Action<string>? Log = null, FileLocalizer? Files = null, CallCache? Cache = null);

/// <summary>The files of one attempt.</summary>
internal sealed record AttemptLayout(string Root)
{
    public string Work => Path.Combine(Root, "work");
    public string Temp => Path.Combine(Root, "tmp");
    public string Script => Path.Combine(Root, "command");
    public string Stdout => Path.Combine(Root, "stdout");
    public string Stderr => Path.Combine(Root, "stderr");
    public string ReturnCode => Path.Combine(Root, "rc");
}
