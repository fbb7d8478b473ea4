using Osprey.Wdl.Diagnostics;

namespace Osprey.Wdl.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>Workflow hints, unlike task hints, take only literal values.</summary>
    private void CheckLiteralHints(KeyValueSection section)
    {
        foreach (var entry in section.Entries)
        {
            if (entry.Value is not ErrorExpression && !IsLiteral(entry.Value) && Standalone())
            {
                _diagnostics.WorkflowHintNotLiteral(entry.Value.Span, entry.Key.Name);
            }
        }
    }

    private static bool IsLiteral(Expression expression)
    {
        switch (expression)
        {
            case BooleanLiteral or IntLiteral or FloatLiteral or NoneLiteral:
                return true;
            case UnaryExpression { Operator: UnaryOperator.Negate or UnaryOperator.Plus, Operand: IntLiteral or FloatLiteral }:
                return true;
            case StringLiteral text:
                foreach (var part in text.Parts)
                {
                    if (part is not StringText) return false;
                }
                return true;
            case ParenthesizedExpression parenthesized:
                return IsLiteral(parenthesized.Inner);
            case PairLiteral pair:
                return IsLiteral(pair.Left) && IsLiteral(pair.Right);
            case ArrayLiteral array:
                foreach (var item in array.Items)
                {
                    if (!IsLiteral(item)) return false;
                }
                return true;
            case MapLiteral map:
                foreach (var entry in map.Entries)
                {
                    if (!IsLiteral(entry.Key) || !IsLiteral(entry.Value)) return false;
                }
                return true;
            case ObjectLiteral obj:
                return AllLiteral(obj.Members);
            case StructLiteral structure:
                return AllLiteral(structure.Members);
            case HintsLiteral hints:
                return AllLiteral(hints.Members);
            default:
                return false;
        }
    }

    private static bool AllLiteral(IReadOnlyList<MemberEntry> members)
    {
        foreach (var member in members)
        {
            if (!IsLiteral(member.Value)) return false;
        }
        return true;
    }
}
