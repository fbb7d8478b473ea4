using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>
/// Fills <see cref="DocumentModel.Structs"/>: structs copied from imports (renamed by
/// <c>alias</c> clauses, with member types renamed to match) and the document's own structs,
/// whose members may refer to each other in any order but not in a cycle.
/// </summary>
internal sealed class StructBinder(DocumentModel model, DiagnosticBag bag)
{
    private readonly Dictionary<string, StructNode> _own = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    public void BindImported(ImportNode import, DocumentModel imported)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alias in import.Aliases)
        {
            if (!imported.Structs.ContainsKey(alias.Source.Name))
                bag.UnknownStructAlias(alias.Source.Span, alias.Source.Name, import.Uri);
            else
                renames[alias.Source.Name] = alias.Target.Name;
        }
        foreach (var (name, type) in imported.Structs)
        {
            string newName = renames.GetValueOrDefault(name, name);
            var renamed = (StructType)Rename(type, renames);
            if (model.Structs.TryGetValue(newName, out var existing))
            {
                if (!StructurallyEqual(existing, renamed)) bag.ConflictingImportedStruct(import.Span, newName);
                continue;
            }
            model.Structs[newName] = renamed;
        }
    }

    public void BindOwn(IReadOnlyList<StructNode> structs)
    {
        foreach (var node in structs)
        {
            if (!_own.TryAdd(node.Name.Name, node)) bag.DuplicateStruct(node.Name.Span, node.Name.Name);
        }
        foreach (var node in structs)
        {
            if (!ReferenceEquals(_own[node.Name.Name], node)) continue;
            var type = ResolveOwn(node.Name.Name, node.Name.Span);
            if (type is StructType s) CheckMeta(node, s);
        }
    }

    /// <summary>Struct lookup used by type resolution everywhere in the document.</summary>
    public WdlType? Lookup(string name, TextSpan usedAt)
    {
        if (_own.ContainsKey(name)) return ResolveOwn(name, usedAt);
        return model.Structs.TryGetValue(name, out var imported) ? imported : null;
    }

    private readonly Dictionary<string, StructType> _ownTypes = new(StringComparer.Ordinal);

    private WdlType ResolveOwn(string name, TextSpan usedAt)
    {
        if (_ownTypes.TryGetValue(name, out var done)) return done;
        if (!_resolving.Add(name))
        {
            bag.RecursiveStruct(usedAt, name);
            return WdlType.Error;
        }
        var node = _own[name];
        var resolver = new TypeResolver(bag, Lookup);
        var members = new List<StructMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in node.Members)
        {
            if (!seen.Add(member.Name.Name)) bag.DuplicateName(member.Name.Span, member.Name.Name, $"struct '{name}'");
            members.Add(new StructMember(member.Name.Name, resolver.Resolve(member.Type)));
        }
        _resolving.Remove(name);
        var type = new StructType(name, members, false);
        // A struct defined here and also imported under the same name must be the same struct.
        if (model.Structs.TryGetValue(name, out var imported) && !StructurallyEqual(imported, type))
            bag.DuplicateStruct(node.Name.Span, name);
        model.Structs[name] = type;
        _ownTypes[name] = type;
        return type;
    }

    private void CheckMeta(StructNode node, StructType type)
    {
        if (node.ParameterMeta is null) return;
        foreach (var entry in node.ParameterMeta.Entries)
            if (type.FindMember(entry.Key.Name) is null) bag.UnknownParameterMetaKey(entry.Key.Span, entry.Key.Name);
    }

    private static WdlType Rename(WdlType type, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return type;
        return type switch
        {
            StructType s => s with
            {
                Name = renames.GetValueOrDefault(s.Name, s.Name),
                Members = s.Members.Select(m => m with { Type = Rename(m.Type, renames) }).ToList(),
            },
            ArrayType a => a with { Element = Rename(a.Element, renames) },
            MapType m => m with { Key = Rename(m.Key, renames), Value = Rename(m.Value, renames) },
            PairType p => p with { Left = Rename(p.Left, renames), Right = Rename(p.Right, renames) },
            _ => type,
        };
    }

    /// <summary>Same member names and types in the same order; struct names inside may differ (aliases).</summary>
    public static bool StructurallyEqual(WdlType a, WdlType b) => (a, b) switch
    {
        (StructType x, StructType y) => x.IsOptional == y.IsOptional && x.Members.Count == y.Members.Count
            && x.Members.Zip(y.Members).All(p => p.First.Name == p.Second.Name && StructurallyEqual(p.First.Type, p.Second.Type)),
        (ArrayType x, ArrayType y) => x.IsOptional == y.IsOptional && x.NonEmpty == y.NonEmpty && StructurallyEqual(x.Element, y.Element),
        (MapType x, MapType y) => x.IsOptional == y.IsOptional && StructurallyEqual(x.Key, y.Key) && StructurallyEqual(x.Value, y.Value),
        (PairType x, PairType y) => x.IsOptional == y.IsOptional && StructurallyEqual(x.Left, y.Left) && StructurallyEqual(x.Right, y.Right),
        _ => a == b,
    };
}
