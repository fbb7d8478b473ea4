using Osprey.Engine.State;

namespace Osprey.Engine.Tests.State;

/// <summary>The child process of <see cref="CrashSafetyTests"/>.</summary>
internal static class StoreCrashChild
{
    public const string DatabaseVariable = "OSPREY_STORE_CRASH_TEST_DB";
    public const int FlushedCalls = 500;

    public static void Run(string database)
    {
        var store = SqliteRunStore.OpenAsync(new RunStoreOptions(StoreProvider.Sqlite, database)).GetAwaiter().GetResult();
        var run = Sample.Run();
        store.Enqueue(run);
        store.Enqueue(new RunStatusChanged(run.RunId, RunStatus.Running, Sample.At(1)));
        for (int i = 0; i < FlushedCalls; i++)
        {
            var call = Sample.Call(run.RunId, "wf.scatter_task", ShardIndex.Of(i));
            store.Enqueue(call);
            store.Enqueue(new OutputRecorded(run.RunId, call.CallId, "out", $"\"/w/{i}/out.txt\""));
            store.Enqueue(new CallStatusChanged(call.CallId, run.RunId, CallStatus.Succeeded, Sample.At(2)));
        }
        store.FlushAsync().GetAwaiter().GetResult();
        Console.Out.WriteLine($"flushed {run.RunId}");
        Console.Out.Flush();
        // Never flushed nor closed: the writer is busy with these when the process is killed.
        for (int i = 0; i < 200_000; i++) store.Enqueue(new EventRecorded(run.RunId, null, Sample.At(3), "unflushed"));
        Console.Out.WriteLine("writing");
        Console.Out.Flush();
        Thread.Sleep(Timeout.Infinite);
    }
}
