using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Parser
{
    private WorkflowNode ParseWorkflow()
    {
        var keyword = Consume();
        var name = ExpectName("a workflow name after 'workflow'") ?? MissingName();
        string owner = $"workflow '{name.Name}'";

        InputSection? input = null;
        var body = new List<WorkflowElement>();
        OutputSection? output = null;
        MetaSection? meta = null;
        MetaSection? parameterMeta = null;
        KeyValueSection? hints = null;

        if (Expect(TokenKind.LeftBrace, $"'{{' to open {owner}"))
        {
            while (true)
            {
                if (TryConsume(TokenKind.RightBrace)) break;
                if (AtEnd || AtTopLevelKeyword)
                {
                    ReportUnexpected($"'}}' to close the body of {owner}");
                    break;
                }
                int before = _pos;
                var token = Current;
                switch (token.Kind)
                {
                    case TokenKind.InputKeyword:
                        AssignOnce(ref input, ParseInputSection(), owner);
                        break;
                    case TokenKind.OutputKeyword:
                        AssignOnce(ref output, ParseOutputSection(workflow: true), owner);
                        break;
                    case TokenKind.MetaKeyword:
                        AssignOnce(ref meta, ParseMetaSection(), owner);
                        break;
                    case TokenKind.ParameterMetaKeyword:
                        AssignOnce(ref parameterMeta, ParseMetaSection(), owner);
                        break;
                    case TokenKind.HintsKeyword when Peek(1).Kind == TokenKind.LeftBrace:
                        if (Below(WdlVersion.V1_2) && Standalone()) _diagnostics.HintsSectionRequiresV12(token.Span, _version);
                        var section = ParseKeyValueSection();
                        CheckLiteralHints(section);
                        AssignOnce(ref hints, section, owner);
                        break;
                    default:
                        ParseWorkflowElementInto(body, owner);
                        break;
                }
                if (_pos == before) Skip();
            }
        }
        return new WorkflowNode(name, input, body, output, meta, parameterMeta, hints, SpanFrom(keyword.Start));
    }

    /// <summary>Parses one call, scatter, conditional or declaration (or reports and resynchronises).</summary>
    private void ParseWorkflowElementInto(List<WorkflowElement> body, string owner)
    {
        switch (Kind)
        {
            case TokenKind.CallKeyword:
                body.Add(ParseCall());
                return;
            case TokenKind.ScatterKeyword:
                if (ParseScatter() is { } scatter) body.Add(scatter);
                return;
            case TokenKind.IfKeyword:
                if (ParseConditional() is { } conditional) body.Add(conditional);
                return;
        }
        if (StartsDeclaration())
        {
            var declaration = ParseDeclaration(DeclarationContext.WorkflowPrivate);
            if (declaration is not null) body.Add(new DeclarationElement(declaration));
            return;
        }
        if (IsWhileLoop())
        {
            SkipWhileLoop();
            return;
        }
        ReportUnexpected($"a declaration, 'call', 'scatter', 'if' or '}}' to close {owner}");
        SkipToBodyItem(workflow: true);
    }

    private CallNode ParseCall()
    {
        var keyword = Consume();
        var target = new List<Identifier>();
        var first = ExpectName("the name of the task or workflow to call");
        if (first is not null)
        {
            target.Add(first);
            while (At(TokenKind.Dot))
            {
                Consume();
                var part = ExpectName("a name after '.' in the call target");
                if (part is null) break;
                target.Add(part);
            }
        }
        else
        {
            target.Add(MissingName());
        }

        Identifier? alias = null;
        if (TryConsume(TokenKind.AsKeyword)) alias = ExpectName("a call alias after 'as'");

        var after = new List<Identifier>();
        while (IsContextualWord("after") && Peek(1).Kind == TokenKind.Identifier)
        {
            var afterToken = Consume();
            if (Below(WdlVersion.V1_1) && Standalone()) _diagnostics.AfterClauseRequiresV11(afterToken.Span, _version);
            after.Add(ExpectName("the name of a call after 'after'")!);
        }

        var inputs = new List<CallInput>();
        bool hasBody = false;
        bool hasInputKeyword = false;
        if (At(TokenKind.LeftBrace))
        {
            hasBody = true;
            Consume();
            if (At(TokenKind.InputKeyword) && Peek(1).Kind == TokenKind.Colon)
            {
                Consume();
                Consume();
                hasInputKeyword = true;
            }
            ParseCallInputs(inputs);
            CloseList(TokenKind.RightBrace, "'}' to close the call body");
            if (!hasInputKeyword && inputs.Count > 0 && Below(WdlVersion.V1_1))
            {
                var span = inputs[0].Span;
                if (Standalone()) _diagnostics.CallWithoutInputKeywordRequiresV11(span, _version);
            }
        }
        return new CallNode(target, alias, after, inputs, hasBody, hasInputKeyword, SpanFrom(keyword.Start));
    }

    private void ParseCallInputs(List<CallInput> inputs)
    {
        while (!At(TokenKind.RightBrace) && !AtEnd)
        {
            var name = ExpectName("a call input name");
            if (name is null)
            {
                SkipToListEnd(TokenKind.RightBrace);
                if (TryConsume(TokenKind.Comma)) continue;
                return;
            }
            Expression? value = null;
            if (TryConsume(TokenKind.Equals))
            {
                value = ParseExpression();
            }
            else if (Below(WdlVersion.V1_1))
            {
                if (Standalone()) _diagnostics.CallInputShorthandRequiresV11(name.Span, _version);
            }
            inputs.Add(new CallInput(name, value, value is null ? name.Span : name.Span.Cover(value.Span)));
            if (!ListSeparator(TokenKind.RightBrace, "'}' to close the call body")) return;
        }
    }

    private ScatterNode? ParseScatter()
    {
        int start = Current.Start;
        if (!EnterNesting()) return null;
        try
        {
            Consume();
            Identifier variable = MissingName();
            Expression collection = Missing();
            if (Expect(TokenKind.LeftParen, "'(' after 'scatter'"))
            {
                variable = ExpectName("the scatter variable name") ?? MissingName();
                if (Expect(TokenKind.InKeyword, "'in' after the scatter variable")) collection = ParseExpression();
                CloseList(TokenKind.RightParen, "')' to close 'scatter (... in ...)'");
            }
            var body = ParseNestedBody("the scatter body");
            return new ScatterNode(variable, collection, body, SpanFrom(start));
        }
        finally
        {
            ExitNesting();
        }
    }

    private ConditionalNode? ParseConditional()
    {
        int start = Current.Start;
        if (!EnterNesting()) return null;
        try
        {
            Consume();
            Expression condition = Missing();
            if (Expect(TokenKind.LeftParen, "'(' after 'if'"))
            {
                condition = ParseExpression();
                CloseList(TokenKind.RightParen, "')' to close the condition of 'if'");
            }
            var body = ParseNestedBody("the body of 'if'");
            return new ConditionalNode(condition, body, SpanFrom(start));
        }
        finally
        {
            ExitNesting();
        }
    }

    /// <summary>The <c>{ ... }</c> of a scatter or conditional: only calls, scatters, conditionals and declarations.</summary>
    private List<WorkflowElement> ParseNestedBody(string owner)
    {
        var body = new List<WorkflowElement>();
        if (!Expect(TokenKind.LeftBrace, $"'{{' to open {owner}")) return body;
        while (true)
        {
            if (TryConsume(TokenKind.RightBrace)) break;
            if (AtEnd || AtTopLevelKeyword || (Current.NewlineBefore && Keywords.IsSectionKeyword(Kind)))
            {
                ReportUnexpected($"'}}' to close {owner}");
                break;
            }
            int before = _pos;
            ParseWorkflowElementInto(body, owner);
            if (_pos == before) Skip();
        }
        return body;
    }

    private bool IsContextualWord(string word)
    {
        var token = Current;
        return token.Kind == TokenKind.Identifier && token.Length == word.Length
            && string.CompareOrdinal(_text, token.Start, word, 0, word.Length) == 0;
    }

    private bool IsWhileLoop() => IsContextualWord("while") && Peek(1).Kind == TokenKind.LeftParen;

    /// <summary>Draft-2 reserved 'while' loops but no engine implemented them; report and skip the whole loop.</summary>
    private void SkipWhileLoop()
    {
        var keyword = Current;
        if (Standalone()) _diagnostics.WhileLoopUnsupported(keyword.Span);
        Skip();
        SkipBalanced();
        if (At(TokenKind.LeftBrace)) SkipBalanced();
    }
}
