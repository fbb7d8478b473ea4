using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// Which named elements (declarations, calls, outputs) refer to which, to find cycles such as
/// <c>Int i = j + 1; Int j = i - 2</c>. Each cycle is reported once, at its first element in source order.
/// </summary>
internal sealed class DependencyGraph(Dictionary<SyntaxNode, HashSet<SyntaxNode>> references)
{
    private readonly List<(SyntaxNode Node, string Name, TextSpan Span)> _nodes = new();
    private readonly Dictionary<SyntaxNode, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<HashSet<int>> _edges = new();

    public void AddNode(SyntaxNode node, string name, TextSpan span)
    {
        if (_index.ContainsKey(node)) return;
        _index[node] = _nodes.Count;
        _nodes.Add((node, name, span));
        _edges.Add(new HashSet<int>());
    }

    public void AddEdge(SyntaxNode from, SyntaxNode to)
    {
        if (!_index.TryGetValue(from, out int f) || !_index.TryGetValue(to, out int t)) return;
        _edges[f].Add(t);
        if (!references.TryGetValue(from, out var targets)) references[from] = targets = new HashSet<SyntaxNode>(ReferenceEqualityComparer.Instance);
        targets.Add(to);
    }

    public void ReportCycles(DiagnosticBag bag)
    {
        // Iterative DFS with colours; a back edge closes a cycle that we report along the stack.
        var colour = new byte[_nodes.Count]; // 0 white, 1 on stack, 2 done
        var reported = new HashSet<int>();
        var order = Enumerable.Range(0, _nodes.Count).OrderBy(i => _nodes[i].Span.Start).ToArray();
        foreach (int start in order)
        {
            if (colour[start] != 0) continue;
            var stack = new List<int> { start };
            var iterators = new List<IEnumerator<int>> { _edges[start].OrderBy(i => i).GetEnumerator() };
            colour[start] = 1;
            while (stack.Count > 0)
            {
                var it = iterators[^1];
                if (it.MoveNext())
                {
                    int next = it.Current;
                    if (colour[next] == 0)
                    {
                        colour[next] = 1;
                        stack.Add(next);
                        iterators.Add(_edges[next].OrderBy(i => i).GetEnumerator());
                    }
                    else if (colour[next] == 1)
                    {
                        int from = stack.IndexOf(next);
                        var cycle = stack.Skip(from).ToList();
                        if (cycle.Exists(reported.Contains)) continue;
                        reported.UnionWith(cycle);
                        int first = cycle.OrderBy(i => _nodes[i].Span.Start).First();
                        int rotate = cycle.IndexOf(first);
                        var names = cycle.Skip(rotate).Concat(cycle.Take(rotate)).Select(i => _nodes[i].Name).ToList();
                        names.Add(_nodes[first].Name);
                        bag.DependencyCycle(_nodes[first].Span, string.Join(" -> ", names));
                    }
                }
                else
                {
                    colour[stack[^1]] = 2;
                    stack.RemoveAt(stack.Count - 1);
                    iterators.RemoveAt(iterators.Count - 1);
                }
            }
        }
    }
}
