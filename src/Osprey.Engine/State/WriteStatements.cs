using Osprey.Engine.State.Sql;

namespace Osprey.Engine.State;

/// <summary>
/// The SQL each kind of write becomes. One place, so the schema's columns and the writes that fill
/// them are read together; the texts are constants so that the SQLite executor can keep one
/// prepared command per text.
/// </summary>
internal static class WriteStatements
{
    private const string InsertRun = """
        INSERT INTO runs (id, workflow_name, wdl_path, inputs_json, run_dir, status, submitted_at, engine_pid, engine_host)
        VALUES (@id, @workflow, @wdl, @inputs, @dir, @status, @at, @pid, @host)
        """;

    private const string UpdateRunStatus = """
        UPDATE runs SET status = @status, started_at = COALESCE(started_at, @started), ended_at = @ended WHERE id = @id
        """;

    private const string UpdateRunEngine = "UPDATE runs SET engine_pid = @pid, engine_host = @host WHERE id = @id";

    // A resumed run records the calls it already has again: that updates the row (status and work
    // directory as now known) and keeps when the call was first created and its attempts.
    private const string UpsertCall = """
        INSERT INTO calls (id, run_id, name, shard, status, work_dir, created_at)
        VALUES (@id, @run, @name, @shard, @status, @dir, @at)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, work_dir = excluded.work_dir
        """;

    private const string UpdateCallStatus = """
        UPDATE calls SET status = @status, started_at = COALESCE(started_at, @started), ended_at = @ended WHERE id = @id
        """;

    private const string UpdateCallCache = "UPDATE calls SET cache_result = @result, cache_source_call_id = @source WHERE id = @id";

    private const string InsertAttempt = """
        INSERT INTO attempts (call_id, attempt, status, backend, job_id, job_detail, created_at, stdout_path, stderr_path)
        VALUES (@call, @attempt, 'created', @backend, @job, @detail, @at, @stdout, @stderr)
        ON CONFLICT (call_id, attempt) DO NOTHING
        """;

    private const string UpdateAttemptJob = """
        UPDATE attempts SET backend = @backend, job_id = @job, job_detail = @detail WHERE call_id = @call AND attempt = @attempt
        """;

    private const string UpdateAttemptStarted = """
        UPDATE attempts SET backend = @backend, job_id = @job, job_detail = @detail, status = 'running', started_at = COALESCE(started_at, @at)
        WHERE call_id = @call AND attempt = @attempt
        """;

    private const string UpdateAttemptStatus = """
        UPDATE attempts SET status = @status, started_at = COALESCE(started_at, @started), ended_at = COALESCE(@ended, ended_at),
            exit_code = COALESCE(@exit, exit_code)
        WHERE call_id = @call AND attempt = @attempt
        """;

    private const string UpsertOutput = """
        INSERT INTO outputs (run_id, owner_id, name, value_json) VALUES (@run, @owner, @name, @value)
        ON CONFLICT (run_id, owner_id, name) DO UPDATE SET value_json = excluded.value_json
        """;

    private const string InsertEvent = """
        INSERT INTO events (run_id, call_id, at, kind, message) VALUES (@run, @call, @at, @kind, @message)
        """;

    private const string UpsertCacheEntry = """
        INSERT INTO cache_entries (key_hash, task_name, task_digest, components_json, source_call_id, outputs_json, created_at)
        VALUES (@key, @task, @digest, @components, @source, @outputs, @at)
        ON CONFLICT (key_hash) DO UPDATE SET task_name = excluded.task_name, task_digest = excluded.task_digest,
            components_json = excluded.components_json, source_call_id = excluded.source_call_id,
            outputs_json = excluded.outputs_json, created_at = excluded.created_at
        """;

    private const string DeleteCacheEntry = "DELETE FROM cache_entries WHERE key_hash = @key";

