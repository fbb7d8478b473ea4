using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Parser
{
    private TaskNode ParseTask()
    {
        var keyword = Consume();
        var name = ExpectName("a task name after 'task'") ?? MissingName();
        string owner = $"task '{name.Name}'";
        int errorsBefore = _syntaxErrorCount;
        bool bodyParsed = false;

        InputSection? input = null;
        var declarations = new List<Declaration>();
        CommandSection? command = null;
        OutputSection? output = null;
        KeyValueSection? runtime = null;
        KeyValueSection? requirements = null;
        KeyValueSection? hints = null;
        MetaSection? meta = null;
        MetaSection? parameterMeta = null;

        if (Expect(TokenKind.LeftBrace, $"'{{' to open {owner}"))
        {
            bodyParsed = true;
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
                    case TokenKind.CommandKeyword:
                        var parsedCommand = ParseCommand();
                        if (parsedCommand is not null) AssignOnce(ref command, parsedCommand, owner);
                        break;
                    case TokenKind.OutputKeyword:
                        AssignOnce(ref output, ParseOutputSection(workflow: false), owner);
                        break;
                    case TokenKind.RuntimeKeyword:
                        AssignOnce(ref runtime, ParseKeyValueSection(), owner);
                        break;
                    case TokenKind.RequirementsKeyword when Peek(1).Kind == TokenKind.LeftBrace:
                        if (Below(WdlVersion.V1_2) && Standalone()) _diagnostics.RequirementsRequiresV12(token.Span, _version);
                        AssignOnce(ref requirements, ParseKeyValueSection(), owner);
                        break;
                    case TokenKind.HintsKeyword when Peek(1).Kind == TokenKind.LeftBrace:
                        if (Below(WdlVersion.V1_2) && Standalone()) _diagnostics.HintsSectionRequiresV12(token.Span, _version);
                        AssignOnce(ref hints, ParseKeyValueSection(), owner);
                        break;
                    case TokenKind.MetaKeyword:
                        AssignOnce(ref meta, ParseMetaSection(), owner);
                        break;
                    case TokenKind.ParameterMetaKeyword:
                        AssignOnce(ref parameterMeta, ParseMetaSection(), owner);
                        break;
                    default:
                        if (StartsDeclaration())
                        {
                            var declaration = ParseDeclaration(DeclarationContext.TaskPrivate);
                            if (declaration is not null) declarations.Add(declaration);
                        }
                        else
                        {
                            ReportUnexpected($"a declaration, a section (input, command, output, runtime, meta, ...) or '}}' to close {owner}");
                            SkipToBodyItem(workflow: false);
                        }
                        break;
                }
                if (_pos == before) Skip();
            }
        }

        // Structural checks only make sense when the body was read without syntax errors.
        if (bodyParsed && _syntaxErrorCount == errorsBefore)
        {
            if (command is null && Standalone()) _diagnostics.MissingCommand(name.Span.Length > 0 ? name.Span : keyword.Span, name.Name);
            if (runtime is not null && (requirements ?? hints) is { } modern)
            {
                if (Standalone()) _diagnostics.RuntimeWithRequirements(new TextSpan(modern.Span.Start, modern.Keyword.Length), modern.Keyword);
            }
        }

        return new TaskNode(name, input, declarations, command, output, runtime, requirements, hints, meta, parameterMeta, SpanFrom(keyword.Start));
    }
}
