using Osprey.Engine.State;
using Osprey.Engine.State.Sql;

namespace Osprey.Engine.Tests.State;

public class MigrationTests
{
    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task An_empty_database_gets_the_newest_schema_and_reopening_changes_nothing(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        Assert.Equal([1], await target.Store.AppliedSchemaVersionsAsync(CancellationToken.None));
        target.Store.Enqueue(Sample.Run());
        await target.Store.FlushAsync();

        await target.ReopenAsync();
        await target.ReopenAsync();

        Assert.Equal([1], await target.Store.AppliedSchemaVersionsAsync(CancellationToken.None));
        Assert.Equal(1, await target.CountAsync("runs"));
        Assert.Equal(1, await target.CountAsync("schema_version"));
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Only_newer_steps_are_applied_and_a_newer_schema_is_refused(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider);
        var next = new Migration(2, "a column for a test", "ALTER TABLE runs ADD COLUMN label TEXT");

        int version = await target.Store.MigrateAsync([.. SchemaMigrations.All, next], CancellationToken.None);

        Assert.Equal(2, version);
        Assert.Equal([1, 2], await target.Store.AppliedSchemaVersionsAsync(CancellationToken.None));
        Assert.Equal(0, await target.CountAsync("runs", "label IS NULL"));
        // This build knows only version 1: it must not write into a schema it does not understand.
        var refused = await Assert.ThrowsAsync<RunStoreException>(() => target.OpenAsync());
        Assert.Contains("newer", refused.Message);
    }

    [Theory]
    [MemberData(nameof(StoreUnderTest.Providers), MemberType = typeof(StoreUnderTest))]
    public async Task Stores_opened_at_once_on_an_empty_database_migrate_it_once(string provider)
    {
        await using var target = await StoreUnderTest.CreateAsync(provider, open: false);

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => target.OpenAsync())));

        Assert.Equal([1], await stores[0].AppliedSchemaVersionsAsync(CancellationToken.None));
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
