using System.Text.Json;
using Osprey.Engine.Planning;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Recording;

/// <summary>Task outputs read back from their stored JSON, as the types the task declares.</summary>
public static class StoredOutputs
{
    /// <summary>The outputs in the task's declaration order; a declared output with no stored value is None.</summary>
    public static WdlObject Read(TaskModel task, IReadOnlyDictionary<string, string> json)
    {
        var outputs = new List<KeyValuePair<string, WdlValue>>();
        foreach (var (decl, type) in TaskPlan.For(task).Outputs)
        {
            string name = decl.Name.Name;
            if (!json.TryGetValue(name, out var text))
            {
                outputs.Add(new(name, WdlNone.Instance));
                continue;
            }
            using var document = JsonDocument.Parse(text);
            outputs.Add(new(name, Read(task, type, name, document.RootElement)));
        }
        return WdlObject.Create(outputs);
    }

    public static WdlValue Read(TaskModel task, WdlType type, string name, JsonElement json) =>
        ValueJson.ReadInput(json, type, name, task.Document.Version);
}
