#!/usr/bin/env bash
# Run store benchmark (bench/Osprey.StoreBench), on SQLite and PostgreSQL:
#   (a) the records of a 10,000-shard scatter and of 30-call chains (per call: the call, one
#       attempt with its job handle, two status changes, one File output; per run: the run, its
#       status changes and the workflow's outputs): caller's enqueue cost, writer's drain time and
#       CPU, and store growth per call; the scatter also in three flushed waves (all calls created,
#       then started, then ended), closer to how the engine records calls over their lives;
#   (b) "durable before visible": one call's records then FlushAsync, 2,000 times in a row;
#   (c) call-cache lookups by exact key (hits and misses) and nearest-entry queries with the cache
#       filled to ENTRIES entries (default 1,000,000).
# Prints markdown tables for BENCHMARKS.md on stdout; progress on stderr. PostgreSQL is the
# throwaway cluster of tests/services/postgres.sh (fsync off: its figures are an upper bound).
# Usage: bench/store-cache.sh            env: ENTRIES (default 1000000), PROVIDERS (default "sqlite postgres")
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
entries=${ENTRIES:-1000000}
providers=${PROVIDERS:-sqlite postgres}
bin="$root/.build/store-bench"
work=$(mktemp -d /tmp/osprey-store-bench.XXXXXX)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say() { echo "store-cache: $*" >&2; }

started_pg=false
cleanup() {
  rm -rf "$work"
  if [ "$started_pg" = true ]; then tests/services/postgres.sh stop; fi
}
trap cleanup EXIT

say "building bench/Osprey.StoreBench (Release)"
dotnet build bench/Osprey.StoreBench -c Release -o "$bin" -nologo -v quiet -clp:ErrorsOnly >&2
bench() { "$bin/Osprey.StoreBench" "$@"; }
field() { grep -o " $1=[^ ]*" <<< " $2" | cut -d= -f2; }

calls_rows=()
flush_rows=()
cache_rows=()
for provider in $providers; do
  if [ "$provider" = postgres ]; then
    if ! tests/services/postgres.sh status >/dev/null 2>&1; then started_pg=true; fi
    admin=$(tests/services/postgres.sh start)
    db() { # a fresh database per measurement, so each one's size is its own
      psql -h 127.0.0.1 -p "${OSPREY_TEST_POSTGRES_PORT:-55432}" -U postgres -q \
        -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null 2>&1
      echo "$admin;Database=$1"
    }
  else
    db() { echo "$work/$1.db"; }
  fi
  say "$provider: 10,000-shard scatter records"
  r=$(bench calls --provider "$provider" --db "$(db scatter)" --shape scatter --calls 10000); calls_rows+=("$r")
  say "$provider: 10,000-shard scatter records in three flushed waves"
  r=$(bench calls --provider "$provider" --db "$(db waves)" --shape scatter --calls 10000 --waves yes); calls_rows+=("$r")
  say "$provider: 30-call chain, first run into an empty store"
  r=$(bench calls --provider "$provider" --db "$(db chain1)" --shape chain --calls 30 --runs 1); calls_rows+=("$r")
  say "$provider: 30-call chain, 50 runs"
  r=$(bench calls --provider "$provider" --db "$(db chain50)" --shape chain --calls 30 --runs 50); calls_rows+=("$r")
  say "$provider: flush after every call"
  r=$(bench flush --provider "$provider" --db "$(db flush)" --calls 2000); flush_rows+=("$r")
  if [ "$provider" = sqlite ]; then
    r=$(bench flush --provider sqlite --db "$(db flush_normal)" --calls 2000 --sync normal); flush_rows+=("$r")
  fi
  say "$provider: call cache with $entries entries (filling takes a while)"
  r=$(bench cache --provider "$provider" --db "$(db cache)" --entries "$entries" --lookups 20000); cache_rows+=("$r")
done

echo "| store | records of | calls | enqueue per call | writer drain per call | CPU per call | transactions | store growth per call |"
echo "|---|---|---|---|---|---|---|---|"
for r in "${calls_rows[@]}"; do
  runs=$(field runs "$r"); shape=$(field shape "$r")
  label="10,000-shard scatter"
  [ "$(field waves "$r")" = yes ] && label="10,000-shard scatter, 3 waves"
  [ "$shape" = chain ] && label="30-call chain × $runs run(s)"
  echo "| $(field provider "$r") | $label | $(( $(field calls "$r") * runs )) | $(field enqueue_us_per_call "$r") µs | $(field drain_us_per_call "$r") µs | $(field cpu_us_per_call "$r") µs | $(field transactions "$r") | $(field bytes_per_call "$r") B |"
done
echo
echo "| store | commit mode | flushes | flush p50 | flush p99 | flush max |"
echo "|---|---|---|---|---|---|"
for r in "${flush_rows[@]}"; do
  mode="fsync each commit"; [ "$(field sync "$r")" = normal ] && mode="synchronous=NORMAL"
  [ "$(field provider "$r")" = postgres ] && mode="server default (test cluster: fsync off)"
  echo "| $(field provider "$r") | $mode | $(field calls "$r") | $(field flush_p50_us "$r") µs | $(field flush_p99_us "$r") µs | $(field flush_max_us "$r") µs |"
done
echo
echo "| store | cache entries | exact hit p50 / p99 / max | miss p50 / p99 | nearest 5 p50 / p99 | store size |"
echo "|---|---|---|---|---|---|"
for r in "${cache_rows[@]}"; do
  echo "| $(field provider "$r") | $(field entries "$r") | $(field hit_p50_us "$r") / $(field hit_p99_us "$r") / $(field hit_max_us "$r") µs | $(field miss_p50_us "$r") / $(field miss_p99_us "$r") µs | $(field nearest5_p50_us "$r") / $(field nearest5_p99_us "$r") µs | $(field store_mb "$r") MB |"
done
