namespace Osprey.Engine.Values;

/// <summary>How strictly values are written as JSON.</summary>
public enum JsonWriteMode
{
    /// <summary>
    /// Task and workflow outputs: every value must be reportable, so a Pair is written as
    /// <c>{"left": ..., "right": ...}</c> (the shape WDL 1.0 accepts for Pair inputs) and Map keys
    /// that are not strings are written as their string form.
    /// </summary>
    Output,

    /// <summary>
    /// <c>write_json</c>: exactly the spec's serializable types; a Pair or a Map with non-String
    /// keys is an error.
    /// </summary>
    Strict,
}
