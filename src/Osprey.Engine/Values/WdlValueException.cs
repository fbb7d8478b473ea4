namespace Osprey.Engine.Values;

/// <summary>
/// A value-level error with no source location: a failed coercion, a duplicate key, a bad function
/// argument. The expression evaluator turns it into an <c>EvaluationException</c> carrying the span.
/// </summary>
public class WdlValueException(string message) : Exception(message);
