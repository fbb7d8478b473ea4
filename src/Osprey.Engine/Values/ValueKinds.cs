using Osprey.Wdl.Semantics;

namespace Osprey.Engine.Values;

/// <summary>Classification of values used by operators, coercion and the standard library.</summary>
internal static class ValueKinds
{
    public static bool IsStringLike(this WdlValue value) => value is WdlString or WdlFile or WdlDirectory;
}
