namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>
/// One parameter of an overload. Optional parameters (written <c>[T]</c> in the spec) are always
/// trailing. <see cref="RequiredLiteral"/> is set when the spec demands a literal value, as in
/// <c>read_tsv(File, true)</c>: the types cannot say it, so the checker must look at the argument.
/// </summary>
public sealed record FunctionParameter(string Name, TypePattern Type, bool IsOptional = false, string? RequiredLiteral = null)
{
    public string Display => IsOptional ? $"[{Type.Display}]" : RequiredLiteral ?? Type.Display;
}
