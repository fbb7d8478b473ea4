using Osprey.Engine.Evaluation;
using Osprey.Engine.Planning;
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
public sealed record TaskCall(TaskModel Task, string CallName, string Directory, IReadOnlyDictionary<string, WdlValue> Inputs, string? BaseDirectory = null,
    Action? Started = null);

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
        var task = call.Task;
        var plan = TaskPlan.For(task);
        call = WithAbsolutePaths(call, plan);
        call = await LocalizeInputsAsync(call, cancellationToken).ConfigureAwait(false);
        var version = task.Document.Version;
        // A run directory used before (--dir given twice) holds the last run's attempts: their
        // files would show up in glob() and an old rc file could stand for a new attempt's.
        if (Directory.Exists(call.Directory)) Directory.Delete(call.Directory, recursive: true);
        for (int attempt = 1; ; attempt++)
        {
            var layout = new AttemptLayout(Path.Combine(call.Directory, $"attempt-{attempt}"));
            Directory.CreateDirectory(layout.Work);
            var context = new LocalFunctionContext(version, layout.Work, layout.Temp, cancellationToken: cancellationToken);
            var evaluator = new ExpressionEvaluator(context, task.Document.Structs);

            var scope = new DictionaryScope();
            RuntimeSettings runtime;
            string script;
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                EvaluateDeclarations(call, plan, evaluator, scope, environment);
                runtime = RuntimeSettings.From(EvaluateRuntime(task.Syntax, evaluator, scope));
                if (version >= WdlVersion.V1_2) scope.Set("task", TaskVariable(call, runtime, attempt - 1, null));
                script = task.Syntax.Command is null ? "" : CommandTemplate.Render(task.Syntax.Command, evaluator, scope);
                if (attempt == 1) WarnMixedIndentation(task);
            }
            catch (Exception e) when (e is EvaluationException or RuntimeSettingException or WdlValueException)
            {
                throw new TaskFailedException(call.CallName, $"call '{call.CallName}': {Describe(task, e)}", directory: layout.Root, inner: e);
            }

            string? container = options.NoContainer ? null : runtime.Container;
            await File.WriteAllTextAsync(layout.Script, script, cancellationToken).ConfigureAwait(false);
            var spec = new TaskAttemptSpec(call.CallName, layout.Root, layout.Work, layout.Script, layout.Stdout, layout.Stderr, layout.ReturnCode,
                container, runtime.Cpu, runtime.MemoryBytes ?? options.DefaultMemoryBytes, InputPaths(call.Inputs.Values), environment, call.Started);
            int rc = await backend.ExecuteAsync(spec, cancellationToken).ConfigureAwait(false);

            string? failure = null;
            if (!runtime.AcceptsReturnCode(rc))
                failure = $"call '{call.CallName}' failed: exit code {rc} (accepted: {runtime.ReturnCodesDisplay})";
            else if (runtime.FailOnStderr && new FileInfo(layout.Stderr).Length > 0)
                failure = $"call '{call.CallName}' wrote to stderr and failOnStderr is true";

            if (failure is null)
            {
                try
                {
                    return CollectOutputs(call, plan, evaluator, context, scope, layout, runtime, attempt - 1, rc);
                }
                catch (Exception e) when (e is EvaluationException or WdlValueException or IOException)
                {
                    failure = $"call '{call.CallName}': cannot collect outputs: {Describe(task, e)}";
                }
            }
            if (attempt > runtime.MaxRetries)
                throw new TaskFailedException(call.CallName, failure, rc, layout.Stderr, layout.Root);
            options.Log?.Invoke($"{failure}; retrying (attempt {attempt + 1} of {runtime.MaxRetries + 1})");
        }
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
public sealed record TaskRunOptions(bool NoContainer, long DefaultMemoryBytes, Action<string>? Log = null, FileLocalizer? Files = null);

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
