using System.Collections;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Tests.Syntax;

/// <summary>Visits every node of a tree by reflection, for invariants that must hold for any input.</summary>
internal static class SyntaxTreeWalker
{
    public static IEnumerable<(SyntaxNode Node, SyntaxNode? Parent)> Walk(SyntaxNode root)
    {
        var stack = new Stack<(SyntaxNode, SyntaxNode?)>();
        stack.Push((root, null));
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            yield return (node, parent);
            foreach (var child in Children(node)) stack.Push((child, node));
        }
    }

    private static IEnumerable<SyntaxNode> Children(SyntaxNode node)
    {
        foreach (var property in node.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract") continue;
            if (node is CallNode && property.Name == nameof(CallNode.CallName)) continue;
            var value = property.GetValue(node);
            if (value is SyntaxNode child) yield return child;
            else if (value is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    if (item is SyntaxNode element) yield return element;
                }
            }
        }
    }

    /// <summary>Every span lies inside the document, and (except trivia) inside its parent's span.</summary>
    public static void AssertSpansNest(Document document)
    {
        int length = document.Source.Length;
        foreach (var (node, parent) in Walk(document))
        {
            Assert.True(node.Span.Start >= 0 && node.Span.End <= length, $"{node.GetType().Name} span {node.Span} outside the document (length {length})");
            if (parent is null || node is Comment) continue;
            Assert.True(node.Span.Start >= parent.Span.Start && node.Span.End <= parent.Span.End,
                $"{node.GetType().Name} {node.Span} is not inside its parent {parent.GetType().Name} {parent.Span}");
        }
    }
}
