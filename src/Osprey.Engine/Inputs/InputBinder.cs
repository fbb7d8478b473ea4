using System.Text.Json;
using Osprey.Engine.Running;
using Osprey.Engine.Tasks;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Inputs;

/// <summary>
/// Reads the user's inputs (a Cromwell-style JSON object plus <c>key=value</c> overrides) for a
/// workflow or task and checks all of them before anything runs: unknown keys, values of the
/// wrong type, missing required inputs (including call inputs left open), and local files that
/// do not exist. Every problem is collected, so the user sees them all at once.
/// </summary>
/// <param name="currentDirectory">Where relative files not found next to the inputs file are looked for (default: the process's current directory).</param>
public sealed class InputBinder(CallableModel target, string? inputsDirectory, string? currentDirectory = null)
{
    private readonly List<string> _errors = new();
    private readonly CallInputs _root = new();

    // Keys given a value that was rejected: already reported, so not reported missing as well.
    private readonly HashSet<string> _rejected = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Errors => _errors;

    public CallInputs Inputs => _root;

    /// <summary>Adds every member of the inputs JSON object; keys must start with the target's name.</summary>
    public void AddJson(JsonElement json, string sourceName)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            _errors.Add($"{sourceName}: the inputs must be a JSON object of \"{target.Name}.<input>\": value");
            return;
        }
        foreach (var member in json.EnumerateObject())
        {
            string key = member.Name;
            if (!key.StartsWith(target.Name + ".", StringComparison.Ordinal))
            {
                _errors.Add($"unknown input '{key}': keys must start with '{target.Name}.'");
                continue;
            }
            Assign(key, key[(target.Name.Length + 1)..], member.Value);
        }
    }

    /// <summary>Adds <c>key=value</c> arguments (the target prefix is optional). Repeating a key makes an array.</summary>
    public void AddArguments(IReadOnlyList<(string Key, string Value)> arguments)
    {
        foreach (var group in arguments.GroupBy(a => a.Key.StartsWith(target.Name + ".", StringComparison.Ordinal) ? a.Key[(target.Name.Length + 1)..] : a.Key))
        {
            string path = group.Key;
            string key = $"{target.Name}.{path}";
            var type = Resolve(path, key, out _);
            if (type is null) continue;
            var texts = group.Select(g => g.Value).ToList();
            string json = type.Required is ArrayType array && (texts.Count > 1 || !texts[0].TrimStart().StartsWith('['))
                ? "[" + string.Join(",", texts.Select(t => ArgumentJson(t, array.Element))) + "]"
                : ArgumentJson(texts[^1], type);
            try
            {
                using var doc = JsonDocument.Parse(json);
                Assign(key, path, doc.RootElement);
            }
            catch (JsonException)
            {
                _rejected.Add(key);
                _errors.Add($"input '{key}': '{texts[^1]}' is not a valid {type.Display}");
            }
        }
    }

    /// <summary>Strings (and files) are taken as written; anything else is parsed as JSON.</summary>
    private static string ArgumentJson(string text, WdlType type) =>
        type.Required is PrimitiveType { Kind: PrimitiveKind.String or PrimitiveKind.File or PrimitiveKind.Directory } && !text.StartsWith('"')
            ? JsonSerializer.Serialize(text, InputJsonContext.Default.String)
            : text;

    private void Assign(string key, string path, JsonElement json)
    {
        var type = Resolve(path, key, out var owner);
        if (type is null || owner is null) return;
        try
        {
            var value = ValueJson.ReadInput(json, type, key, target.Document.Version);
            value = LocalFiles.Resolve(value, key, inputsDirectory, _errors, currentDirectory);
            owner.Values[path[(path.LastIndexOf('.') + 1)..]] = value;
        }
        catch (WdlValueException e)
        {
            _rejected.Add(key);
            _errors.Add(e.Message);
        }
    }

    /// <summary>Finds the declared type for a dotted input path (<c>x</c>, <c>call.x</c>, <c>sub.call.x</c>).</summary>
    private WdlType? Resolve(string path, string key, out CallInputs? owner)
    {
        owner = null;
        var parts = path.Split('.');
        CallableModel callable = target;
        var inputs = _root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            var call = (callable as WorkflowModel)?.Calls.Find(c => c.Name == parts[i]);
            if (call is null)
            {
                _errors.Add($"unknown input '{key}': '{callable.Name}' has no call named '{parts[i]}'");
                return null;
            }
            string inputName = parts[^1];
            if (i == parts.Length - 2 && call.SuppliedInputs.Contains(inputName))
            {
                _errors.Add($"input '{key}' cannot be set: the call to '{call.Callee.Name}' already sets '{inputName}'");
                return null;
            }
            callable = call.Callee;
            inputs = inputs.GetOrAddCall(call.Name);
        }
        var input = callable.FindInput(parts[^1]);
        if (input is null)
        {
            string hint = callable.FindOutput(parts[^1]) is not null ? " (that is an output)" : "";
            _errors.Add($"unknown input '{key}': '{callable.Name}' has no input '{parts[^1]}'{hint}");
            return null;
        }
        owner = inputs;
        return input.Type;
    }

    /// <summary>After all inputs are added: reports required inputs that have no value, at every level.</summary>
    public void CheckRequired()
    {
        CheckRequired(target, _root, target.Name, calledWith: null);
    }

    private void CheckRequired(CallableModel callable, CallInputs inputs, string prefix, CallModel? calledWith)
    {
        foreach (var input in callable.Inputs)
            if (input.IsRequired && !inputs.Values.ContainsKey(input.Name) && calledWith?.SuppliedInputs.Contains(input.Name) != true
                && !_rejected.Contains($"{prefix}.{input.Name}"))
                _errors.Add($"missing required input '{prefix}.{input.Name}' ({input.Type.Display})");
        if (callable is WorkflowModel workflow)
            foreach (var call in workflow.Calls)
                CheckRequired(call.Callee, inputs.ForCall(call.Name), $"{prefix}.{call.Name}", call);
    }
}
