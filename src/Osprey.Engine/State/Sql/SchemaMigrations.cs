namespace Osprey.Engine.State.Sql;

/// <summary>The store's schema, as the ordered list of steps that build it.</summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "runs, calls, attempts, outputs, events, call cache, file digests", """
            -- One row per workflow (or task) run. engine_pid/engine_host name the process that
            -- runs it, so a restarted engine can tell a live run from an orphaned one.
            CREATE TABLE runs (
                id {uuid} NOT NULL PRIMARY KEY,
                workflow_name TEXT NOT NULL,
                wdl_path TEXT NOT NULL,
                inputs_json TEXT NOT NULL,
                run_dir TEXT NOT NULL,
                status TEXT NOT NULL,
                submitted_at {time} NOT NULL,
                started_at {time},
                ended_at {time},
                engine_pid INTEGER,
                engine_host TEXT
            );
            CREATE INDEX runs_by_submitted ON runs (submitted_at);
            CREATE INDEX runs_by_dir ON runs (run_dir);

            -- One row per call (per shard inside scatters). shard is '' outside a scatter, else the
            -- shard index path such as '3' or '1,2'. attempt is the current attempt number (0 before
            -- the first). cache_result is NULL until the cache was consulted, then hit/miss/disabled.
            CREATE TABLE calls (
                id {uuid} NOT NULL PRIMARY KEY,
                run_id {uuid} NOT NULL,
                name TEXT NOT NULL,
                shard TEXT NOT NULL,
                status TEXT NOT NULL,
                attempt INTEGER NOT NULL,
                cache_result TEXT,
                cache_source_call_id {uuid},
                work_dir TEXT,
                created_at {time} NOT NULL,
                started_at {time},
                ended_at {time}
            );
            CREATE UNIQUE INDEX calls_by_run ON calls (run_id, name, shard);

            -- One row per attempt of a call. The backend's job handle (local: pid and rc file;
            -- Slurm or AWS Batch: the job id) is written before the job can start, so a restarted
            -- engine can find and wait for the job instead of running it twice.
            CREATE TABLE attempts (
                call_id {uuid} NOT NULL,
                attempt INTEGER NOT NULL,
                status TEXT NOT NULL,
                backend TEXT,
                job_id TEXT,
                job_detail TEXT,
                created_at {time} NOT NULL,
                started_at {time},
                ended_at {time},
                exit_code INTEGER,
                stdout_path TEXT,
                stderr_path TEXT,
                PRIMARY KEY (call_id, attempt)
            );

            -- Outputs as JSON values. owner_id is the call's id, or the run's own id for the
            -- workflow's outputs; the key makes recording an output again (after a restart) an update.
            CREATE TABLE outputs (
                run_id {uuid} NOT NULL,
                owner_id {uuid} NOT NULL,
                name TEXT NOT NULL,
                value_json TEXT NOT NULL,
                PRIMARY KEY (run_id, owner_id, name)
            );

            -- The history of a run: status changes and anything else worth showing on a timeline.
            CREATE TABLE events (
                id {auto_id},
                run_id {uuid} NOT NULL,
                call_id {uuid},
                at {time} NOT NULL,
                kind TEXT NOT NULL,
                message TEXT
            );
            CREATE INDEX events_by_run ON events (run_id, at);

            -- Call cache: key_hash is the SHA-256 of the canonical key; components_json keeps the
            -- key's components so that a miss can be explained against the nearest earlier entries
            -- of the same task.
            CREATE TABLE cache_entries (
                id {auto_id},
                key_hash {bytes} NOT NULL,
                task_name TEXT NOT NULL,
                task_digest TEXT NOT NULL,
                components_json TEXT NOT NULL,
                source_call_id {uuid},
                outputs_json TEXT NOT NULL,
                created_at {time} NOT NULL
            );
            CREATE UNIQUE INDEX cache_entries_by_key ON cache_entries (key_hash);
            CREATE INDEX cache_entries_by_task ON cache_entries (task_name, task_digest, created_at);

            -- Digests of files already hashed, valid while the file's inode, size and modification
            -- time (as .NET ticks, exact) are unchanged: an unchanged large file is never rehashed.
            CREATE TABLE file_digests (
                path TEXT NOT NULL PRIMARY KEY,
                inode {int64} NOT NULL,
                size {int64} NOT NULL,
                modified_ticks {int64} NOT NULL,
                digest TEXT NOT NULL,
                recorded_at {time} NOT NULL
            );
            """),
        new(2, "file digests keyed by device, inode, size, mtime and ctime in ns, and by digest mode", """
            -- The digest memo keyed as Caching.FileIdentity sees a file: device, inode, size, and
            -- modification and status-change times in nanoseconds (the change time catches an edit
            -- whose modification time was put back). Device and inode are unsigned 64-bit numbers
            -- stored bit for bit in signed columns. Fast and strict digests of a large file differ,
            -- so the mode is part of the key. Version 1's rows lack all that; being only a memo,
            -- they are dropped, not converted (each file is hashed once more).
            DROP TABLE file_digests;
            CREATE TABLE file_digests (
                path TEXT NOT NULL,
                mode TEXT NOT NULL,
                device {int64} NOT NULL,
                inode {int64} NOT NULL,
                size {int64} NOT NULL,
                modified_ns {int64} NOT NULL,
                changed_ns {int64} NOT NULL,
                digest TEXT NOT NULL,
                recorded_at {time} NOT NULL,
                PRIMARY KEY (path, mode)
            );
            """),
        new(3, "smaller calls and events: current attempt derived, events indexed by run only, no index on unused ids", """
            -- Per call the store writes a row in calls, updates it as the call moves on, and adds
            -- an attempt and two events; these steps shrink what that costs, most of all on
            -- PostgreSQL, where every update of a row writes a whole new version of it.
            --
            -- calls.attempt repeated the call's highest attempt number, at the price of one more
            -- version of the call's row per attempt; queries now take it from attempts.
            ALTER TABLE calls DROP COLUMN attempt;
            -- Events are only read by run. On PostgreSQL an index on run_id alone keeps one
            -- posting list per run (B-tree deduplication) instead of an entry per event; ordering
            -- by time is a sort of one run's events when they are read.
            DROP INDEX events_by_run;
            CREATE INDEX events_by_run ON events (run_id);
            -- Nothing looks events or cache entries up by id: the id only orders events written
            -- in the same microsecond, and entries are found by key_hash. SQLite's integer primary
            -- key is the rowid itself and costs nothing; PostgreSQL's is an index of its own.
            {postgres: ALTER TABLE events DROP CONSTRAINT events_pkey;}
            {postgres: ALTER TABLE cache_entries DROP CONSTRAINT cache_entries_pkey;}
            """),
        new(4, "cache entries found by the call that wrote them", """
            -- `osprey cache explain` starts from the entry a call wrote; without this index that
            -- is a scan of every entry (a million of them in a long-lived store).
            CREATE INDEX cache_entries_by_source ON cache_entries (source_call_id);
            """),
    ];
}
