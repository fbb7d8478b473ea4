using System.Text.RegularExpressions;
using Osprey.Wdl.Semantics.StdLib;
using Osprey.Wdl.Syntax;

namespace Osprey.Wdl.Tests.Semantics;

/// <summary>
/// Holds the catalogue to the specs in shared/spec: every function headed in a version's
/// "Standard Library" section is in the catalogue for that version, and every catalogued
/// function is mentioned as a call in that version's spec.
/// </summary>
public partial class SpecCatalogueTests
{
    public static TheoryData<string, WdlVersion> Specs => new()
    {
        { "wdl-draft-2.md", WdlVersion.Draft2 },
        { "wdl-1.0.md", WdlVersion.V1_0 },
        { "wdl-1.1.md", WdlVersion.V1_1 },
        { "wdl-1.2.md", WdlVersion.V1_2 },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_spec_function_is_catalogued(string file, WdlVersion version)
    {
        var headed = HeadedFunctions(File.ReadAllLines(SpecPath(file)));
        Assert.True(headed.Count >= 30, $"only {headed.Count} functions found in {file}: is the section still there?");

        var catalogued = StandardLibrary.FunctionsIn(version).Select(f => f.Name).ToHashSet();
        var missing = headed.Where(name => !catalogued.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"{file}: not catalogued for {version.Display()}: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_catalogued_function_is_in_its_spec(string file, WdlVersion version)
    {
        // glob is described in the task outputs of draft-2 and 1.0, not in their library section,
        // so look for a call anywhere in the text.
        var text = File.ReadAllText(SpecPath(file));
        var absent = StandardLibrary.FunctionsIn(version)
            .Where(f => !Regex.IsMatch(text, $@"\b{f.Name}\(|`{f.Name}`"))
            .Select(f => f.Name)
            .ToList();
        Assert.True(absent.Count == 0, $"{file}: catalogued for {version.Display()} but not in the spec: {string.Join(", ", absent)}");
    }

    /// <summary>
    /// Names under the "# Standard Library" heading: 1.1/1.2 head each function "### `name`"
    /// (maybe with ✨ or 🗑 before it); draft-2/1.0 head each with its signature, several per
    /// heading sometimes ("## Int floor(Float), Int ceil(Float) and Int round(Float)").
    /// </summary>
    private static List<string> HeadedFunctions(string[] lines)
    {
        var names = new List<string>();
        var inLibrary = false;
        foreach (var line in lines)
        {
            if (line.Trim() == "# Standard Library")
            {
                inLibrary = true;
                continue;
            }

            if (!inLibrary)
                continue;
            if (TopLevelHeading().IsMatch(line))
                break;

            var modern = ModernHeading().Match(line);
            if (modern.Success)
            {
                names.Add(modern.Groups[1].Value);
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
                names.AddRange(CallInHeading().Matches(line).Select(m => m.Groups[1].Value));
        }

        return names.Distinct().ToList();
    }

    private static string SpecPath(string file) => Path.Combine(SpecFolder(), file);

    /// <summary>The shared/spec folder, found by walking up from the test assembly.</summary>
    private static string SpecFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "spec");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException($"no shared/spec folder above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^# [A-Z][A-Za-z &]+$")]
    private static partial Regex TopLevelHeading();

    [GeneratedRegex(@"^###\s+(?:\S+\s+)?`([a-z_][a-z0-9_]*)`\s*$")]
    private static partial Regex ModernHeading();

    [GeneratedRegex(@"([a-z_][a-z0-9_]*)\(")]
    private static partial Regex CallInHeading();
}
