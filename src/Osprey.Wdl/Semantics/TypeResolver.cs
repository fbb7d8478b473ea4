using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Semantics;

/// <summary>Turns written types into <see cref="WdlType"/>s, looking struct names up in the document.</summary>
internal sealed class TypeResolver(DiagnosticBag bag, Func<string, TextSpan, WdlType?> lookupStruct)
{
    public WdlType Resolve(TypeSyntax syntax)
    {
        var type = ResolveRequired(syntax);
        if (type is ErrorType) return type;
        if (syntax.IsNonEmpty && type is ArrayType array) type = array with { NonEmpty = true };
        return syntax.IsOptional ? type.Optional : type;
    }

    private WdlType ResolveRequired(TypeSyntax syntax)
    {
        var args = syntax.Arguments;
        switch (syntax.Name)
        {
            case "Boolean": return WdlType.Boolean;
            case "Int": return WdlType.Int;
            case "Float": return WdlType.Float;
            case "String": return WdlType.String;
            case "File": return WdlType.File;
            case "Directory": return WdlType.Directory;
            case "Object": return WdlType.Object;
            case "Array" when args.Count == 1:
                return WdlType.ArrayOf(Resolve(args[0]));
            case "Map" when args.Count == 2:
                return WdlType.MapOf(Resolve(args[0]), Resolve(args[1]));
            case "Pair" when args.Count == 2:
                return WdlType.PairOf(Resolve(args[0]), Resolve(args[1]));
            case "Array" or "Map" or "Pair":
                // The parser reports a wrong number of type arguments.
                return WdlType.Error;
        }
        var found = lookupStruct(syntax.Name, syntax.NameSpan);
        if (found is not null) return found;
        bag.UnknownType(syntax.NameSpan, syntax.Name);
        return WdlType.Error;
    }
}
