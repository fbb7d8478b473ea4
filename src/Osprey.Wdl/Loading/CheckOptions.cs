namespace Osprey.Wdl.Loading;

/// <summary>
/// How strictly to check. <see cref="Strict"/> turns the coercions Cromwell tolerates (warnings by
/// default) into errors. <see cref="SearchPaths"/> are extra directories for relative imports
/// not found beside the importing file.
/// </summary>
public sealed record CheckOptions(bool Strict = false, IReadOnlyList<string>? SearchPaths = null);
