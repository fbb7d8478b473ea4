using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>A named thing an expression can refer to, with the scatter/if blocks that enclose it.</summary>
internal abstract record Symbol(string Name, SyntaxNode Node, IReadOnlyList<WorkflowElement> Blocks);

/// <summary>A declaration, input, output, scatter variable, or the 1.2 <c>task</c> variable.</summary>
internal sealed record ValueSymbol(string Name, WdlType Type, SyntaxNode Node, IReadOnlyList<WorkflowElement> Blocks) : Symbol(Name, Node, Blocks);

/// <summary>A call: referenced only through its outputs (<c>call.out</c>). Callee is null when unresolved.</summary>
internal sealed record CallSymbol(string Name, CallableModel? Callee, CallNode Call, IReadOnlyList<WorkflowElement> Blocks) : Symbol(Name, Call, Blocks);

/// <summary>
/// Names visible at one place. A workflow has one flat scope for all its names (they must be
/// unique across nested blocks); scatter bodies add the scatter variable; outputs see everything.
/// <see cref="Blocks"/> is where the referencing expression sits, so a reference to a name declared
/// inside a scatter or if from outside it gets the gathered type (Array[T] or T?).
/// </summary>
internal sealed class Scope(Scope? parent, IReadOnlyList<WorkflowElement> blocks)
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);

    public static readonly IReadOnlyList<WorkflowElement> TopLevel = Array.Empty<WorkflowElement>();

    public IReadOnlyList<WorkflowElement> Blocks { get; } = blocks;

    public Scope? Parent => parent;

    /// <summary>Adds a symbol; returns the existing one when the name is taken.</summary>
    public Symbol? TryAdd(Symbol symbol)
    {
        if (Lookup(symbol.Name) is { } existing) return existing;
        _symbols[symbol.Name] = symbol;
        return null;
    }

    public Symbol? Lookup(string name)
    {
        for (var s = this; s is not null; s = s.Parent)
            if (s._symbols.TryGetValue(name, out var symbol)) return symbol;
        return null;
    }

    public Scope WithBlocks(IReadOnlyList<WorkflowElement> newBlocks) => new(this, newBlocks);

    /// <summary>The type of a value declared at <paramref name="symbolBlocks"/> as seen from <see cref="Blocks"/>.</summary>
    public WdlType Gather(WdlType type, IReadOnlyList<WorkflowElement> symbolBlocks)
    {
        int common = 0;
        while (common < symbolBlocks.Count && common < Blocks.Count && ReferenceEquals(symbolBlocks[common], Blocks[common])) common++;
        for (int i = symbolBlocks.Count - 1; i >= common; i--)
        {
            type = symbolBlocks[i] switch
            {
                ScatterNode => WdlType.ArrayOf(type),
                ConditionalNode => type.Optional,
                _ => type,
            };
        }
        return type;
    }
}
