namespace Osprey.Engine.State.Sql;

/// <summary>The kinds of value the store binds; each dialect maps them to its own column types.</summary>
internal enum SqlType
{
    Text,
    Int32,
    Int64,
    Uuid,
    Time,
    Bytes,
}

/// <summary>A named, typed parameter value. The type is explicit (not inferred from the CLR value) so
/// that a null still binds with the right database type.</summary>
internal readonly record struct SqlArg(string Name, SqlType Type, object? Value)
{
    public static SqlArg Text(string name, string? value) => new(name, SqlType.Text, value);
    public static SqlArg Int32(string name, int? value) => new(name, SqlType.Int32, value);
    public static SqlArg Int64(string name, long? value) => new(name, SqlType.Int64, value);
    public static SqlArg Uuid(string name, Guid? value) => new(name, SqlType.Uuid, value);
    public static SqlArg Time(string name, DateTimeOffset? value) => new(name, SqlType.Time, value);
    public static SqlArg Bytes(string name, byte[]? value) => new(name, SqlType.Bytes, value);
}

/// <summary>One SQL statement with its arguments. The SQL text is shared by both dialects; the
/// arguments are always given in the same order for the same text, so a prepared command can be
/// reused by position.</summary>
internal sealed record SqlStatement(string Sql, params SqlArg[] Args);
