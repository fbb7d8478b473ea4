namespace Osprey.Engine.Values;

/// <summary>A JSON value could not be read as, or a WDL value could not be written to, JSON.</summary>
public sealed class JsonValueException(string message) : WdlValueException(message);
