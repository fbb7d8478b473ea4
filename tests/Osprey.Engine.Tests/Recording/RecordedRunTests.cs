using Osprey.Engine.Recording;
using Osprey.Engine.Running;
using Osprey.Engine.State;
using Osprey.Engine.Tests.Running;
using Osprey.Engine.Tests.State;
using Osprey.Engine.Values;

namespace Osprey.Engine.Tests.Recording;

/// <summary>A run with a journal leaves its calls, attempts, outputs and statuses in the store, and a resumed run uses them.</summary>
public sealed class RecordedRunTests
{
    /// <summary>
    /// Two shards of <c>echo</c>, then <c>flaky</c>, which fails while the file named by its input
    /// exists (retried once) and logs each execution.
    /// </summary>
    private static string Workflow(string log, int retries) => $$"""
        version 1.1
        workflow wf {
          input { String blocker }
          scatter (i in [1, 2]) { call echo { input: x = i } }
          call flaky { input: n = length(echo.out), blocker = blocker }
          output { Int total = flaky.n2 }
        }
        {{RunHarness.EchoTask}}
        task flaky {
          input { Int n  String blocker }
          command <<<
            echo "flaky" >> "{{log}}"
            if [ -e "~{blocker}" ]; then exit 3; fi
            echo $(( ~{n} * 2 ))
          >>>
          output { Int n2 = read_int(stdout()) }
          runtime { maxRetries: {{retries}} }
        }
        """;

    private static async Task<WdlObject> RunAsync(RunHarness harness, string wdl, string blocker, RunJournal journal)
    {
        var prepared = await harness.PrepareAsync(wdl, arguments: [("blocker", blocker)]);
        Assert.True(prepared.IsValid, string.Join("; ", prepared.Errors));
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var outputs = await LocalRun.RunAsync(prepared.Target!, prepared.Inputs, harness.RunDirectory,
            new LocalRunOptions(NoContainer: true, BaseDirectory: harness.Root, Journal: journal), new RunProgress(), guard.Token);
        await journal.Store.FlushAsync();
        return outputs;
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_recorded_run_keeps_each_call_with_its_attempts_job_handles_outputs_and_statuses(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        using var harness = new RunHarness();
        string blocker = harness.PathOf("blocker");
        var journal = RunJournal.ForNewRun(target.Store, Guid.NewGuid());
        journal.RunCreated("wf", harness.PathOf("main.wdl"), "{}", harness.RunDirectory, "sha256:test");

        var outputs = await RunAsync(harness, Workflow(harness.PathOf("log"), retries: 0), blocker, journal);
        Assert.Equal("4", RunHarness.Json(outputs, "total"));

        var calls = await target.Store.GetCallsAsync(journal.RunId);
        Assert.Equal(["wf.echo[0]", "wf.echo[1]", "wf.flaky"], calls.Select(c => c.DisplayName).Order());
        Assert.All(calls, c => Assert.Equal(CallStatus.Succeeded, c.Status));
        Assert.All(calls, c => Assert.Equal(CacheResult.Disabled, c.Cache));
        Assert.All(calls, c => Assert.NotNull(c.Duration));
        var flaky = calls.Single(c => c.Name == "wf.flaky");
        Assert.Equal(Path.Combine(harness.RunDirectory, "call-flaky"), flaky.WorkDirectory);

        var attempt = Assert.Single(await target.Store.GetAttemptsAsync(flaky.Id));
        Assert.Equal((AttemptStatus.Succeeded, 0), (attempt.Status, attempt.ExitCode ?? -1));
        Assert.Equal(JobHandle.LocalBackend, attempt.Job!.Backend);
        Assert.True(int.Parse(attempt.Job.JobId, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(Path.Combine(flaky.WorkDirectory!, "attempt-1", "rc"), attempt.Job.Detail);

        var stored = await target.Store.GetOutputsAsync(journal.RunId);
        Assert.Equal("4", stored.Single(o => o.CallId == flaky.Id && o.Name == "n2").ValueJson);
        Assert.Equal("1", stored.Single(o => o.CallId == calls.Single(c => c.DisplayName == "wf.echo[0]").Id).ValueJson);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Resuming_a_failed_run_reruns_only_the_failed_call_and_keeps_its_call_ids(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        using var harness = new RunHarness();
        string log = harness.PathOf("log");
        string blocker = harness.Write("blocker", "");
        string wdl = Workflow(log, retries: 1);
        var journal = RunJournal.ForNewRun(target.Store, Guid.NewGuid());
        journal.RunCreated("wf", harness.PathOf("main.wdl"), "{}", harness.RunDirectory, "sha256:test");

        await Assert.ThrowsAsync<RunFailedException>(() => RunAsync(harness, wdl, blocker, journal));
        await target.Store.FlushAsync();
        Assert.Equal(2, File.ReadAllLines(log).Length);   // the first attempt and its one retry
        var before = await target.Store.GetCallsAsync(journal.RunId);
        var failed = before.Single(c => c.Name == "wf.flaky");
        Assert.Equal(CallStatus.Failed, failed.Status);
        Assert.Equal([AttemptStatus.Failed, AttemptStatus.Failed], (await target.Store.GetAttemptsAsync(failed.Id)).Select(a => a.Status));

        File.Delete(blocker);
        File.Delete(log);
        var echoes = Directory.GetFiles(Path.Combine(harness.RunDirectory, "call-echo"), "rc", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).ToList();
        var resumed = await RunJournal.ForResumeAsync(target.Store, journal.RunId, CancellationToken.None);
        var outputs = await RunAsync(harness, wdl, blocker, resumed);

        Assert.Equal("4", RunHarness.Json(outputs, "total"));
        Assert.Single(File.ReadAllLines(log));
        // The echo shards were not run again: their attempts are untouched.
        Assert.Equal(echoes, Directory.GetFiles(Path.Combine(harness.RunDirectory, "call-echo"), "rc", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).ToList());
        var after = await target.Store.GetCallsAsync(journal.RunId);
        Assert.Equal(before.Select(c => c.Id).Order(), after.Select(c => c.Id).Order());
        Assert.All(after, c => Assert.Equal(CallStatus.Succeeded, c.Status));
        // New attempts are numbered after the earlier engine's.
        Assert.Equal([1, 2, 3], (await target.Store.GetAttemptsAsync(failed.Id)).Select(a => a.Attempt));
        Assert.True(Directory.Exists(Path.Combine(harness.RunDirectory, "call-flaky", "attempt-3")));
    }
}
