using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Parser
{
    private InputSection ParseInputSection()
    {
        var keyword = Consume();
        if (Below(WdlVersion.V1_0) && Standalone()) _diagnostics.InputSectionRequiresV10(keyword.Span, _version);
        var declarations = ParseDeclarationBlock(DeclarationContext.Input, "the input section");
        return new InputSection(declarations, SpanFrom(keyword.Start));
    }

    private OutputSection ParseOutputSection(bool workflow)
    {
        var keyword = Consume();
        var declarations = ParseDeclarationBlock(DeclarationContext.Output, "the output section", allowUntyped: workflow);
        return new OutputSection(declarations, SpanFrom(keyword.Start));
    }

    /// <summary><c>{ declarations }</c> after an input/output keyword.</summary>
    private List<Declaration> ParseDeclarationBlock(DeclarationContext context, string owner, bool allowUntyped = false)
    {
        var declarations = new List<Declaration>();
        if (!Expect(TokenKind.LeftBrace, $"'{{' to open {owner}")) return declarations;
        while (true)
        {
            if (TryConsume(TokenKind.RightBrace)) break;
            if (AtEnd || AtTopLevelKeyword || (Current.NewlineBefore && Keywords.IsSectionKeyword(Kind)))
            {
                ReportUnexpected($"'}}' to close {owner}");
                break;
            }
            int before = _pos;
            if (StartsDeclaration())
            {
                var declaration = ParseDeclaration(context);
                if (declaration is not null) declarations.Add(declaration);
            }
            else if (allowUntyped && Kind == TokenKind.Identifier)
            {
                SkipUntypedOutput();
            }
            else
            {
                ReportUnexpected($"a declaration or '}}' to close {owner}");
                SkipToBodyItem(workflow: false);
            }
            if (_pos == before) Skip();
        }
        return declarations;
    }

    /// <summary>Draft-2's <c>call.*</c> / <c>call.output</c> outputs: recognised, reported, not represented.</summary>
    private void SkipUntypedOutput()
    {
        int start = Current.Start;
        int end = Current.End;
        Consume();
        while (At(TokenKind.Dot) && !Peek(1).NewlineBefore
            && (Peek(1).Kind is TokenKind.Identifier or TokenKind.Star || Keywords.IsKeyword(Peek(1).Kind)))
        {
            Consume();
            end = Consume().End;
        }
        var span = TextSpan.FromBounds(start, end);
        string text = Text(span);
        if (Standalone()) _diagnostics.UntypedWorkflowOutput(span, text);
    }

    /// <summary><c>runtime</c>, <c>requirements</c> or <c>hints</c>: <c>{ key: expression }</c> entries.</summary>
    private KeyValueSection ParseKeyValueSection()
    {
        var keyword = Consume();
        string name = Keywords.KeywordText(keyword.Kind);
        bool hints = keyword.Kind == TokenKind.HintsKeyword;
        var entries = new List<KeyValueEntry>();
        if (Expect(TokenKind.LeftBrace, $"'{{' to open the {name} section"))
        {
            while (true)
            {
                if (TryConsume(TokenKind.RightBrace)) break;
                if (AtEnd || AtTopLevelKeyword || (Current.NewlineBefore && Keywords.IsSectionKeyword(Kind) && Peek(1).Kind != TokenKind.Colon))
                {
                    ReportUnexpected($"'}}' to close the {name} section");
                    break;
                }
                int before = _pos;
                var key = ParseKey();
                if (key is not null && ExpectKeySeparator(key))
                {
                    bool saved = _inHintsSection;
                    _inHintsSection = hints;
                    var value = ParseExpression();
                    _inHintsSection = saved;
                    entries.Add(new KeyValueEntry(key, value, TextSpan.FromBounds(key.Span.Start, Math.Max(key.Span.End, value.Span.End))));
                }
                else
                {
                    SkipToSectionEntry();
                }
                if (_pos == before) Skip();
            }
        }
        return new KeyValueSection(name, entries, SpanFrom(keyword.Start));
    }

    /// <summary>Sections use ':'; '=' (the old grammar's spelling) is reported but accepted so the value still parses.</summary>
    private bool ExpectKeySeparator(Identifier key)
    {
        if (TryConsume(TokenKind.Colon)) return true;
        ReportUnexpected($"':' after '{key.Name}'");
        return TryConsume(TokenKind.Equals);
    }

    /// <summary>Skips to the next <c>key:</c> on a new line or the '}' closing the section.</summary>
    private void SkipToSectionEntry()
    {
        int depth = 0;
        bool first = true;
        while (!AtEnd)
        {
            var token = Current;
            if (!first)
            {
                if (AtTopLevelKeyword) return;
                if (depth == 0 && token.Kind == TokenKind.RightBrace) return;
                if (depth == 0 && token.NewlineBefore && Peek(1).Kind == TokenKind.Colon) return;
            }
            if (token.Kind is TokenKind.LeftBrace or TokenKind.LeftParen or TokenKind.LeftBracket) depth++;
            else if (token.Kind is TokenKind.RightBrace or TokenKind.RightParen or TokenKind.RightBracket)
            {
                if (depth == 0 && !first) return;
                depth = Math.Max(0, depth - 1);
            }
            Skip();
            first = false;
        }
    }
}
