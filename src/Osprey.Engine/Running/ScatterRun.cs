using Osprey.Engine.Evaluation;
using Osprey.Engine.Planning;
using Osprey.Engine.Values;
using Osprey.Wdl.Semantics;
using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Running;

/// <summary>
/// A scatter being run: shards are started lazily (at most the scheduler's window at once), and
/// each finished shard keeps only the values its body publishes, so memory per shard is the
/// published values plus a few dozen bytes. When all shards are done the values are gathered
/// into arrays (call outputs member by member) in the enclosing block's scope.
/// </summary>
internal sealed class ScatterRun(WorkflowInstance workflow, BlockRun parent, BlockPlanNode node, Action done)
{
    private WdlArray _items = null!;
    private WdlValue[][] _results = null!;
    private int _next, _finished;

    private ScatterNode Syntax => (ScatterNode)node.Syntax;

    public void Start()
    {
        var collection = workflow.Evaluator.Evaluate(Syntax.Collection, parent.Scope);
        _items = collection as WdlArray
            ?? throw new EvaluationException(Syntax.Collection.Span, $"scatter needs an array, got {ValueCoercion.Describe(collection)}");
        _results = new WdlValue[_items.Count][];
        if (_items.Count == 0)
        {
            Gather();
            return;
        }
        int window = Math.Min(workflow.Scheduler.ScatterWindow, _items.Count);
        for (int i = 0; i < window; i++) StartNext();
    }

    private void StartNext()
    {
        if (_next >= _items.Count || workflow.Scheduler.Stopping) return;
        int index = _next++;
        var scope = new DictionaryScope(parent.Scope);
        scope.Set(Syntax.Variable.Name, _items[index]);
        int[] shard = [.. parent.Shard, index];
        var body = new BlockRun(workflow, node.Body, scope, shard, finished => ShardDone(index, finished));
        body.Start();
    }

    private void ShardDone(int index, BlockRun shard)
    {
        var published = node.Body.Published;
        var values = new WdlValue[published.Count];
        for (int i = 0; i < values.Length; i++)
            values[i] = shard.Scope.TryLookup(published[i].Name, out var v) ? v : WdlNone.Instance;
        _results[index] = values;
        if (++_finished == _items.Count) Gather();
        else workflow.Scheduler.Enqueue(StartNext);
    }

    private void Gather()
    {
        var published = node.Body.Published;
        for (int p = 0; p < published.Count; p++)
        {
            var name = published[p];
            if (name.CallOutputs is null)
            {
                parent.Scope.Set(name.Name, WdlArray.Create(name.Type, Column(p)));
                continue;
            }
            var members = new List<KeyValuePair<string, WdlValue>>();
            foreach (var output in name.CallOutputs)
            {
                var items = new WdlValue[_results.Length];
                for (int s = 0; s < items.Length; s++)
                    items[s] = ((IMemberValue)_results[s][p]).TryGetMember(output.Name, out var v) ? v : WdlNone.Instance;
                members.Add(new(output.Name, WdlArray.Create(output.Type, items)));
            }
            parent.Scope.Set(name.Name, WdlObject.Create(members));
        }
        _results = [];
        done();
    }

    private WdlValue[] Column(int p)
    {
        var column = new WdlValue[_results.Length];
        for (int s = 0; s < column.Length; s++) column[s] = _results[s][p];
        return column;
    }
}
