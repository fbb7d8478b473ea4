using Osprey.Engine.Inputs;
using Osprey.Engine.Running;
using Osprey.Engine.Values;
using Osprey.Wdl;
using Osprey.Wdl.Loading;

namespace Osprey.Engine.Tests.Running;

/// <summary>
/// A fresh directory to write WDL into and run it from, as <c>osprey run</c> does: check the
/// document, bind the inputs, run with tasks on the host. Runs go to <see cref="RunDirectory"/>.
/// Every run has a generous timeout that only guards against a hang.
/// </summary>
internal sealed class RunHarness : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    /// <summary>A task that echoes its Int input back as its output <c>out</c>, shared by the scatter and conditional tests.</summary>
    public const string EchoTask = """
        task echo {
          input { Int x }
          command <<<
            echo ~{x}
          >>>
          output { Int out = read_int(stdout()) }
        }
        """;
    private readonly TempDirectory _temp = new();

    public string Root => _temp.Path;

    public string RunDirectory => Path.Combine(Root, "run");

    public string Write(string relative, string content) => _temp.Write(relative, content);

    /// <summary>A path in the test's directory, outside every task's work directory (for markers and counters).</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes <paramref name="wdl"/> to main.wdl (unless it is already a file name) and binds the inputs.</summary>
    public async Task<RunInputs> PrepareAsync(string wdl, string? inputsJson = null, IReadOnlyList<(string, string)>? arguments = null, string? task = null)
    {
        string file = wdl.EndsWith(".wdl", StringComparison.Ordinal) ? PathOf(wdl) : Write("main.wdl", wdl);
        var compilation = await Compilation.LoadAsync(file, new FileDocumentSource(), new CheckOptions());
        var errors = compilation.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Start.Line}:{d.Start.Column} {d.Message}").ToList();
        Assert.True(errors.Count == 0, "check errors: " + string.Join("; ", errors));
        string? inputsPath = inputsJson is null ? null : Write("inputs.json", inputsJson);
        return RunInputs.Prepare(compilation.Root, task, inputsPath, arguments ?? []);
    }

    /// <summary>Runs and expects success; the outputs as one JSON object (File values as absolute paths).</summary>
    public async Task<WdlObject> RunAsync(string wdl, string? inputsJson = null, IReadOnlyList<(string, string)>? arguments = null, string? task = null,
        RunProgress? progress = null, CancellationToken cancellation = default)
    {
        var prepared = await PrepareAsync(wdl, inputsJson, arguments, task);
        Assert.True(prepared.IsValid, "input errors: " + string.Join("; ", prepared.Errors));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(HangGuard);
        return await LocalRun.RunAsync(prepared.Target!, prepared.Inputs, RunDirectory,
            new LocalRunOptions(NoContainer: true, BaseDirectory: Root), progress ?? new RunProgress(), timeout.Token);
    }

    /// <summary>Runs and expects the run to fail.</summary>
    public async Task<RunFailedException> FailAsync(string wdl, string? inputsJson = null, IReadOnlyList<(string, string)>? arguments = null, string? task = null,
        RunProgress? progress = null) =>
        await Assert.ThrowsAsync<RunFailedException>(() => RunAsync(wdl, inputsJson, arguments, task, progress));

    /// <summary>One output as compact JSON, e.g. <c>[1,2]</c>, <c>null</c>, <c>"a"</c>.</summary>
    public static string Json(WdlObject outputs, string name)
    {
        Assert.True(outputs.TryGetMember(name, out var value), $"no output '{name}'; outputs: {string.Join(", ", outputs.MemberNames)}");
        return ValueJson.Serialize(value);
    }

    public void Dispose() => _temp.Dispose();
}