    private const string UpsertFileDigest = """
        INSERT INTO file_digests (path, mode, device, inode, size, modified_ns, changed_ns, digest, recorded_at)
        VALUES (@path, @mode, @device, @inode, @size, @modified, @changed, @digest, @at)
        ON CONFLICT (path, mode) DO UPDATE SET device = excluded.device, inode = excluded.inode, size = excluded.size,
            modified_ns = excluded.modified_ns, changed_ns = excluded.changed_ns, digest = excluded.digest,
            recorded_at = excluded.recorded_at
        """;

    /// <summary>Appends the statements for <paramref name="write"/>, in the order they must run.</summary>
    public static void Add(StoreWrite write, List<SqlStatement> statements)
    {
        switch (write)
        {
            case RunCreated w:
                statements.Add(new(InsertRun,
                    SqlArg.Uuid("id", w.RunId), SqlArg.Text("workflow", w.WorkflowName), SqlArg.Text("wdl", w.WdlPath),
                    SqlArg.Text("inputs", w.InputsJson), SqlArg.Text("dir", w.RunDirectory), SqlArg.Text("status", StatusNames.Of(RunStatus.Queued)),
                    SqlArg.Time("at", w.At), SqlArg.Int32("pid", w.EnginePid), SqlArg.Text("host", w.EngineHost)));
                statements.Add(Event(w.RunId, null, w.At, EventKinds.Status, StatusNames.Of(RunStatus.Queued)));
                break;
            case RunStatusChanged w:
                {
                    bool terminal = StatusNames.IsTerminal(w.Status);
                    statements.Add(new(UpdateRunStatus,
                        SqlArg.Text("status", StatusNames.Of(w.Status)),
                        SqlArg.Time("started", w.Status == RunStatus.Running || terminal ? w.At : null),
                        SqlArg.Time("ended", terminal ? w.At : null), SqlArg.Uuid("id", w.RunId)));
                    statements.Add(Event(w.RunId, null, w.At, EventKinds.Status, StatusMessage(StatusNames.Of(w.Status), w.Message)));
                    break;
                }
            case RunEngineChanged w:
                statements.Add(new(UpdateRunEngine, SqlArg.Int32("pid", w.EnginePid), SqlArg.Text("host", w.EngineHost), SqlArg.Uuid("id", w.RunId)));
                statements.Add(Event(w.RunId, null, w.At, EventKinds.Engine, $"pid {w.EnginePid} on {w.EngineHost}"));
                break;
            case CallCreated w:
                statements.Add(new(UpsertCall,
                    SqlArg.Uuid("id", w.CallId), SqlArg.Uuid("run", w.RunId), SqlArg.Text("name", w.Name), SqlArg.Text("shard", w.Shard.Text),
                    SqlArg.Text("status", StatusNames.Of(w.Status)), SqlArg.Text("dir", w.WorkDirectory), SqlArg.Time("at", w.At)));
                break;
            case CallStatusChanged w:
                {
                    bool terminal = StatusNames.IsTerminal(w.Status);
                    statements.Add(new(UpdateCallStatus,
                        SqlArg.Text("status", StatusNames.Of(w.Status)),
                        SqlArg.Time("started", w.Status == CallStatus.Running || terminal ? w.At : null),
                        SqlArg.Time("ended", terminal ? w.At : null), SqlArg.Uuid("id", w.CallId)));
                    statements.Add(Event(w.RunId, w.CallId, w.At, EventKinds.Status, StatusMessage(StatusNames.Of(w.Status), w.Message)));
                    break;
                }
            case CallCacheResolved w:
                statements.Add(new(UpdateCallCache,
                    SqlArg.Text("result", StatusNames.Of(w.Result)), SqlArg.Uuid("source", w.SourceCallId), SqlArg.Uuid("id", w.CallId)));
                break;
            case AttemptCreated w:
                statements.Add(new(InsertAttempt,
                    SqlArg.Uuid("call", w.CallId), SqlArg.Int32("attempt", w.Attempt), SqlArg.Text("backend", w.Job?.Backend),
                    SqlArg.Text("job", w.Job?.JobId), SqlArg.Text("detail", w.Job?.Detail), SqlArg.Time("at", w.At),
                    SqlArg.Text("stdout", w.StdoutPath), SqlArg.Text("stderr", w.StderrPath)));
                break;
            case AttemptJobAssigned w:
                statements.Add(new(UpdateAttemptJob,
                    SqlArg.Text("backend", w.Job.Backend), SqlArg.Text("job", w.Job.JobId), SqlArg.Text("detail", w.Job.Detail),
                    SqlArg.Uuid("call", w.CallId), SqlArg.Int32("attempt", w.Attempt)));
                break;
            case AttemptStarted w:
                statements.Add(new(UpdateAttemptStarted,
                    SqlArg.Text("backend", w.Job.Backend), SqlArg.Text("job", w.Job.JobId), SqlArg.Text("detail", w.Job.Detail),
                    SqlArg.Time("at", w.At), SqlArg.Uuid("call", w.CallId), SqlArg.Int32("attempt", w.Attempt)));
                break;
            case AttemptStatusChanged w:
                {
                    bool terminal = StatusNames.IsTerminal(w.Status);
                    statements.Add(new(UpdateAttemptStatus,
                        SqlArg.Text("status", StatusNames.Of(w.Status)),
                        SqlArg.Time("started", w.Status == AttemptStatus.Running ? w.At : null),
                        SqlArg.Time("ended", terminal ? w.At : null), SqlArg.Int32("exit", w.ExitCode),
                        SqlArg.Uuid("call", w.CallId), SqlArg.Int32("attempt", w.Attempt)));
                    break;
                }
            case OutputRecorded w:
                statements.Add(new(UpsertOutput,
                    SqlArg.Uuid("run", w.RunId), SqlArg.Uuid("owner", w.CallId ?? w.RunId), SqlArg.Text("name", w.Name), SqlArg.Text("value", w.ValueJson)));
                break;
            case EventRecorded w:
                statements.Add(Event(w.RunId, w.CallId, w.At, w.Kind, w.Message));
                break;
            case CacheEntryRecorded { Entry: var e }:
                statements.Add(new(UpsertCacheEntry,
                    SqlArg.Bytes("key", CacheKeys.ToBytes(e.KeyHash)), SqlArg.Text("task", e.TaskName), SqlArg.Text("digest", e.TaskDigest),
                    SqlArg.Text("components", e.ComponentsJson), SqlArg.Uuid("source", e.SourceCallId), SqlArg.Text("outputs", e.OutputsJson),
                    SqlArg.Time("at", e.CreatedAt)));
                break;
            case CacheEntryRemoved w:
                statements.Add(new(DeleteCacheEntry, SqlArg.Bytes("key", CacheKeys.ToBytes(w.KeyHash))));
                break;
            case FileDigestRecorded w:
                statements.Add(new(UpsertFileDigest,
                    SqlArg.Text("path", w.Path), SqlArg.Text("mode", FileDigestColumns.ModeName(w.Mode)),
                    SqlArg.Int64("device", FileDigestColumns.AsInt64(w.Identity.Device)), SqlArg.Int64("inode", FileDigestColumns.AsInt64(w.Identity.Inode)),
                    SqlArg.Int64("size", w.Identity.Size), SqlArg.Int64("modified", w.Identity.ModifiedNanoseconds),
                    SqlArg.Int64("changed", w.Identity.ChangedNanoseconds), SqlArg.Text("digest", w.Digest), SqlArg.Time("at", w.At)));
                break;
            default:
                throw new ArgumentException($"the store cannot record a {write.GetType().Name}", nameof(write));
        }
    }

    private static SqlStatement Event(Guid run, Guid? call, DateTimeOffset at, string kind, string? message) =>
        new(InsertEvent, SqlArg.Uuid("run", run), SqlArg.Uuid("call", call), SqlArg.Time("at", at), SqlArg.Text("kind", kind), SqlArg.Text("message", message));

    private static string StatusMessage(string status, string? message) => message is null ? status : $"{status}: {message}";
}
