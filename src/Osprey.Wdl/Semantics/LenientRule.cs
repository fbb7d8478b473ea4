namespace Osprey.Wdl.Semantics;

/// <summary>
/// The non-spec (or "limited exception") rules Osprey tolerates with a warning, so that WDL that
/// runs on Cromwell also passes our checker. Each value names one rule so diagnostics can carry a
/// stable code and a future strict mode can turn them into errors.
/// </summary>
public enum LenientRule
{
    /// <summary>
    /// <c>T?</c> used where <c>T</c> is required (fails at run time if undefined). The 1.1/1.2 specs list it
    /// as a limited exception; Cromwell accepts it in every version and much 1.0 WDL passes
    /// optional inputs straight to required task inputs.
    /// </summary>
    OptionalToRequired,

    /// <summary>
    /// <c>Array[T]</c> used where <c>Array[T]+</c> is required (checked at run time). A limited
    /// exception in 1.1/1.2; Cromwell checks non-emptiness only at run time.
    /// </summary>
    ArrayToNonEmpty,

    /// <summary><c>String</c> to <c>Int</c>/<c>Float</c>: a limited exception in 1.1/1.2; Cromwell parses the text.</summary>
    StringToNumber,

    /// <summary><c>String</c> to <c>Boolean</c>: Cromwell accepts "true"/"false" text; no spec allows it.</summary>
    StringToBoolean,

    /// <summary><c>Float</c> to <c>Int</c> when lossless: a limited exception in 1.1/1.2.</summary>
    FloatToInt,

    /// <summary>
    /// <c>Int</c>/<c>Float</c>/<c>Boolean</c> to <c>String</c> outside interpolation: Cromwell accepts
    /// <c>String s = 5</c>; the specs only convert primitives to strings inside placeholders.
    /// </summary>
    PrimitiveToString,

    /// <summary><c>Map[K, V]</c> to <c>Array[Pair[K, V]]</c>: a deprecated limited exception from 1.1 (draft-2 and 1.0 allow it).</summary>
    MapToPairArray,

    /// <summary><c>Array[Pair[K, V]]</c> to <c>Map[K, V]</c>: a limited exception in 1.1/1.2; Cromwell accepts it.</summary>
    PairArrayToMap,

    /// <summary><c>Map[String, X]</c> to <c>Object</c> in draft-2, where only 1.0+ documents it.</summary>
    MapToObject,

    /// <summary><c>Object</c> to <c>Map[String, X]</c> before 1.1, which is where the spec adds it.</summary>
    ObjectToMap,

    /// <summary>Struct to <c>Object</c> or <c>Map[String, X]</c> before 1.1, which is where the spec adds it.</summary>
    StructToMapOrObject,

    /// <summary>
    /// Struct to a struct with the same member names but different (coercible) member types before
    /// 1.2, which is where the spec adds struct-to-struct coercion.
    /// </summary>
    StructToStruct,

    /// <summary>Equality of compound values before 1.1 (the draft-2/1.0 tables list primitives only; Cromwell compares them).</summary>
    CompoundEquality,

    /// <summary>
    /// <c>String + File</c> before 1.1 (the draft-2/1.0 tables list only <c>File + String</c>); Cromwell
    /// concatenates and yields a <c>String</c>.
    /// </summary>
    StringPlusFile,

    /// <summary>Unary <c>+</c> in 1.1+, whose operator tables dropped it.</summary>
    UnaryPlus,

    /// <summary>A standard-library function used in a version before the one that introduced it.</summary>
    FunctionFromLaterVersion,
}
