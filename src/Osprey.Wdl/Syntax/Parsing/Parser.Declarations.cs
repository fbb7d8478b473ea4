using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

/// <summary>Where a declaration appears; decides whether an initializer is required, optional or forbidden.</summary>
internal enum DeclarationContext
{
    Input,
    TaskPrivate,
    WorkflowPrivate,
    Output,
    StructMember,
}

internal sealed partial class Parser
{
    /// <summary>True when the current tokens begin a declaration: a type (keyword or struct name) followed by a name.</summary>
    private bool StartsDeclaration()
    {
        var kind = Kind;
        if (Keywords.IsTypeKeyword(kind)) return true;
        if (kind != TokenKind.Identifier) return false;
        if (IsEnvModifier()) return true;
        var next = Peek(1).Kind;
        if (next == TokenKind.Identifier || IsUnreservedInVersion(next)) return true;
        return next is TokenKind.Question or TokenKind.Plus && Peek(2).Kind == TokenKind.Identifier;
    }

    /// <summary>'env' is not reserved: it is a modifier only when a type follows it.</summary>
    private bool IsEnvModifier()
    {
        if (Kind != TokenKind.Identifier || Current.Length != 3 || string.CompareOrdinal(_text, Current.Start, "env", 0, 3) != 0)
        {
            return false;
        }
        var next = Peek(1).Kind;
        if (Keywords.IsTypeKeyword(next)) return true;
        // 'env x' followed by a declaration on the next line is a declaration of struct type 'env', not a modifier.
        return next == TokenKind.Identifier && !Peek(2).NewlineBefore
            && Peek(2).Kind is TokenKind.Identifier or TokenKind.Question or TokenKind.Plus;
    }

    private Declaration? ParseDeclaration(DeclarationContext context)
    {
        int start = Current.Start;
        bool isEnv = false;
        if (IsEnvModifier())
        {
            var env = Consume();
            isEnv = true;
            if (Below(WdlVersion.V1_2) && Standalone()) _diagnostics.EnvRequiresV12(env.Span, _version);
            if (context is not (DeclarationContext.Input or DeclarationContext.TaskPrivate))
            {
                if (Standalone()) _diagnostics.EnvNotAllowed(env.Span);
            }
        }

        var type = ParseType();
        var name = ExpectName("a declaration name after the type");
        if (name is null) return null;

        Expression? initializer = null;
        if (TryConsume(TokenKind.Equals))
        {
            initializer = ParseExpression();
            if (context == DeclarationContext.StructMember)
            {
                if (Standalone()) _diagnostics.StructMemberInitializer(name.Span, name.Name);
            }
        }
        else if (!CanFollowDeclaration())
        {
            // 'Int x 5', 'Int x: 5': something other than '=' follows the name on purpose.
            ReportUnexpected($"'=' after '{name.Name}'");
        }
        // Outputs need a value by grammar; unbound private declarations are left to the binder (a warning, or an error when strict).
        else if (context == DeclarationContext.Output && Standalone())
        {
            _diagnostics.MissingInitializer(name.Span, name.Name, "an output section");
        }
        return new Declaration(type, name, initializer, isEnv, SpanFrom(start));
    }

    /// <summary>What may come right after an unbound declaration: the end of its block or the next item.</summary>
    private bool CanFollowDeclaration()
        => AtEnd || At(TokenKind.RightBrace) || StartsStatement() || At(TokenKind.IfKeyword)
            || IsWhileLoop();

    private TypeSyntax ParseType()
    {
        var token = Current;
        if (!Keywords.IsTypeKeyword(token.Kind) && token.Kind != TokenKind.Identifier)
        {
            ReportUnexpected("a type");
            return MissingType();
        }
        if (!EnterNesting()) return MissingType();
        try
        {
            Consume();
            string name = Text(token);
            if (token.Kind == TokenKind.DirectoryKeyword && Below(WdlVersion.V1_2))
            {
                if (Standalone()) _diagnostics.DirectoryRequiresV12(token.Span, _version);
            }

            var arguments = new List<TypeSyntax>();
            int expected = token.Kind switch
            {
                TokenKind.ArrayKeyword => 1,
                TokenKind.MapKeyword or TokenKind.PairKeyword => 2,
                _ => 0,
            };
            if (At(TokenKind.LeftBracket))
            {
                var open = Consume();
                while (true)
                {
                    arguments.Add(ParseType());
                    if (!TryConsume(TokenKind.Comma)) break;
                }
                if (!TryConsume(TokenKind.RightBracket))
                {
                    ReportUnexpected($"',' or ']' to close the type parameters of '{name}'");
                }
                else if (arguments.Count != expected)
                {
                    var span = TextSpan.FromBounds(open.Start, _lastEnd);
                    int found = arguments.Count;
                    if (Standalone()) _diagnostics.WrongTypeArgumentCount(span, name, expected, found);
                }
            }
            else if (expected > 0)
            {
                ReportUnexpected($"'[' after '{name}' (it takes {expected} type parameter{(expected == 1 ? "" : "s")})");
            }

            bool nonEmpty = false;
            if (At(TokenKind.Plus))
            {
                var plus = Consume();
                nonEmpty = true;
                if (token.Kind != TokenKind.ArrayKeyword && Standalone()) _diagnostics.NonEmptyOnNonArray(plus.Span, name);
            }
            bool optional = TryConsume(TokenKind.Question);
            return new TypeSyntax(name, arguments, optional, nonEmpty, token.Span, SpanFrom(token.Start));
        }
        finally
        {
            ExitNesting();
        }
    }

    private TypeSyntax MissingType()
    {
        var span = Here;
        return new TypeSyntax(string.Empty, Array.Empty<TypeSyntax>(), false, false, span, span);
    }
}
