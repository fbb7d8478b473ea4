namespace Osprey.Wdl.Syntax.Parsing;

internal enum TokenKind : byte
{
    EndOfFile,

    /// <summary>A run of characters that cannot start any token (already reported by the lexer).</summary>
    Bad,

    Identifier,
    IntLiteral,
    FloatLiteral,

    /// <summary>The raw word after a leading <c>version</c> keyword, e.g. <c>1.1</c>.</summary>
    VersionText,

    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Comma,
    Colon,
    Dot,
    Question,
    Equals,
    EqualEqual,
    BangEqual,
    Bang,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Plus,
    Minus,
    Star,
    StarStar,
    Slash,
    Percent,
    AmpAmp,
    PipePipe,

    /// <summary><c>"</c> or <c>'</c> opening a string.</summary>
    StringStart,

    /// <summary>Raw text of a string, multi-line string or command (escapes not yet resolved).</summary>
    StringText,

    /// <summary>The closing quote; zero-length when the string was unterminated.</summary>
    StringEnd,

    /// <summary><c>&lt;&lt;&lt;</c> opening a 1.2 multi-line string.</summary>
    MultilineStart,
    MultilineEnd,

    /// <summary><c>{</c> or <c>&lt;&lt;&lt;</c> right after the <c>command</c> keyword.</summary>
    CommandStart,
    CommandEnd,

    /// <summary><c>~{</c> or <c>${</c>.</summary>
    PlaceholderStart,
    PlaceholderEnd,

    // Keywords: every reserved word of WDL 1.2 (contextual words such as 'after' and 'env' stay identifiers).
    ArrayKeyword,
    BooleanKeyword,
    DirectoryKeyword,
    FileKeyword,
    FloatKeyword,
    IntKeyword,
    MapKeyword,
    NoneKeyword,
    ObjectTypeKeyword,
    PairKeyword,
    StringKeyword,
    AliasKeyword,
    AsKeyword,
    CallKeyword,
    CommandKeyword,
    ElseKeyword,
    FalseKeyword,
    HintsKeyword,
    IfKeyword,
    InKeyword,
    ImportKeyword,
    InputKeyword,
    LeftKeyword,
    MetaKeyword,
    ObjectKeyword,
    OutputKeyword,
    ParameterMetaKeyword,
    RequirementsKeyword,
    RightKeyword,
    RuntimeKeyword,
    ScatterKeyword,
    StructKeyword,
    TaskKeyword,
    ThenKeyword,
    TrueKeyword,
    VersionKeyword,
    WorkflowKeyword,
}
