using Osprey.Cli;
using Osprey.Cli.Commands;
using Osprey.Cli.Running;
using Osprey.Engine.State;

namespace Osprey.Wdl.Tests.Cli;

/// <summary>How <c>ID|DIR</c> arguments name a run (<see cref="RunReference"/>), directly and through <c>osprey show</c>.</summary>
public class RunReferenceTests
{
    private static async Task<StoredRun> ResolveAsync(SampleRunStore sample, string reference, string? currentDirectory = null)
    {
        await using var store = await RunStore.OpenAsync(new RunStoreOptions(StoreProvider.Sqlite, sample.DatabasePath));
        var context = new CliContext(TextWriter.Null, TextWriter.Null, _ => null, currentDirectory ?? sample.Root, ColorOutput: false);
        return await RunReference.ResolveAsync(store, reference, context);
    }

    [Theory]
    [InlineData("0abc1111-2222-4333-8444-555566667777")]
    [InlineData("0abc1111222243338444555566667777")]
    [InlineData("0ABC1111-2222-4333-8444-555566667777")]
    [InlineData("0abc1")]
    [InlineData("0ABC11")]
    [InlineData("0abc1111-22")]
    [InlineData("0abc1111-2222-4")]
    [InlineData("0abc111122")]
    public async Task A_full_id_or_a_unique_prefix_names_a_run(string reference)
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await ResolveAsync(sample, reference);

        Assert.Equal(SampleRunStore.Scatter, run.Id);
        Assert.Equal("/work/wf.wdl", run.WdlPath);
    }

    [Theory]
    [InlineData("runs/failing", null)]
    [InlineData("runs/failing/", null)]
    [InlineData("./runs/x/../failing//", null)]
    [InlineData(".", "runs/failing")]
    [InlineData("../failing", "runs/scatter")]
    public async Task A_run_directory_names_its_run_relative_to_the_current_directory(string reference, string? from)
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await ResolveAsync(sample, reference, from is null ? null : Path.Combine(sample.Root, from));

        Assert.Equal(SampleRunStore.Failing, run.Id);
        Assert.Equal(SampleRunStore.Failing, (await ResolveAsync(sample, sample.RunDirectory("failing"))).Id);
    }

    [Fact]
    public async Task A_prefix_of_several_runs_lists_them()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => ResolveAsync(sample, "0abc"));
        var viaShow = await sample.StartAsync("show", "0abc");

        Assert.StartsWith("run id prefix '0abc' is ambiguous; give more digits. It matches:\n", error.Message);
        var lines = error.Message.Split('\n')[1..];
        Assert.Equal(2, lines.Length);
        Assert.Equal($"  {SampleRunStore.Failing}  wf  submitted {SampleRunStore.Local(SampleRunStore.At(100))}", lines[0]);
        Assert.Equal($"  {SampleRunStore.Scatter}  wf  submitted {SampleRunStore.Local(SampleRunStore.At(0))}", lines[1]);
        Assert.Equal((1, "", "osprey: " + error.Message + "\n"), (viaShow.ExitCode, viaShow.Stdout, viaShow.Stderr.Replace("\r", "")));
    }

    [Fact]
    public async Task A_directory_named_like_a_prefix_still_names_its_run_when_the_prefix_is_ambiguous()
    {
        using var sample = await SampleRunStore.CreateAsync();
        string directory = Path.Combine(sample.Root, "0abc");
        await using (var store = await RunStore.OpenAsync(new RunStoreOptions(StoreProvider.Sqlite, sample.DatabasePath)))
        {
            store.Enqueue(new RunCreated(Guid.Parse("99999999-0000-4000-8000-000000000000"), "named", "/w.wdl", "{}", directory, SampleRunStore.At(300)));
            await store.FlushAsync();
        }

        Assert.Equal("named", (await ResolveAsync(sample, "0abc")).WorkflowName);
    }

    [Theory]
    [InlineData("deadbeef", "")]
    [InlineData("0abc1111-2222-4333-8444-000000000000", "")]
    [InlineData("runs/nowhere", "")]
    [InlineData("0ab", "; an id prefix needs at least 4 hex digits")]
    [InlineData("0abc-1111", "")]
    public async Task An_unknown_run_is_reported_with_the_store_it_was_looked_for_in(string reference, string hint)
    {
        using var sample = await SampleRunStore.CreateAsync();

        var run = await sample.StartAsync("show", reference);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal($"osprey: no run '{reference}' in the run store ({sample.DatabasePath}){hint}\n", run.Stderr.Replace("\r", ""));
    }

    [Fact]
    public async Task Show_needs_exactly_one_run()
    {
        using var sample = await SampleRunStore.CreateAsync();

        var none = await sample.StartAsync("show");
        var two = await sample.StartAsync("show", "0abc1", "0abc2");

        Assert.Equal((2, 2), (none.ExitCode, two.ExitCode));
        Assert.Contains("no run ID or DIR given", none.Stderr);
        Assert.Contains("Run 'osprey help show' for usage.", two.Stderr);
    }
}
