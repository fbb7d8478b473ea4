using System.Collections.Concurrent;
using Osprey.Engine.Inputs;
using Osprey.Engine.Running;
using Osprey.Engine.Values;
using Osprey.Wdl;
using Osprey.Wdl.Loading;

namespace Osprey.Engine.Tests.Containers;

/// <summary>One WDL document run through the engine as `osprey run` does, with its log kept.</summary>
internal sealed class WdlRun(TempDirectory temp)
{
    public ConcurrentQueue<string> Log { get; } = new();

    public string RunDirectory => Path.Combine(temp.Path, "run");

    public async Task<WdlObject> RunAsync(string source, string? inputsJson = null, CancellationToken cancellationToken = default)
    {
        string wdl = temp.Write("main.wdl", source);
        string? inputs = inputsJson is null ? null : temp.Write("inputs.json", inputsJson);
        var compilation = await Compilation.LoadAsync(wdl, new FileDocumentSource(), new CheckOptions());
        Assert.False(compilation.HasErrors, "check errors: " + string.Join("; ", compilation.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Start.Line}:{d.Start.Column} {d.Message}")));
        var prepared = RunInputs.Prepare(compilation.Root, null, inputs, []);
        Assert.True(prepared.IsValid, "input errors: " + string.Join("; ", prepared.Errors));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        return await LocalRun.RunAsync(prepared.Target!, prepared.Inputs, RunDirectory,
            new LocalRunOptions(NoContainer: false, Log: Log.Enqueue, BaseDirectory: temp.Path), new RunProgress(), timeout.Token);
    }

    public static WdlValue Member(WdlObject outputs, string name)
    {
        Assert.True(outputs.TryGetMember(name, out var value), $"no output {name}; outputs: {string.Join(", ", outputs.MemberNames)}");
        return value;
    }

    public static string String(WdlObject outputs, string name) => Assert.IsType<WdlString>(Member(outputs, name)).Value;

    public static string FilePath(WdlObject outputs, string name) => Assert.IsType<WdlFile>(Member(outputs, name)).Location;

    /// <summary>An Array[String] output as lines.</summary>
    public static string Lines(WdlObject outputs, string name) =>
        string.Join('\n', Assert.IsType<WdlArray>(Member(outputs, name)).Items.Select(i => Assert.IsType<WdlString>(i).Value));
}
