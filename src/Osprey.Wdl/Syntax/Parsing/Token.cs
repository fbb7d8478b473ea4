namespace Osprey.Wdl.Syntax.Parsing;

/// <summary>One token: its kind and where it is. Text is read from the source only when a node needs it.</summary>
internal readonly struct Token
{
    public Token(TokenKind kind, int start, int length, bool newlineBefore)
    {
        Kind = kind;
        Start = start;
        Length = length;
        NewlineBefore = newlineBefore;
    }

    public TokenKind Kind { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>True when a line break separates this token from the previous one; recovery uses it to find statement starts.</summary>
    public bool NewlineBefore { get; }

    public int End => Start + Length;

    public TextSpan Span => new(Start, Length);

    public override string ToString() => $"{Kind}{Span}";
}
