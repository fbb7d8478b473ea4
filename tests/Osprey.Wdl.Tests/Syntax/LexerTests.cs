using Osprey.Wdl.Diagnostics;
using Osprey.Wdl.Syntax;
using Osprey.Wdl.Syntax.Parsing;

namespace Osprey.Wdl.Tests.Syntax;

public class LexerTests
{
    private static (List<Token> Tokens, DiagnosticBag Diagnostics, LexedDocument Lexed, string Text) Lex(string text)
    {
        var source = new SourceText("t.wdl", text);
        var bag = new DiagnosticBag(source);
        var lexed = Lexer.Lex(source, bag);
        return (lexed.Tokens, bag, lexed, text);
    }

    private static string Render(string text)
    {
        var (tokens, _, _, _) = Lex(text);
        return string.Join(" ", tokens.Select(t => t.Kind + (t.Length > 0 && t.Kind is TokenKind.Identifier or TokenKind.StringText or TokenKind.IntLiteral or TokenKind.FloatLiteral or TokenKind.VersionText ? "(" + text.Substring(t.Start, t.Length) + ")" : "")));
    }

    [Fact]
    public void Version_word_is_one_token_and_sets_the_version()
    {
        var (tokens, _, lexed, _) = Lex("version 1.2\n");
        Assert.Equal(WdlVersion.V1_2, lexed.Version);
        Assert.Equal(TokenKind.VersionText, tokens[1].Kind);
        Assert.Equal(new TextSpan(8, 3), tokens[1].Span);
    }

    [Fact]
    public void Operators_and_punctuation()
    {
        Assert.Equal(
            "LeftParen RightParen LeftBracket RightBracket LeftBrace RightBrace Comma Colon Dot Question Equals EqualEqual BangEqual Bang Less LessEqual Greater GreaterEqual Plus Minus Star StarStar Slash Percent AmpAmp PipePipe EndOfFile",
            Render("( ) [ ] { } , : . ? = == != ! < <= > >= + - * ** / % && ||"));
    }

    [Fact]
    public void Keywords_and_contextual_words()
    {
        Assert.Equal("TaskKeyword Identifier(after) Identifier(env) HintsKeyword DirectoryKeyword ObjectKeyword ObjectTypeKeyword Identifier(x_1) EndOfFile",
            Render("task after env hints Directory object Object x_1"));
    }

    [Fact]
    public void Numbers()
    {
        Assert.Equal("IntLiteral(12) IntLiteral(0x1f) FloatLiteral(1.5) FloatLiteral(.5) FloatLiteral(1e5) FloatLiteral(2.E-3) IntLiteral(3) Identifier(e) EndOfFile",
            Render("12 0x1f 1.5 .5 1e5 2.E-3 3e"));
    }

    [Fact]
    public void Strings_are_bracketed_with_text_and_placeholders()
    {
        Assert.Equal("StringStart StringText(a ) PlaceholderStart Identifier(x) PlaceholderEnd StringText( \\\" b) StringEnd EndOfFile",
            Render("version 1.1\n\"a ~{x} \\\" b\"").Replace("VersionKeyword VersionText(1.1) ", ""));
    }

    [Fact]
    public void Placeholders_track_braces_of_nested_literals()
    {
        Assert.Equal("StringStart PlaceholderStart LeftBrace StringStart StringText(k) StringEnd Colon IntLiteral(1) RightBrace LeftBracket StringStart StringText(k) StringEnd RightBracket PlaceholderEnd StringEnd EndOfFile",
            Render("version 1.1\n\"~{{'k': 1}['k']}\"").Replace("VersionKeyword VersionText(1.1) ", ""));
    }

    [Fact]
    public void Command_sections_are_raw_text()
    {
        var rendered = Render("version 1.1\ntask t { command { a ${b} # c {d} } command <<< e ${f} ~{g} >>> }");
        Assert.Equal("VersionKeyword VersionText(1.1) TaskKeyword Identifier(t) LeftBrace CommandKeyword CommandStart StringText( a ) PlaceholderStart Identifier(b) PlaceholderEnd StringText( # c {d} ) CommandEnd CommandKeyword CommandStart StringText( e ${f} ) PlaceholderStart Identifier(g) PlaceholderEnd StringText( ) CommandEnd RightBrace EndOfFile",
            rendered);
    }

    [Fact]
    public void Comments_are_collected_with_spans()
    {
        var (tokens, _, lexed, text) = Lex("# one\nInt x # two\n");
        Assert.Equal(new[] { "# one", "# two" }, lexed.Comments.Select(c => c.Text));
        Assert.Equal("# two", text.Substring(lexed.Comments[1].Span.Start, lexed.Comments[1].Span.Length));
        Assert.True(tokens[0].NewlineBefore);
        Assert.False(tokens[1].NewlineBefore);
    }

    [Fact]
    public void Unterminated_constructs_are_closed_with_zero_length_tokens()
    {
        var (tokens, bag, lexed, _) = Lex("version 1.1\ntask t { command <<< echo \"~{x");
        Assert.True(lexed.UnterminatedAtEnd);
        Assert.Single(bag);
        Assert.Equal(TokenKind.EndOfFile, tokens[^1].Kind);
        Assert.Equal(TokenKind.CommandEnd, tokens[^2].Kind);
        Assert.Equal(0, tokens[^2].Length);
        Assert.Equal(TokenKind.PlaceholderEnd, tokens[^3].Kind);
    }

    [Fact]
    public void Multiline_string_in_code()
    {
        Assert.Equal("MultilineStart StringText( a ) PlaceholderStart Identifier(b) PlaceholderEnd StringText( \\>>> c ) MultilineEnd EndOfFile",
            Render("version 1.2\n<<< a ~{b} \\>>> c >>>").Replace("VersionKeyword VersionText(1.2) ", ""));
    }
}
