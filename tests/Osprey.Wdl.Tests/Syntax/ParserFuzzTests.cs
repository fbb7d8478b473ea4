using System.Text;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Tests.Syntax;

/// <summary>
/// The parser must return for any input: mutated conformance files and pathological documents.
/// Each parse runs on its own task and must finish within a generous bound; that only detects
/// hangs, it is not a speed test.
/// </summary>
public class ParserFuzzTests
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);
    private const int MutationsPerFile = 24;

    private static ParseResult ParseWithoutHanging(string text, string label)
    {
        var task = Task.Run(() => WdlParser.Parse(new SourceText(label, text)));
        Assert.True(task.Wait(HangLimit), $"parsing {label} did not finish within {HangLimit.TotalSeconds} s");
        return task.Result;
    }

    public static IEnumerable<object[]> Files() => ConformanceParseTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Mutated_conformance_files_never_throw_or_hang(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(ConformanceFiles.Directory, relativePath));
        var random = new Random(StableHash(relativePath));
        for (int i = 0; i < MutationsPerFile; i++)
        {
            string mutated = Mutate(text, random, out string kind);
            var result = ParseWithoutHanging(mutated, $"{relativePath} #{i} ({kind})");
            SyntaxTreeWalker.AssertSpansNest(result.Document);
            foreach (var diagnostic in result.Diagnostics)
            {
                Assert.InRange(diagnostic.Span.Start, 0, mutated.Length);
                Assert.InRange(diagnostic.Span.End, 0, mutated.Length);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_truncation_point_sample_returns(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(ConformanceFiles.Directory, relativePath));
        int step = Math.Max(1, text.Length / 40);
        for (int cut = 0; cut < text.Length; cut += step)
        {
            var result = ParseWithoutHanging(text.Substring(0, cut), $"{relativePath} cut at {cut}");
            SyntaxTreeWalker.AssertSpansNest(result.Document);
        }
    }

    public static IEnumerable<object[]> Pathological()
    {
        const int n = 50_000;
        string Repeat(string s) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();
        yield return ["open parens", "version 1.1\nworkflow w { Int x = " + new string('(', n)];
        yield return ["balanced parens", "version 1.1\nworkflow w { Int x = " + new string('(', n) + "1" + new string(')', n) + " }"];
        yield return ["open brackets", "version 1.1\nworkflow w { Array[Int] x = " + new string('[', n)];
        yield return ["open braces in expression", "version 1.1\nworkflow w { Map[Int, Int] x = " + new string('{', n)];
        yield return ["open braces at top level", new string('{', n)];
        yield return ["open braces in task", "version 1.1\ntask t {" + new string('{', n)];
        yield return ["closing braces", new string('}', n)];
        yield return ["nested types", "version 1.1\nworkflow w { " + Repeat("Array[")];
        yield return ["nested nots", "version 1.1\nworkflow w { Boolean b = " + new string('!', n) + "true"];
        yield return ["nested negations", "version 1.1\nworkflow w { Int i = " + new string('-', n) + "1 }"];
        yield return ["nested placeholders", "version 1.1\nworkflow w { String s = " + Repeat("\"~{")];
        yield return ["nested command placeholders", "version 1.1\ntask t { command <<< " + Repeat("~{\"${")];
        yield return ["nested scatters", "version 1.1\nworkflow w { " + Repeat("scatter (x in y) { ")];
        yield return ["nested ifs", "version 1.1\nworkflow w { " + Repeat("if (x) { ")];
        yield return ["nested meta", "version 1.1\ntask t { meta { a: " + new string('[', n)];
        yield return ["nested meta objects", "version 1.1\ntask t { meta { a: " + Repeat("{ a: ")];
        yield return ["long operator chain missing operand", "version 1.1\nworkflow w { Int x = " + Repeat("1 + ")];
        yield return ["unterminated string", "version 1.1\nworkflow w { String s = \"abc"];
        yield return ["unterminated single-quoted string", "version 1.1\nworkflow w { String s = 'abc\n}"];
        yield return ["unterminated brace command", "version 1.1\ntask t { command { echo {"];
        yield return ["unterminated heredoc command", "version 1.1\ntask t { command <<< echo"];
        yield return ["unterminated placeholder in command", "version 1.1\ntask t { command <<< echo ~{x"];
        yield return ["unterminated placeholder in string", "version 1.1\nworkflow w { String s = \"~{x"];
        yield return ["unterminated multi-line string", "version 1.2\nworkflow w { String s = <<< abc"];
        yield return ["comment where the body should close", "version 1.1\ntask t { command <<< >>> # no closing brace"];
        yield return ["version only keyword", "version"];
        yield return ["lone quote", "\""];
        yield return ["random bytes", RandomText(1 << 20, 7)];
        yield return ["random WDL characters", RandomWdlCharacters(1 << 20, 11)];
    }

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Pathological_inputs_return_with_an_error(string label, string text)
    {
        var result = ParseWithoutHanging(text, label);
        Assert.Contains(result.Diagnostics, d => d.IsError);
        Assert.True(result.Diagnostics.Count <= 2 * 101 + 2, $"{result.Diagnostics.Count} diagnostics");
        SyntaxTreeWalker.AssertSpansNest(result.Document);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Valid_files_have_nested_spans(string relativePath)
    {
        string text = File.ReadAllText(Path.Combine(ConformanceFiles.Directory, relativePath));
        SyntaxTreeWalker.AssertSpansNest(WdlParser.Parse(new SourceText(relativePath, text)).Document);
    }

    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", "\"", "'", "~{", "${", "<<<", ">>>", "#", "\n", ",", ":", "=", ".", "\\",
        "task", "workflow", "call", "input", "output", "command", "version 1.2", "struct", "if", "then", "else",
        "scatter", "in", "None", "**", "0x", "1e", "@", "\u00e9", "\0",
    ];

    /// <summary>One random edit: truncate, delete, duplicate or swap a span, insert random bytes or WDL fragments.</summary>
    private static string Mutate(string text, Random random, out string kind)
    {
        int Pos() => random.Next(text.Length + 1);
        int start = Pos();
        int length = Math.Min(text.Length - start, random.Next(1, 40));
        switch (random.Next(7))
        {
            case 0:
                kind = "truncate";
                return text.Substring(0, start);
            case 1:
                kind = "delete";
                return text.Remove(start, length);
            case 2:
                kind = "duplicate";
                return text.Insert(start, text.Substring(start, length));
            case 3:
                {
                    kind = "swap";
                    int other = Pos();
                    int otherLength = Math.Min(text.Length - other, random.Next(1, 40));
                    if (other < start) (start, length, other, otherLength) = (other, otherLength, start, length);
                    if (start + length > other) return text.Remove(start, length);
                    return text.Substring(0, start) + text.Substring(other, otherLength) + text.Substring(start + length, other - start - length)
                        + text.Substring(start, length) + text.Substring(other + otherLength);
                }
            case 4:
                kind = "random bytes";
                return text.Insert(start, RandomText(random.Next(1, 16), random.Next()));
            default:
                {
                    kind = "fragments";
                    var builder = new StringBuilder(text);
                    int count = random.Next(1, 6);
                    for (int i = 0; i < count; i++) builder.Insert(random.Next(builder.Length + 1), Fragments[random.Next(Fragments.Length)]);
                    return builder.ToString();
                }
        }
    }

    private static string RandomText(int bytes, int seed)
    {
        var data = new byte[bytes];
        new Random(seed).NextBytes(data);
        return Encoding.UTF8.GetString(data);
    }

    /// <summary>Random text drawn from characters that are meaningful to the lexer, so deeper paths are exercised.</summary>
    private static string RandomWdlCharacters(int length, int seed)
    {
        const string alphabet = "{}()[]<>\"'~$#\\\n =+-*/%!&|?:.,abc123xyz";
        var random = new Random(seed);
        var chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return "version 1.2\n" + new string(chars);
    }

    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return (int)(hash & 0x7FFFFFFF);
    }
}
