using System.Text.Json.Serialization;

namespace Osprey.Engine.Inputs;

/// <summary>Source-generated JSON metadata, so the engine stays trimming- and AOT-safe.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class InputJsonContext : JsonSerializerContext;
