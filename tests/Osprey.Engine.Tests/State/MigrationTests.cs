using Osprey.Engine.State;
using Osprey.Engine.State.Sql;

namespace Osprey.Engine.Tests.State;

public class MigrationTests
{
    private static readonly int Newest = SchemaMigrations.All.Count;

    private static IEnumerable<int> UpTo(int version) => Enumerable.Range(1, version);

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task An_empty_database_gets_the_newest_schema_and_reopening_changes_nothing(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        Assert.Equal(UpTo(Newest), await target.Store.AppliedSchemaVersionsAsync(CancellationToken.None));
        target.Store.Enqueue(Sample.Run());
        await target.Store.FlushAsync();

        await target.ReopenAsync();
        await target.ReopenAsync();

        Assert.Equal(UpTo(Newest), await target.Store.AppliedSchemaVersionsAsync(CancellationToken.None));
        Assert.Equal(1, await target.CountAsync("runs"));
        Assert.Equal(Newest, await target.CountAsync("schema_version"));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Only_newer_steps_are_applied_and_a_newer_schema_is_refused(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var next = new Migration(Newest + 1, "a column for a test", "ALTER TABLE runs ADD COLUMN label TEXT");

        int version = await target.Store.MigrateAsync([.. SchemaMigrations.All, next], CancellationToken.None);

        Assert.Equal(Newest + 1, version);
        Assert.Equal(UpTo(Newest + 1), await target.Store.AppliedSchemaVersionsAsync(CancellationToken.None));
        Assert.Equal(0, await target.CountAsync("runs", "label IS NULL"));
        // This build knows only the versions before: it must not write into a schema it does not understand.
        var refused = await Assert.ThrowsAsync<RunStoreException>(() => target.OpenAsync());
        Assert.Contains("newer", refused.Message);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Stores_opened_at_once_on_an_empty_database_migrate_it_once(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider, open: false);

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => target.OpenAsync())));

        Assert.Equal(UpTo(Newest), await stores[0].AppliedSchemaVersionsAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_version_1_store_keeps_its_runs_and_drops_its_old_file_digests(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider, o => o with { SchemaSteps = SchemaMigrations.All.Take(1).ToList() });
        var run = Sample.Run();
        target.Store.Enqueue(run);
        await target.Store.FlushAsync();
        await using (var connection = await target.RawConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO file_digests (path, inode, size, modified_ticks, digest, recorded_at) VALUES ('/data/a', 1, 2, 3, 'sha256:old', "
                + (provider == "sqlite" ? "0" : "now()") + ")";
            await command.ExecuteNonQueryAsync();
        }

        await target.ReopenAsync(target.Options with { SchemaSteps = null });

        Assert.Equal(UpTo(Newest), await target.Store.AppliedSchemaVersionsAsync(CancellationToken.None));
        Assert.Equal(run.RunDirectory, (await target.Store.FindRunAsync(run.RunId))!.RunDirectory);
        Assert.Equal(0, await target.CountAsync("file_digests"));
        var file = new Osprey.Engine.Caching.FileIdentity(1, 1, 2, 3, 4);
        target.Store.Enqueue(new FileDigestRecorded("/data/a", file, Osprey.Engine.Caching.DigestMode.Fast, "fast:new", Sample.T0));
        await target.Store.FlushAsync();
        Assert.Equal("fast:new", await target.Store.FindFileDigestAsync("/data/a", file, Osprey.Engine.Caching.DigestMode.Fast));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_version_2_store_keeps_each_call_s_current_attempt_and_its_events(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider, o => o with { SchemaSteps = SchemaMigrations.All.Take(2).ToList() });
        var store = target.Store;
        var run = Sample.Run();
        var callId = Guid.CreateVersion7();
        store.Enqueue(run);
        store.Enqueue(new AttemptCreated(callId, 1, JobHandle.Local(1, "/w/1/rc"), null, null, Sample.At(1)));
        store.Enqueue(new AttemptCreated(callId, 2, JobHandle.Local(2, "/w/2/rc"), null, null, Sample.At(2)));
        store.Enqueue(new EventRecorded(run.RunId, callId, Sample.At(3), "log", "second"));
        store.Enqueue(new EventRecorded(run.RunId, callId, Sample.At(2), "log", "first"));
        await store.FlushAsync();
        // The call as version 2 stored it, with its current attempt in calls.attempt.
        await using (var connection = await target.RawConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO calls (id, run_id, name, shard, status, attempt, work_dir, created_at) VALUES (@id, @run, 'wf.a', '', 'running', 2, NULL, @at)";
            store.Dialect.AddParameters(command, [SqlArg.Uuid("id", callId), SqlArg.Uuid("run", run.RunId), SqlArg.Time("at", Sample.T0)]);
            await command.ExecuteNonQueryAsync();
        }

        await target.ReopenAsync(target.Options with { SchemaSteps = null });

        store = target.Store;
        Assert.Equal(2, Assert.Single(await store.GetCallsAsync(run.RunId)).Attempt);
        Assert.Equal(JobHandle.Local(2, "/w/2/rc"), Assert.Single(await store.GetActiveCallsAsync(run.RunId)).Attempt!.Job);
        Assert.Equal(["queued", "first", "second"], (await store.GetEventsAsync(run.RunId)).Select(e => e.Message));
        store.Enqueue(new AttemptCreated(callId, 3, null, null, null, Sample.At(4)));
        await store.FlushAsync();
        Assert.Equal(3, Assert.Single(await store.GetCallsAsync(run.RunId)).Attempt);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task A_schema_step_s_statements_for_one_database_are_left_out_for_the_other(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        string rendered = target.Store.Dialect.RenderSchema("A;\n{postgres: ALTER TABLE t ADD c {uuid};}\n{sqlite: VACUUM;}\nB;");
        string expected = provider == "postgres" ? "A;\nALTER TABLE t ADD c uuid;\n\nB;" : "A;\n\nVACUUM;\nB;";
        Assert.Equal(expected, rendered);
    }

    [Fact]
    public async Task A_sqlite_store_is_in_wal_mode()
    {
        await using var target = await StoreUnderTest.CreateAsync("sqlite");
        await using var connection = await target.RawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
