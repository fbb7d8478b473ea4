using System.Text.Json;
using Osprey.Engine.Inputs;
using Osprey.Engine.Running;
using Osprey.Engine.Values;
using Osprey.Wdl;
using Osprey.Wdl.Loading;
using Xunit.Abstractions;

namespace Osprey.Engine.Tests.Conformance;

/// <summary>
/// Runs every WDL 1.1 conformance case as the suite's README says: a fresh directory holding
/// data/ and the case's files, the engine run on them (tasks on the host), outputs compared by
/// the suite's rules. Cases and outputs in run-exceptions.txt are not held; every other must pass.
/// </summary>
public class ConformanceRunTests(ITestOutputHelper output)
{
    private static readonly Lazy<Dictionary<string, string>> Exceptions = new(ReadExceptions);

    public static TheoryData<string> Cases() => new(ConformanceSuite.CaseNames().Where(n => !Exceptions.Value.ContainsKey(n)));

    [Fact]
    public void Every_exception_names_a_case()
    {
        var cases = ConformanceSuite.CaseNames().ToHashSet();
        Assert.Equal(150, cases.Count);
        foreach (var key in Exceptions.Value.Keys)
            Assert.True(cases.Contains(key) || cases.Contains(key[..key.IndexOf('.')]), $"run-exceptions.txt names no case: {key}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_runs_as_expected(string name)
    {
        var config = ConformanceSuite.Config(name);
        using var temp = new TempDirectory();
        string work = temp.Path;
        foreach (var file in Directory.GetFiles(Path.Combine(ConformanceSuite.Root, "data"))) File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
        foreach (var file in Directory.GetFiles(Path.Combine(ConformanceSuite.Root, name)))
            if (file.EndsWith(".wdl", StringComparison.Ordinal) || Path.GetFileName(file) == "inputs.json")
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)), overwrite: true);

        var compilation = await Compilation.LoadAsync(Path.Combine(work, name + ".wdl"), new FileDocumentSource(), new CheckOptions());
        if (compilation.HasErrors)
        {
            Assert.True(config.Fail, "check errors: " + string.Join("; ", compilation.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Start.Line}:{d.Start.Column} {d.Message}")));
            output.WriteLine($"{name}: failed statically, as expected");
            return;
        }
        var prepared = RunInputs.Prepare(compilation.Root, config.Type == "task" ? config.Target : null, Path.Combine(work, "inputs.json"), []);
        if (!prepared.IsValid)
        {
            Assert.True(config.Fail, "input errors: " + string.Join("; ", prepared.Errors));
            return;
        }
        Assert.Equal(config.Target, prepared.Target!.Name);

        WdlObject outputs;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            outputs = await LocalRun.RunAsync(prepared.Target, prepared.Inputs, Path.Combine(work, "run"),
                new LocalRunOptions(NoContainer: true, BaseDirectory: work), new RunProgress(), timeout.Token);
        }
        catch (RunFailedException e)
        {
            Assert.True(config.Fail, $"run failed: {e.Message}");
            if (config.ReturnCode is int expectedCode) Assert.Equal(expectedCode, e.ExitCode);
            output.WriteLine($"{name}: failed at run time, as expected: {e.Message}");
            return;
        }
        Assert.False(config.Fail, "the case should fail, but the run succeeded");

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(ConformanceSuite.Root, name, "outputs.json")));
        var actual = outputs.MemberNames.ToDictionary(n => $"{config.Target}.{n}", n => outputs.TryGetMember(n, out var v) ? v : WdlNone.Instance);
        foreach (var property in expected.RootElement.EnumerateObject())
        {
            string key = property.Name;
            string bare = key.StartsWith(config.Target + ".", StringComparison.Ordinal) ? key[(config.Target.Length + 1)..] : key;
            if (config.ExcludedOutputs.Contains(bare) || config.ExcludedOutputs.Contains(key) || Exceptions.Value.ContainsKey($"{name}.{bare}")) continue;
            Assert.True(actual.TryGetValue(key, out var value), $"no output {key}; outputs: {string.Join(", ", actual.Keys)}");
            using var actualJson = JsonDocument.Parse(ValueJson.Serialize(value));
            Assert.True(OutputComparison.Matches(property.Value, actualJson.RootElement),
                $"{key}: expected {property.Value.GetRawText()}, got {actualJson.RootElement.GetRawText()}");
        }
        output.WriteLine($"{name}: outputs as expected");
    }

    private static Dictionary<string, string> ReadExceptions()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string path = Path.Combine(AppContext.BaseDirectory, "Conformance", "run-exceptions.txt");
        foreach (var raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int space = line.IndexOfAny([' ', '\t']);
            result[space < 0 ? line : line[..space]] = space < 0 ? "" : line[space..].Trim();
        }
        return result;
    }
}
