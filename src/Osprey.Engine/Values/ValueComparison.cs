using Osprey.Wdl.Syntax;

namespace Osprey.Engine.Values;

/// <summary>
/// The semantics of WDL's comparison operators: <c>==</c>/<c>!=</c> on any values and the ordering
/// operators on primitives.
/// </summary>
public static class ValueComparison
{
    /// <summary>
    /// Operator equality. <c>None</c> equals only <c>None</c>. Primitives follow the spec's order of
    /// precedence: numbers compare numerically (Int promoted to Float); otherwise, when the kinds
    /// differ or either side is a String/File/Directory, both sides are compared as strings (so
    /// <c>true == "true"</c> and <c>File == String</c> work, and <c>1 == true</c> is false).
    /// Compound values are equal when they are the same kind, have the same length and all their
    /// elements are equal in order (objects: same member names, order-insensitive).
    /// </summary>
    public static bool AreEqual(WdlValue left, WdlValue right, WdlVersion version = WdlVersion.V1_1)
    {
        if (left.IsNone || right.IsNone) return left.IsNone && right.IsNone;
        switch (left)
        {
            case WdlInt li when right is WdlInt ri: return li.Value == ri.Value;
            case WdlInt li when right is WdlFloat rf: return li.Value == rf.Value;
            case WdlFloat lf when right is WdlFloat rf: return lf.Value == rf.Value;
            case WdlFloat lf when right is WdlInt ri: return lf.Value == ri.Value;
            case WdlBoolean lb when right is WdlBoolean rb: return lb.Value == rb.Value;
            case WdlPrimitive when right is WdlPrimitive:
                return string.Equals(
                    ValueText.FormatPrimitive(left, version),
                    ValueText.FormatPrimitive(right, version),
                    StringComparison.Ordinal);
            case WdlArray la when right is WdlArray ra:
                {
                    if (la.Count != ra.Count) return false;
                    for (int i = 0; i < la.Count; i++)
                        if (!AreEqual(la[i], ra[i], version)) return false;
                    return true;
                }
            case WdlMap lm when right is WdlMap rm:
                {
                    if (lm.Count != rm.Count) return false;
                    for (int i = 0; i < lm.Count; i++)
                    {
                        var (lk, lv) = lm.EntryAt(i);
                        var (rk, rv) = rm.EntryAt(i);
                        if (!AreEqual(lk, rk, version) || !AreEqual(lv, rv, version)) return false;
                    }
                    return true;
                }
            case WdlPair lp when right is WdlPair rp:
                return AreEqual(lp.Left, rp.Left, version) && AreEqual(lp.Right, rp.Right, version);
            case WdlStruct ls when right is WdlStruct rs:
                return MembersEqual(ls, rs, version);
            case WdlObject lo when right is WdlObject ro:
                return MembersEqual(lo, ro, version);
            default:
                return false;
        }
    }

    private static bool MembersEqual(IMemberValue left, IMemberValue right, WdlVersion version)
    {
        if (left.MemberNames.Count != right.MemberNames.Count) return false;
        foreach (var name in left.MemberNames)
        {
            if (!right.TryGetMember(name, out var r)) return false;
            left.TryGetMember(name, out var l);
            if (!AreEqual(l, r, version)) return false;
        }
        return true;
    }

    /// <summary>
    /// Ordering for <c>&lt; &lt;= &gt; &gt;=</c>: numbers numerically (Int promoted to Float),
    /// strings (and File/Directory, compared by location) by Unicode code point, Booleans with
    /// false before true (deprecated but specified). Anything else is an error.
    /// </summary>
    public static int Compare(WdlValue left, WdlValue right)
    {
        switch (left)
        {
            case WdlInt li when right is WdlInt ri: return li.Value.CompareTo(ri.Value);
            case WdlInt li when right is WdlFloat rf: return ((double)li.Value).CompareTo(rf.Value);
            case WdlFloat lf when right is WdlFloat rf: return lf.Value.CompareTo(rf.Value);
            case WdlFloat lf when right is WdlInt ri: return lf.Value.CompareTo((double)ri.Value);
            case WdlBoolean lb when right is WdlBoolean rb: return lb.Value.CompareTo(rb.Value);
        }
        if (left.IsStringLike() && right.IsStringLike())
            return CompareCodePoints(StringLikeText(left), StringLikeText(right));
        if (left.IsNone || right.IsNone)
            throw new WdlValueException("cannot compare None with the ordering operators");
        throw new WdlValueException($"cannot compare {left.Type} with {right.Type}");
    }

    /// <summary>Compares by Unicode scalar values (UTF-16 ordinal order differs for supplementary characters).</summary>
    public static int CompareCodePoints(string left, string right)
    {
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            int a = CodePointAt(left, i, out int la);
            int b = CodePointAt(right, j, out int lb);
            if (a != b) return a < b ? -1 : 1;
            i += la;
            j += lb;
        }
        return (left.Length - i).CompareTo(right.Length - j);
    }

    private static int CodePointAt(string s, int index, out int length)
    {
        if (char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(s[index], s[index + 1]);
        }
        length = 1;
        return s[index];
    }

    internal static string StringLikeText(WdlValue value) => value switch
    {
        WdlString s => s.Value,
        WdlFile f => f.Location,
        WdlDirectory d => d.Location,
        _ => throw new WdlValueException($"expected a String but got {value.Type}"),
    };
}
