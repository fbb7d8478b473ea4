using Osprey.Engine.State;

namespace Osprey.Engine.Tests.State;

/// <summary>The one writer: batching, flush durability, many producers, a bad write and recovery from it.</summary>
public class WriterTests
{
    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Queued_writes_are_committed_in_batches_of_at_most_the_maximum(string provider)
    {
        var gate = new TaskCompletionSource();
        await using var target = await StoreUnderTest.CreateAsync(provider, o => o with { MaxBatchWrites = 300, WriterStartGate = gate.Task });
        var store = target.Store;
        var run = Sample.Run();
        store.Enqueue(run);
        for (int i = 0; i < 999; i++) store.Enqueue(new EventRecorded(run.RunId, null, Sample.At(i), "tick", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var flushed = store.FlushAsync();
        Assert.False(flushed.IsCompleted);

        gate.SetResult();
        await flushed;

        // 1,000 writes queued before the writer started: 4 transactions (300 + 300 + 300 + 100).
        Assert.Equal(new WriterStatistics(4, 1000, 1001, 0), store.WriterStatistics);
        Assert.Equal(1000, await target.CountAsync("events"));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task After_a_flush_another_connection_sees_every_write_enqueued_before_it(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run();
        store.Enqueue(run);
        for (int i = 0; i < 500; i++) store.Enqueue(Sample.Call(run.RunId, "wf.scatter_task", ShardIndex.Of(i)));

        await store.FlushAsync();

        Assert.Equal(500, await target.CountAsync("calls"));
        await using var other = await target.OpenAsync();
        Assert.Equal(500, (await other.GetCallsAsync(run.RunId)).Count);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Writes_enqueued_from_many_threads_are_all_stored_in_each_thread_s_order(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run();
        store.Enqueue(run);
        await store.FlushAsync();
        const int threads = 8, perThread = 1000;
        using var start = new Barrier(threads);

        var producers = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (int i = 0; i < perThread; i++)
                store.Enqueue(new EventRecorded(run.RunId, null, Sample.T0, $"thread-{t}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(producers);
        await store.FlushAsync();

        var events = (await store.GetEventsAsync(run.RunId)).Where(e => e.Kind.StartsWith("thread-", StringComparison.Ordinal)).ToList();
        Assert.Equal(threads * perThread, events.Count);
        // Same timestamp for all, so the query's order is the insertion order (the id).
        foreach (var thread in events.GroupBy(e => e.Kind))
            Assert.Equal(Enumerable.Range(0, perThread).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), thread.Select(e => e.Message!));
        Assert.True(store.WriterStatistics.Transactions < threads * perThread, "writes are batched");
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_write_that_cannot_be_stored_loses_only_itself_and_fails_only_the_flush_after_it(string provider)
    {
        var gate = new TaskCompletionSource();
        await using var target = await StoreUnderTest.CreateAsync(provider, o => o with { WriterStartGate = gate.Task });
        var store = target.Store;
        var run = Sample.Run();
        var call = Sample.Call(run.RunId);
        store.Enqueue(run);
        store.Enqueue(call);
        var before = store.FlushAsync();
        // Another id for the same run, name and shard: the database refuses it (calls_by_run is unique).
        store.Enqueue(Sample.Call(run.RunId) with { WorkDirectory = "/elsewhere" });
        store.Enqueue(new OutputRecorded(run.RunId, call.CallId, "x", "1"));
        var covering = store.FlushAsync();
        store.Enqueue(new EventRecorded(run.RunId, null, Sample.T0, "later"));
        var after = store.FlushAsync();
        gate.SetResult(); // all of it is one batch

        await before;
        var error = await Assert.ThrowsAsync<StoreWriteException>(() => covering);
        Assert.Equal("/elsewhere", Assert.IsType<CallCreated>(error.Write).WorkDirectory);
        await after;
        Assert.Equal(1, await target.CountAsync("calls"));
        Assert.Equal(1, await target.CountAsync("outputs"));
        Assert.Equal(1, await target.CountAsync("runs"));
        Assert.Equal(1, await target.CountAsync("events", "kind = 'later'"));
        Assert.Equal(1, store.WriterStatistics.LostWrites);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task After_a_lost_write_later_writes_are_stored_and_their_flushes_succeed(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var store = target.Store;
        var run = Sample.Run();
        var call = Sample.Call(run.RunId);
        store.Enqueue(run);
        store.Enqueue(call);
        await store.FlushAsync();

        store.Enqueue(call with { CallId = Guid.CreateVersion7() }); // same run, name and shard again
        await Assert.ThrowsAsync<StoreWriteException>(() => store.FlushAsync());

        var next = Sample.Call(run.RunId, "wf.next");
        store.Enqueue(next);
        store.Enqueue(new CallStatusChanged(next.CallId, run.RunId, CallStatus.Running, Sample.At(1)));
        await store.FlushAsync();
        await store.FlushAsync();

        var calls = await store.GetCallsAsync(run.RunId);
        Assert.Equal([(call.CallId, CallStatus.Queued), (next.CallId, CallStatus.Running)], calls.Select(c => (c.Id, c.Status)));
        Assert.Equal(1, store.WriterStatistics.LostWrites);
    }

    [Fact]
    public async Task On_postgres_the_writer_finds_rows_by_key_while_a_new_table_grows()
    {
        await using var target = await StoreUnderTest.CreateAsync("postgres");
        await using (var admin = await target.RawConnectionAsync())
        await using (var vacuum = admin.CreateCommand())
        {
            // What autovacuum does to a new or small table: its statistics now say it is (nearly)
            // empty, which is when a sequential scan looks cheapest to the planner.
            vacuum.CommandText = "VACUUM ANALYZE calls";
            await vacuum.ExecuteNonQueryAsync();
        }
        var run = Sample.Run();
        target.Store.Enqueue(run);
        for (int i = 0; i < 2000; i++)
        {
            var call = Sample.Call(run.RunId, shard: ShardIndex.Of(i));
            target.Store.Enqueue(call);
            target.Store.Enqueue(new CallStatusChanged(call.CallId, run.RunId, CallStatus.Running, Sample.At(1)));
        }
        await target.Store.FlushAsync();
        // Closing ends the store's connections, and a backend publishes its statistics when it ends.
        await target.ReopenAsync();

        await using var connection = await target.RawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT n_tup_upd, seq_tup_read FROM pg_stat_user_tables WHERE relid = 'calls'::regclass";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long updated, scanned;
        do
        {
            await using (var reader = await command.ExecuteReaderAsync())
            {
                Assert.True(await reader.ReadAsync());
                (updated, scanned) = (reader.GetInt64(0), reader.GetInt64(1));
            }
            if (updated >= 2000 || DateTime.UtcNow > deadline) break;
            await Task.Delay(100);
            await using var clear = connection.CreateCommand();
            clear.CommandText = "SELECT pg_stat_clear_snapshot()";
            await clear.ExecuteNonQueryAsync();
        }
        while (true);

        Assert.Equal(2000, updated);
        // A sequential scan per update would read about 2,000,000 rows here.
        Assert.Equal(0, scanned);
    }

    [Fact]
    public async Task A_write_that_could_never_be_stored_is_refused_when_enqueued()
    {
        await using var target = await StoreUnderTest.CreateAsync("sqlite");
        Assert.Throws<ArgumentException>(() => target.Store.Enqueue(new CacheEntryRemoved("not hex")));
        Assert.Throws<ArgumentException>(() => target.Store.Enqueue(new AttemptCreated(Guid.CreateVersion7(), 0, null, null, null, Sample.T0)));
        Assert.Throws<ArgumentException>(() => target.Store.Enqueue(new CallCacheResolved(Guid.CreateVersion7(), CacheResult.Miss, Guid.CreateVersion7())));
        await target.Store.FlushAsync();
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Closing_the_store_writes_what_is_still_queued(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var run = Sample.Run();
        target.Store.Enqueue(run);
        for (int i = 0; i < 100; i++) target.Store.Enqueue(Sample.Call(run.RunId, shard: ShardIndex.Of(i)));

        await target.ReopenAsync();

        Assert.Equal(100, (await target.Store.GetCallsAsync(run.RunId)).Count);
    }
}
