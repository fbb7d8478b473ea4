namespace Osprey.Engine.State;

/// <summary>An output value as JSON: a call's (<paramref name="CallId"/> set) or the workflow's own
/// (<paramref name="CallId"/> null). Recording the same output again replaces its value.</summary>
public sealed record OutputRecorded(Guid RunId, Guid? CallId, string Name, string ValueJson) : StoreWrite
{
    internal override void Validate()
    {
        Require(RunId != Guid.Empty, "an output needs its run's id");
        Require(!string.IsNullOrEmpty(Name) && ValueJson is not null, "an output needs a name and a JSON value");
    }
}

public sealed record StoredOutput(Guid RunId, Guid? CallId, string Name, string ValueJson);
