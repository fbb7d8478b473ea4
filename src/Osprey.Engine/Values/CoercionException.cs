namespace Osprey.Engine.Values;

/// <summary>A value could not be coerced to the requested type.</summary>
public sealed class CoercionException(string message) : WdlValueException(message);
