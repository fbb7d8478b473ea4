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
        // Edges are visited in index (source) order so the report does not depend on hashing.
        int count = _nodes.Count;
        var edges = new int[count][];
        for (int n = 0; n < count; n++)
        {
            edges[n] = new int[_edges[n].Count];
            _edges[n].CopyTo(edges[n]);
            Array.Sort(edges[n]);
        }
        var colour = new byte[count]; // 0 white, 1 on stack, 2 done
        var reported = new HashSet<int>();
        var order = new int[count];
        for (int n = 0; n < count; n++) order[n] = n;
        Array.Sort(order, (a, b) => _nodes[a].Span.Start.CompareTo(_nodes[b].Span.Start));
        var stack = new List<int>();
        var next = new List<int>();
        foreach (int start in order)
        {
            if (colour[start] != 0) continue;
            stack.Add(start);
            next.Add(0);
            colour[start] = 1;
            while (stack.Count > 0)
            {
                int top = stack[^1];
                if (next[^1] < edges[top].Length)
                {
                    int target = edges[top][next[^1]++];
                    if (colour[target] == 0)
                    {
                        colour[target] = 1;
                        stack.Add(target);
                        next.Add(0);
                    }
                    else if (colour[target] == 1)
                    {
                        ReportCycle(bag, stack.GetRange(stack.IndexOf(target), stack.Count - stack.IndexOf(target)), reported);
                    }
                }
                else
                {
                    colour[top] = 2;
                    stack.RemoveAt(stack.Count - 1);
                    next.RemoveAt(next.Count - 1);
                }
            }
        }
    }

    private void ReportCycle(DiagnosticBag bag, List<int> cycle, HashSet<int> reported)
    {
        if (cycle.Exists(reported.Contains)) return;
        reported.UnionWith(cycle);
        int first = cycle.OrderBy(i => _nodes[i].Span.Start).First();
        int rotate = cycle.IndexOf(first);
        var names = cycle.Skip(rotate).Concat(cycle.Take(rotate)).Select(i => _nodes[i].Name).ToList();
        names.Add(_nodes[first].Name);
        bag.DependencyCycle(_nodes[first].Span, string.Join(" -> ", names));
    }
}
