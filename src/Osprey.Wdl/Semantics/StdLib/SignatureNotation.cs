using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics.StdLib;

/// <summary>
/// Short names for writing the catalogue so each signature reads like the spec:
/// <c>Overload(V1_1, Float, Arg("a", Int), Arg("b", Float))</c> is <c>Float min(Int, Float)</c>.
/// </summary>
internal static class SignatureNotation
{
    public static readonly TypeParameter X = new("X");
    public static readonly TypeParameter Y = new("Y");

    /// <summary>The spec's <c>P</c>: a primitive type.</summary>
    public static readonly TypeParameter P = new("P", TypeConstraint.Primitive);

    /// <summary>A map key of any type (used where an optional key is allowed, as in <c>contains_key</c>).</summary>
    public static readonly TypeParameter K = new("K");

    // Prefixed with Wdl so they do not clash with System.String, System.IO.File and friends.
    public static readonly TypePattern WdlBoolean = Of(WdlType.Boolean);
    public static readonly TypePattern WdlInt = Of(WdlType.Int);
    public static readonly TypePattern WdlFloat = Of(WdlType.Float);
    public static readonly TypePattern WdlString = Of(WdlType.String);
    public static readonly TypePattern WdlFile = Of(WdlType.File);
    public static readonly TypePattern WdlDirectory = Of(WdlType.Directory);
    public static readonly TypePattern WdlObject = Of(WdlType.Object);
    public static readonly TypePattern AnyStruct = new AnyStructPattern();
    public static readonly TypePattern PathContainer = new PathContainerPattern();

    public static TypePattern Of(WdlType type) => new ExactPattern(type);

    /// <summary><c>T?</c> for a concrete <c>T</c>.</summary>
    public static TypePattern Optional(TypePattern exact) => Of(((ExactPattern)exact).Type.Optional);

    public static TypePattern Var(TypeParameter parameter) => new ParameterPattern(parameter, false);

    public static TypePattern OptionalVar(TypeParameter parameter) => new ParameterPattern(parameter, true);

    public static TypePattern ArrayOf(TypePattern element) => new ArrayPattern(element, false);

    public static TypePattern NonEmptyArrayOf(TypePattern element) => new ArrayPattern(element, true);

    public static TypePattern MapOf(TypePattern key, TypePattern value) => new MapPattern(key, value);

    public static TypePattern PairOf(TypePattern left, TypePattern right) => new PairPattern(left, right);

    public static FunctionParameter Arg(string name, TypePattern type) => new(name, type);

    /// <summary>A trailing parameter the caller may leave out (the spec's <c>[T]</c>).</summary>
    public static FunctionParameter OptionalArg(string name, TypePattern type) => new(name, type, IsOptional: true);

    /// <summary>A parameter whose argument must be the given literal (e.g. <c>true</c>).</summary>
    public static FunctionParameter LiteralArg(string name, TypePattern type, string literal) => new(name, type, RequiredLiteral: literal);

    public static OverloadSpec Overload(WdlVersion since, TypePattern returns, params FunctionParameter[] parameters)
        => new(since, returns, parameters);

    public static FunctionDefinition Function(string name, FunctionFamily family, params OverloadSpec[] overloads)
        => new(name, family, overloads.Select(o => new FunctionOverload(name, o.Since, o.Parameters, o.Returns)).ToArray());

    internal sealed record OverloadSpec(WdlVersion Since, TypePattern Returns, IReadOnlyList<FunctionParameter> Parameters);
}
