using System.Text.Json;

namespace Osprey.Engine.Tests.Conformance;

/// <summary>
/// Where the shared WDL 1.1 conformance cases are (../shared/wdl-conformance beside the
/// repository), and each case's configuration.
/// </summary>
internal static class ConformanceSuite
{
    public static readonly string Root = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "wdl-conformance"), Path.Combine(dir.FullName, "..", "shared", "wdl-conformance") })
                if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return Path.Combine(AppContext.BaseDirectory, "shared", "wdl-conformance");
    }

    public static IEnumerable<string> CaseNames() => !Directory.Exists(Root)
        ? []
        : Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>()
            .Where(n => File.Exists(Path.Combine(Root, n, n + ".wdl"))).Order(StringComparer.Ordinal);

    public static CaseConfig Config(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, name, "config.json")));
        var root = json.RootElement;
        var excluded = root.TryGetProperty("exclude_output", out var ex) && ex.ValueKind == JsonValueKind.Array
            ? ex.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
        int? returnCode = root.TryGetProperty("return_code", out var rc) && rc.ValueKind == JsonValueKind.Number ? rc.GetInt32() : null;
        return new CaseConfig(name, root.GetProperty("target").GetString()!, root.GetProperty("type").GetString()!,
            root.GetProperty("fail").GetBoolean(), returnCode, excluded);
    }
}

internal sealed record CaseConfig(string Name, string Target, string Type, bool Fail, int? ReturnCode, IReadOnlyList<string> ExcludedOutputs);
