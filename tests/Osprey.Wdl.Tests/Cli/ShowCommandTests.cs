using System.Text.Json;
using Osprey.Engine.State;

namespace Osprey.Wdl.Tests.Cli;

/// <summary><c>osprey show</c> over a store written through the store's API.</summary>
public class ShowCommandTests
{
    private static string Header(string stdout) => stdout.Replace("\r", "").Split("\n\n")[0];

    private static List<string[]> Calls(string stdout) => RunsCommandTests.Rows(stdout.Replace("\r", "").Split("\n\n")[1]);

    [Fact]
    public async Task A_succeeded_scatter_shows_its_calls_cache_hits_and_outputs()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await sample.StartAsync("show", SampleRunStore.Scatter.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Equal(
            $"""
            id         {SampleRunStore.Scatter}
            workflow   wf
            status     succeeded
            dir        {sample.RunDirectory("scatter")}
            wdl        /work/wf.wdl
            submitted  {SampleRunStore.Local(SampleRunStore.At(0))}
            started    {SampleRunStore.Local(SampleRunStore.At(1))}
            ended      {SampleRunStore.Local(SampleRunStore.At(66))}
            duration   1m 05s
            """,
            Header(run.Stdout));
        string callDir = sample.RunDirectory("scatter");
        Assert.Equal(
            [
                ["CALL", "STATUS", "ATTEMPT", "DURATION", "CACHE", "DIR"],
                ["wf.prep", "succeeded", "1", "2.5s", "miss", Path.Combine(callDir, "call-wf.prep")],
                ["wf.align[0]", "succeeded", "1", "1m 00s", "miss", Path.Combine(callDir, "call-wf.align0")],
                ["wf.align[1]", "succeeded", "1", "1m 01s", "miss", Path.Combine(callDir, "call-wf.align1")],
                ["wf.align[2]", "succeeded", "-", "0.0s", "hit (from wf.align[0])", Path.Combine(callDir, "call-wf.align2")],
            ],
            Calls(run.Stdout));

        // The workflow's outputs (not the calls'), as JSON after the table.
        string stdout = run.Stdout.Replace("\r", "");
        int outputs = stdout.IndexOf("\noutputs:\n", StringComparison.Ordinal);
        Assert.True(outputs > 0, stdout);
        using var json = JsonDocument.Parse(stdout[(outputs + "\noutputs:\n".Length)..]);
        Assert.Equal(["wf.count", "wf.files"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, json.RootElement.GetProperty("wf.count").GetInt32());
        Assert.Equal(["/runs/scatter/a0.txt", "/runs/scatter/a1.txt"],
            json.RootElement.GetProperty("wf.files").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_failed_run_shows_why_its_call_failed_and_every_cache_state()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await sample.StartAsync("show", "0abc2");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\nstatus     failed\nmessage    wf.step failed\n", run.Stdout.Replace("\r", ""));
        Assert.Contains("\nduration   2.3s", run.Stdout.Replace("\r", ""));
        string callDir = sample.RunDirectory("failing");
        Assert.Equal(
            [
                ["CALL", "STATUS", "ATTEMPT", "DURATION", "CACHE", "DIR"],
                ["wf.step", "failed", "2", "1.5s", "miss", Path.Combine(callDir, "call-wf.step")],
                ["", "exit code 1"],
                ["", "see its stderr"],
                ["wf.reuse", "succeeded", "-", "0.0s", $"hit (from {sample.PrepCall})", Path.Combine(callDir, "call-wf.reuse")],
                ["wf.nocache[1,2]", "aborted", "-", "0.0s", "off", Path.Combine(callDir, "call-wf.nocache1,2")],
                ["wf.later", "queued", "-", "-", "-", "-"],
            ],
            Calls(run.Stdout));
        Assert.DoesNotContain("outputs:", run.Stdout);
    }

    [Fact]
    public async Task Json_has_every_call_with_its_attempts()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await sample.StartAsync("show", "--json", SampleRunStore.Failing.ToString());

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal(SampleRunStore.Failing.ToString(), root.GetProperty("id").GetString());
        Assert.Equal(("wf", "failed", "wf.step failed"),
            (root.GetProperty("workflow").GetString(), root.GetProperty("status").GetString(), root.GetProperty("message").GetString()));
        Assert.Equal((sample.RunDirectory("failing"), "/work/wf.wdl"), (root.GetProperty("dir").GetString(), root.GetProperty("wdl").GetString()));
        Assert.Equal(SampleRunStore.At(100), root.GetProperty("submitted").GetDateTimeOffset());
        Assert.Equal(SampleRunStore.At(100.5), root.GetProperty("started").GetDateTimeOffset());
        Assert.Equal(SampleRunStore.At(102.8), root.GetProperty("ended").GetDateTimeOffset());
        Assert.Equal(2.3, root.GetProperty("durationSeconds").GetDouble(), 6);
        Assert.Empty(root.GetProperty("outputs").EnumerateObject());

        var calls = root.GetProperty("calls").EnumerateArray().ToList();
        Assert.Equal(["wf.step", "wf.reuse", "wf.nocache", "wf.later"], calls.Select(c => c.GetProperty("name").GetString()));

        var step = calls[0];
        Assert.Equal(sample.StepCall.ToString(), step.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, step.GetProperty("shard").ValueKind);
        Assert.Equal(("failed", "miss"), (step.GetProperty("status").GetString(), step.GetProperty("cache").GetString()));
        Assert.Equal(JsonValueKind.Null, step.GetProperty("cacheSource").ValueKind);
        Assert.Equal("exit code 1\nsee its stderr", step.GetProperty("message").GetString());
        Assert.Equal(1.5, step.GetProperty("durationSeconds").GetDouble(), 6);
        Assert.Equal(Path.Combine(sample.RunDirectory("failing"), "call-wf.step"), step.GetProperty("dir").GetString());
        var attempts = step.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([(1, "preempted", 137), (2, "failed", 1)],
            attempts.Select(a => (a.GetProperty("attempt").GetInt32(), a.GetProperty("status").GetString(), a.GetProperty("exitCode").GetInt32())));
        var second = attempts[1];
        Assert.Equal(SampleRunStore.At(101.6), second.GetProperty("started").GetDateTimeOffset());
        Assert.Equal(SampleRunStore.At(102.5), second.GetProperty("ended").GetDateTimeOffset());
        var job = second.GetProperty("job");
        Assert.Equal(("local", "4002", $"/w/{sample.StepCall:N}/2/rc"),
            (job.GetProperty("backend").GetString(), job.GetProperty("id").GetString(), job.GetProperty("detail").GetString()));
        Assert.Equal(($"/w/{sample.StepCall:N}/2/stdout", $"/w/{sample.StepCall:N}/2/stderr"),
            (second.GetProperty("stdout").GetString(), second.GetProperty("stderr").GetString()));

        var reuse = calls[1];
        Assert.Equal(("hit", sample.PrepCall.ToString()), (reuse.GetProperty("cache").GetString(), reuse.GetProperty("cacheSource").GetString()));
        Assert.Empty(reuse.GetProperty("attempts").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, reuse.GetProperty("message").ValueKind);

        var nocache = calls[2];
        Assert.Equal([1, 2], nocache.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(("aborted", "disabled"), (nocache.GetProperty("status").GetString(), nocache.GetProperty("cache").GetString()));

        var later = calls[3];
        Assert.Equal(JsonValueKind.Null, later.GetProperty("cache").ValueKind);
        Assert.Equal(JsonValueKind.Null, later.GetProperty("dir").ValueKind);
        Assert.Equal(JsonValueKind.Null, later.GetProperty("started").ValueKind);
    }

    [Fact]
    public async Task Json_outputs_are_json_values()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await sample.StartAsync("show", "--json", sample.RunDirectory("scatter"));

        using var json = JsonDocument.Parse(run.Stdout);
        var outputs = json.RootElement.GetProperty("outputs");
        Assert.Equal(JsonValueKind.Number, outputs.GetProperty("wf.count").ValueKind);
        Assert.Equal(2, outputs.GetProperty("wf.files").GetArrayLength());
        var align2 = json.RootElement.GetProperty("calls")[3];
        Assert.Equal([2], align2.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(sample.AlignCalls[0].ToString(), align2.GetProperty("cacheSource").GetString());
    }

    [Fact]
    public async Task A_running_run_has_no_calls_yet_and_names_its_engine()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await sample.StartAsync("show", "5f00aaaa");

        Assert.Equal(0, run.ExitCode);
        string stdout = run.Stdout.Replace("\r", "");
        Assert.Contains("\nstatus     running\nengine     pid 300 on host-b\n", stdout);
        Assert.Contains("\nended      -\nduration   -\n\nno calls\n", stdout);
    }

    [Fact]
    public async Task A_10000_shard_scatter_is_shown_in_full()
    {
        using var sample = await SampleRunStore.CreateAsync(empty: true);
        var runId = Guid.NewGuid();
        await using (var store = await RunStore.OpenAsync(new RunStoreOptions(StoreProvider.Sqlite, sample.DatabasePath)))
        {
            store.Enqueue(new RunCreated(runId, "big", "/work/big.wdl", "{}", sample.RunDirectory("big"), SampleRunStore.At(0)));
            for (int i = 0; i < 10_000; i++)
            {
                var call = Guid.NewGuid();
                store.Enqueue(new CallCreated(call, runId, "big.shard", ShardIndex.Of(i), CallStatus.Queued, null, SampleRunStore.At(1 + i / 1000.0)));
                store.Enqueue(new AttemptCreated(call, 1, JobHandle.Local(i, "rc"), null, null, SampleRunStore.At(20)));
                store.Enqueue(new CallStatusChanged(call, runId, CallStatus.Succeeded, SampleRunStore.At(21)));
            }
            await store.FlushAsync();
        }

        var text = await sample.StartAsync("show", runId.ToString());
        var json = await sample.StartAsync("show", "--json", runId.ToString());

        Assert.Equal(0, text.ExitCode);
        var calls = Calls(text.Stdout);
        Assert.Equal(10_001, calls.Count);
        Assert.Equal(["big.shard[9999]", "succeeded", "1", "0.0s", "-", "-"], calls[^1]);
        using var document = JsonDocument.Parse(json.Stdout);
        var jsonCalls = document.RootElement.GetProperty("calls");
        Assert.Equal(10_000, jsonCalls.GetArrayLength());
        Assert.Equal("9999", jsonCalls[9999].GetProperty("attempts")[0].GetProperty("job").GetProperty("id").GetString());
    }
}
