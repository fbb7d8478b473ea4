using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Parser
{
    public Document ParseDocument()
    {
        var version = ParseVersionStatement();
        var imports = new List<ImportNode>();
        var structs = new List<StructNode>();
        var tasks = new List<TaskNode>();
        WorkflowNode? workflow = null;

        while (!AtEnd)
        {
            int before = _pos;
            switch (Kind)
            {
                case TokenKind.ImportKeyword:
                    imports.Add(ParseImport());
                    break;
                case TokenKind.StructKeyword:
                    structs.Add(ParseStruct());
                    break;
                case TokenKind.TaskKeyword:
                    tasks.Add(ParseTask());
                    break;
                case TokenKind.WorkflowKeyword:
                    var parsed = ParseWorkflow();
                    if (workflow is null)
                    {
                        workflow = parsed;
                    }
                    else
                    {
                        var first = workflow;
                        if (Standalone()) _diagnostics.DuplicateWorkflow(parsed.Name.Span, parsed.Name.Name, first.Name.Name);
                    }
                    break;
                case TokenKind.VersionKeyword:
                    if (CanReport(Current.Start)) _diagnostics.VersionNotFirst(Current.Span);
                    Skip();
                    if (Peek(0).Kind is TokenKind.FloatLiteral or TokenKind.IntLiteral or TokenKind.Identifier && !Current.NewlineBefore) Skip();
                    break;
                default:
                    ReportUnexpected("'import', 'struct', 'task' or 'workflow'");
                    SkipToTopLevel();
                    break;
            }
            if (_pos == before) SkipToTopLevel();
        }

        return new Document(_source, version, _version, imports, structs, tasks, workflow, _comments, new TextSpan(0, _text.Length));
    }

    private void SkipToTopLevel()
    {
        Skip();
        while (!AtEnd && !AtTopLevelKeyword) Skip();
    }

    private VersionStatement? ParseVersionStatement()
    {
        if (!At(TokenKind.VersionKeyword) || _pos != 0) return null;
        var keyword = Consume();
        if (!At(TokenKind.VersionText))
        {
            if (CanReport(keyword.Start)) _diagnostics.MissingVersionNumber(keyword.Span);
            _version = WdlVersion.V1_2;
            return new VersionStatement(string.Empty, new TextSpan(keyword.End, 0), keyword.Span);
        }

        var textToken = Consume();
        string text = Text(textToken);
        var parsed = WdlVersions.Parse(text);
        if (parsed is null or WdlVersion.Draft2)
        {
            // The lexer already treats unknown versions as the latest; 'version draft-2' is read as draft-2 but still reported.
            if (Standalone()) _diagnostics.InvalidVersion(textToken.Span, text);
        }
        return new VersionStatement(text, textToken.Span, TextSpan.FromBounds(keyword.Start, textToken.End));
    }

    private ImportNode ParseImport()
    {
        int start = Consume().Start;
        string uri = string.Empty;
        var uriSpan = Here;
        if (At(TokenKind.StringStart))
        {
            var literal = ParseStringLiteral();
            uriSpan = literal.Span;
            if (literal.ConstantValue is { } constant) uri = constant;
            else if (CanReport(literal.Span.Start)) _diagnostics.ImportUriNotConstant(literal.Span);
        }
        else
        {
            ReportUnexpected("a quoted import URI after 'import'");
        }

        Identifier? ns = null;
        if (TryConsume(TokenKind.AsKeyword)) ns = ExpectName("a namespace name after 'as'");

        var aliases = new List<ImportAlias>();
        while (At(TokenKind.AliasKeyword))
        {
            var aliasToken = Consume();
            if (Below(WdlVersion.V1_0) && Standalone()) _diagnostics.ImportAliasRequiresV10(aliasToken.Span, _version);
            var source = ExpectName("a struct name after 'alias'");
            Expect(TokenKind.AsKeyword, "'as' in 'alias Source as Target'");
            var target = ExpectName("a new struct name after 'as'");
            if (source is not null && target is not null)
            {
                aliases.Add(new ImportAlias(source, target, SpanFrom(aliasToken.Start)));
            }
        }
        return new ImportNode(uri, uriSpan, ns, aliases, SpanFrom(start));
    }

    private StructNode ParseStruct()
    {
        var keyword = Consume();
        if (Below(WdlVersion.V1_0) && Standalone()) _diagnostics.StructRequiresV10(keyword.Span, _version);
        var name = ExpectName("a struct name after 'struct'") ?? MissingName();
        var members = new List<Declaration>();
        MetaSection? meta = null;
        MetaSection? parameterMeta = null;

        if (Expect(TokenKind.LeftBrace, $"'{{' to open struct '{name.Name}'"))
        {
            while (true)
            {
                if (TryConsume(TokenKind.RightBrace)) break;
                if (AtEnd || AtTopLevelKeyword)
                {
                    ReportUnexpected($"'}}' to close struct '{name.Name}'");
                    break;
                }
                int before = _pos;
                if (Kind is TokenKind.MetaKeyword or TokenKind.ParameterMetaKeyword)
                {
                    var keywordToken = Current;
                    if (Below(WdlVersion.V1_2) && Standalone()) _diagnostics.StructMetadataRequiresV12(keywordToken.Span, _version);
                    var section = ParseMetaSection();
                    if (keywordToken.Kind == TokenKind.MetaKeyword) AssignOnce(ref meta, section, $"struct '{name.Name}'");
                    else AssignOnce(ref parameterMeta, section, $"struct '{name.Name}'");
                }
                else if (StartsDeclaration())
                {
                    var member = ParseDeclaration(DeclarationContext.StructMember);
                    if (member is not null) members.Add(member);
                }
                else
                {
                    ReportUnexpected($"a member declaration or '}}' to close struct '{name.Name}'");
                    SkipToBodyItem(workflow: false);
                }
                if (_pos == before) Skip();
            }
        }
        return new StructNode(name, members, meta, parameterMeta, SpanFrom(keyword.Start));
    }

    /// <summary>Keeps the first of a section that may appear once and reports later ones.</summary>
    private void AssignOnce<T>(ref T? slot, T section, string owner) where T : SyntaxNode
    {
        if (slot is null)
        {
            slot = section;
            return;
        }
        string keyword = section switch
        {
            MetaSection m => m.Keyword,
            KeyValueSection k => k.Keyword,
            InputSection => "input",
            OutputSection => "output",
            _ => "command",
        };
        if (Standalone()) _diagnostics.DuplicateSection(new TextSpan(section.Span.Start, keyword.Length), keyword, owner);
    }

    /// <summary>An identifier (or, where the document's version does not reserve them, 'hints'/'requirements').</summary>
    private Identifier? ExpectName(string what)
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier || (IsUnreservedInVersion(token.Kind)))
        {
            Consume();
            return new Identifier(Text(token), token.Span);
        }
        ReportUnexpected(what, nameExpected: true);
        return null;
    }

    /// <summary>
    /// Draft-2 and 1.0 publish no reserved-word list (their own examples declare <c>File in</c>), so
    /// keywords that cannot begin a statement are accepted as names there.
    /// </summary>
    private bool IsUnreservedInVersion(TokenKind kind)
        => _version <= WdlVersion.V1_0 && kind is TokenKind.InKeyword or TokenKind.LeftKeyword or TokenKind.RightKeyword
            or TokenKind.AliasKeyword or TokenKind.ObjectKeyword or TokenKind.HintsKeyword or TokenKind.RequirementsKeyword;

    private Identifier MissingName() => new(string.Empty, Here);
}
