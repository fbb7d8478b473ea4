using System.Text;
using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Tests.Syntax;

/// <summary>Shortcuts for parsing snippets and checking their trees and diagnostics.</summary>
internal static class ParseAssert
{
    public static ParseResult Parse(string text) => WdlParser.Parse(new SourceText("test.wdl", text));

    /// <summary>Parses and fails with every diagnostic listed when there is any.</summary>
    public static Document Clean(string text)
    {
        var result = Parse(text);
        Assert.True(result.Diagnostics.Count == 0, "unexpected diagnostics:\n" + Format(result.Diagnostics));
        return result.Document;
    }

    /// <summary>The initializer of <c>x</c> in a workflow of the given version.</summary>
    public static Expression Expr(string expression, string version = "1.2")
    {
        var document = Clean($"version {version}\nworkflow w {{\n  Int x = {expression}\n}}\n");
        var declaration = Assert.IsType<DeclarationElement>(Assert.Single(document.Workflow!.Body));
        return declaration.Declaration.Initializer!;
    }

    /// <summary>Asserts a diagnostic with this code starts at line:column (1-based).</summary>
    public static Diagnostic Has(ParseResult result, string code, int line, int column)
    {
        var match = result.Diagnostics.FirstOrDefault(d => d.Code == code && d.Start == (line, column));
        Assert.True(match is not null, $"expected {code} at {line}:{column}, got:\n" + Format(result.Diagnostics));
        return match!;
    }

    /// <summary>Asserts exactly one diagnostic: this code at line:column.</summary>
    public static Diagnostic Only(string text, string code, int line, int column)
    {
        var result = Parse(text);
        Assert.True(result.Diagnostics.Count == 1, "expected exactly one diagnostic, got:\n" + Format(result.Diagnostics));
        return Has(result, code, line, column);
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var d in diagnostics) builder.Append($"  {d.Start.Line}:{d.Start.Column} {d.Code} {d.Severity}: {d.Message}\n");
        return builder.ToString();
    }

    public static string TextOf(this Document document, SyntaxNode node) => document.Source.GetText(node.Span);

    /// <summary>A compact prefix rendering of an expression tree, to assert shape and precedence in one line.</summary>
    public static string Show(Expression expression) => expression switch
    {
        IntLiteral i => i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FloatLiteral f => f.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f",
        BooleanLiteral b => b.Value ? "true" : "false",
        NoneLiteral => "None",
        StringLiteral s => "\"" + string.Concat(s.Parts.Select(ShowPart)) + "\"",
        NameExpression n => n.Name.Name,
        MemberAccessExpression m => $"(. {Show(m.Target)} {m.Member.Name})",
        IndexExpression ix => $"([] {Show(ix.Target)} {Show(ix.Index)})",
        CallExpression c => $"({c.Function.Name}{string.Concat(c.Arguments.Select(a => " " + Show(a)))})",
        UnaryExpression u => $"({(u.Operator switch { UnaryOperator.Not => "!", UnaryOperator.Negate => "-", _ => "+" })} {Show(u.Operand)})",
        BinaryExpression b => $"({b.Operator.Symbol()} {Show(b.Left)} {Show(b.Right)})",
        IfExpression i => $"(if {Show(i.Condition)} {Show(i.Then)} {Show(i.Else)})",
        ParenthesizedExpression p => $"(paren {Show(p.Inner)})",
        ArrayLiteral a => "[" + string.Join(" ", a.Items.Select(Show)) + "]",
        MapLiteral m => "{" + string.Join(" ", m.Entries.Select(e => Show(e.Key) + ":" + Show(e.Value))) + "}",
        PairLiteral p => $"(pair {Show(p.Left)} {Show(p.Right)})",
        ObjectLiteral o => "object{" + string.Join(" ", o.Members.Select(e => e.Key.Name + ":" + Show(e.Value))) + "}",
        StructLiteral s => s.TypeName.Name + "{" + string.Join(" ", s.Members.Select(e => e.Key.Name + ":" + Show(e.Value))) + "}",
        HintsLiteral h => h.Kind + "{" + string.Join(" ", h.Members.Select(e => e.Key.Name + ":" + Show(e.Value))) + "}",
        ErrorExpression => "<error>",
        _ => expression.GetType().Name,
    };

    private static string ShowPart(StringPart part) => part switch
    {
        StringText t => t.Text,
        Placeholder p => (p.IsTilde ? "~{" : "${") + string.Concat(p.Options.Select(o => o.Name.Name + "=" + Show(o.Value) + " ")) + Show(p.Expression) + "}",
        _ => "?",
    };
}
