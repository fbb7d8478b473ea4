using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>
/// One signature of a standard-library function. <see cref="Id"/> is its stable identity, the
/// function name with its parameter list as the spec writes it (e.g. <c>size(Array[File?], [String])</c>);
/// the engine attaches an implementation to each id.
/// </summary>
public sealed record FunctionOverload(
    string Name,
    WdlVersion Since,
    IReadOnlyList<FunctionParameter> Parameters,
    TypePattern Returns)
{
    public string Id => $"{Name}({string.Join(", ", Parameters.Select(p => p.Display))})";

    /// <summary>As the spec writes it: <c>Float size(Array[File?], [String])</c>.</summary>
    public string Signature => $"{Returns.Display} {Id}";

    public int MinArguments => Parameters.Count(p => !p.IsOptional);

    public int MaxArguments => Parameters.Count;

    public bool AcceptsCount(int count) => count >= MinArguments && count <= MaxArguments;

    public bool IsAvailableIn(WdlVersion version) => version >= Since;

    public override string ToString() => Signature;
}
