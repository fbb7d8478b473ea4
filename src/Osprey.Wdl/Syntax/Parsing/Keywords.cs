namespace Osprey.Wdl.Syntax.Parsing;

/// <summary>The reserved words of WDL and facts about token kinds that the parser asks often.</summary>
internal static class Keywords
{
    private static readonly Dictionary<string, TokenKind> Table = new(StringComparer.Ordinal)
    {
        ["Array"] = TokenKind.ArrayKeyword,
        ["Boolean"] = TokenKind.BooleanKeyword,
        ["Directory"] = TokenKind.DirectoryKeyword,
        ["File"] = TokenKind.FileKeyword,
        ["Float"] = TokenKind.FloatKeyword,
        ["Int"] = TokenKind.IntKeyword,
        ["Map"] = TokenKind.MapKeyword,
        ["None"] = TokenKind.NoneKeyword,
        ["Object"] = TokenKind.ObjectTypeKeyword,
        ["Pair"] = TokenKind.PairKeyword,
        ["String"] = TokenKind.StringKeyword,
        ["alias"] = TokenKind.AliasKeyword,
        ["as"] = TokenKind.AsKeyword,
        ["call"] = TokenKind.CallKeyword,
        ["command"] = TokenKind.CommandKeyword,
        ["else"] = TokenKind.ElseKeyword,
        ["false"] = TokenKind.FalseKeyword,
        ["hints"] = TokenKind.HintsKeyword,
        ["if"] = TokenKind.IfKeyword,
        ["in"] = TokenKind.InKeyword,
        ["import"] = TokenKind.ImportKeyword,
        ["input"] = TokenKind.InputKeyword,
        ["left"] = TokenKind.LeftKeyword,
        ["meta"] = TokenKind.MetaKeyword,
        ["object"] = TokenKind.ObjectKeyword,
        ["output"] = TokenKind.OutputKeyword,
        ["parameter_meta"] = TokenKind.ParameterMetaKeyword,
        ["requirements"] = TokenKind.RequirementsKeyword,
        ["right"] = TokenKind.RightKeyword,
        ["runtime"] = TokenKind.RuntimeKeyword,
        ["scatter"] = TokenKind.ScatterKeyword,
        ["struct"] = TokenKind.StructKeyword,
        ["task"] = TokenKind.TaskKeyword,
        ["then"] = TokenKind.ThenKeyword,
        ["true"] = TokenKind.TrueKeyword,
        ["version"] = TokenKind.VersionKeyword,
        ["workflow"] = TokenKind.WorkflowKeyword,
    };

    // Looked up by span so the lexer never allocates a string per word.
    private static readonly Dictionary<string, TokenKind>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    public static TokenKind Classify(ReadOnlySpan<char> word)
        => Lookup.TryGetValue(word, out var kind) ? kind : TokenKind.Identifier;

    public static bool IsKeyword(TokenKind kind) => kind >= TokenKind.ArrayKeyword;

    /// <summary>Keywords that begin a type (struct names are identifiers).</summary>
    public static bool IsTypeKeyword(TokenKind kind) => kind is TokenKind.ArrayKeyword or TokenKind.BooleanKeyword
        or TokenKind.DirectoryKeyword or TokenKind.FileKeyword or TokenKind.FloatKeyword or TokenKind.IntKeyword
        or TokenKind.MapKeyword or TokenKind.ObjectTypeKeyword or TokenKind.PairKeyword or TokenKind.StringKeyword;

    public static bool IsTopLevelKeyword(TokenKind kind) => kind is TokenKind.ImportKeyword or TokenKind.StructKeyword
        or TokenKind.TaskKeyword or TokenKind.WorkflowKeyword;

    /// <summary>Keywords that open a section of a task, workflow or struct body.</summary>
    public static bool IsSectionKeyword(TokenKind kind) => kind is TokenKind.InputKeyword or TokenKind.CommandKeyword
        or TokenKind.OutputKeyword or TokenKind.RuntimeKeyword or TokenKind.RequirementsKeyword or TokenKind.HintsKeyword
        or TokenKind.MetaKeyword or TokenKind.ParameterMetaKeyword;

    public static bool IsOpener(TokenKind kind) => kind is TokenKind.LeftParen or TokenKind.LeftBracket
        or TokenKind.LeftBrace or TokenKind.StringStart or TokenKind.MultilineStart or TokenKind.CommandStart
        or TokenKind.PlaceholderStart;

    public static bool IsCloser(TokenKind kind) => kind is TokenKind.RightParen or TokenKind.RightBracket
        or TokenKind.RightBrace or TokenKind.StringEnd or TokenKind.MultilineEnd or TokenKind.CommandEnd
        or TokenKind.PlaceholderEnd;

    /// <summary>How a token kind is named in messages when its text is not needed.</summary>
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.EndOfFile => "end of file",
        TokenKind.Bad => "invalid characters",
        TokenKind.Identifier => "a name",
        TokenKind.IntLiteral => "an integer",
        TokenKind.FloatLiteral => "a number",
        TokenKind.VersionText => "a version number",
        TokenKind.LeftParen => "'('",
        TokenKind.RightParen => "')'",
        TokenKind.LeftBracket => "'['",
        TokenKind.RightBracket => "']'",
        TokenKind.LeftBrace => "'{'",
        TokenKind.RightBrace => "'}'",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Dot => "'.'",
        TokenKind.Question => "'?'",
        TokenKind.Equals => "'='",
        TokenKind.EqualEqual => "'=='",
        TokenKind.BangEqual => "'!='",
        TokenKind.Bang => "'!'",
        TokenKind.Less => "'<'",
        TokenKind.LessEqual => "'<='",
        TokenKind.Greater => "'>'",
        TokenKind.GreaterEqual => "'>='",
        TokenKind.Plus => "'+'",
        TokenKind.Minus => "'-'",
        TokenKind.Star => "'*'",
        TokenKind.StarStar => "'**'",
        TokenKind.Slash => "'/'",
        TokenKind.Percent => "'%'",
        TokenKind.AmpAmp => "'&&'",
        TokenKind.PipePipe => "'||'",
        TokenKind.StringStart => "a string",
        TokenKind.StringText => "string text",
        TokenKind.StringEnd => "the end of a string",
        TokenKind.MultilineStart => "'<<<'",
        TokenKind.MultilineEnd => "'>>>'",
        TokenKind.CommandStart => "the start of a command",
        TokenKind.CommandEnd => "the end of a command",
        TokenKind.PlaceholderStart => "a placeholder",
        TokenKind.PlaceholderEnd => "'}' closing a placeholder",
        _ => "'" + KeywordText(kind) + "'",
    };

    public static string KeywordText(TokenKind kind)
    {
        foreach (var pair in Table)
        {
            if (pair.Value == kind) return pair.Key;
        }
        return kind.ToString();
    }
}
