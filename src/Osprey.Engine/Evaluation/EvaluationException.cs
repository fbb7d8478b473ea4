using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Evaluation;

/// <summary>
/// An expression could not be evaluated. <see cref="Span"/> is the innermost expression that
/// failed; the message says what went wrong in WDL terms.
/// </summary>
public sealed class EvaluationException : Exception
{
    public EvaluationException(TextSpan span, string message, Exception? inner = null, bool involvesNone = false)
        : base(message, inner)
    {
        Span = span;
        InvolvesNone = involvesNone;
    }

    public TextSpan Span { get; }

    /// <summary>
    /// The failure was caused by an undefined (None) operand or argument. Inside a placeholder such
    /// a failure makes the placeholder render as the empty string instead of failing (WDL 1.2 says
    /// so explicitly; 1.0's <c>${write_lines(optional)}</c> example relies on it).
    /// </summary>
    public bool InvolvesNone { get; }
}
