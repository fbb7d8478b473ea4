#!/usr/bin/env bash
# Check benchmark. Measures
#   (a) throughput over every .wdl file under a directory (default ../shared), warm in-process
#       (bench/Osprey.Bench) and whole-process (./osprey check FILE...);
#   (b) one generated document of about 10,000 lines, warm in-process and whole-process.
# Prints a markdown table for BENCHMARKS.md on stdout; progress goes to stderr.
#
# Usage: bench/check-throughput.sh [DIR]     env: ITERATIONS (in-process, default 20), RUNS (whole-process, default 10)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
dir=${1:-../shared}
iterations=${ITERATIONS:-20}
runs=${RUNS:-10}
work="$root/.build/bench"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { echo "bench: $*" >&2; }

say "building bench/Osprey.Bench (Release) and the osprey launcher binary"
dotnet build bench/Osprey.Bench -c Release -o "$work/bin" -nologo -v quiet -clp:ErrorsOnly >&2
./osprey --version >/dev/null

mapfile -t files < <(find "$dir" -name '*.wdl' -type f | sort)
[ "${#files[@]}" -gt 0 ] || { say "no .wdl files under $dir"; exit 2; }
large="$work/large.wdl"
dotnet "$work/bin/Osprey.Bench.dll" generate --lines 10000 "$large" >/dev/null

# Reads key=value pairs from the bench program's one-line result into variables prefixed $1.
parse() { local prefix=$1 kv; shift; for kv in $*; do printf -v "${prefix}_${kv%%=*}" '%s' "${kv#*=}"; done; }

# Whole-process wall time of a command: mean and best in ms over $runs runs (after one warm-up).
# hyperfine when installed, else date +%s%N around each run. Exit status 1 (errors found) is fine.
wall() {
  local out="$work/wall.json"
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 1 --runs "$runs" -N -i --export-json "$out" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f %.1f" % (r["mean"]*1000, r["min"]*1000))' "$out"
  else
    "$@" >/dev/null 2>&1 || true
    local i start end total=0 best=
    for ((i = 0; i < runs; i++)); do
      start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
      local ms=$(( (end - start) / 1000 ))
      total=$((total + ms)); if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    awk -v t="$total" -v n="$runs" -v b="$best" 'BEGIN { printf "%.1f %.1f\n", t / n / 1000, b / 1000 }'
  fi
}

say "(a) warm in-process over ${#files[@]} files, $iterations iterations"
parse a "$(dotnet "$work/bin/Osprey.Bench.dll" throughput --iterations "$iterations" "${files[@]}")"
say "(a) whole-process ./osprey check over ${#files[@]} files, $runs runs"
read -r aw_mean aw_best < <(wall ./osprey check "${files[@]}")
# The issue's target is stated for the 150 conformance cases: one root per case folder.
cases=()
for case_dir in "$root/../shared/wdl-conformance"/*/; do
  name=$(basename "$case_dir")
  [ -f "$case_dir$name.wdl" ] && cases+=("$case_dir$name.wdl")
done
if [ "${#cases[@]}" -gt 0 ]; then
  say "(a) whole-process ./osprey check over the ${#cases[@]} conformance cases, $runs runs"
  read -r cw_mean cw_best < <(wall ./osprey check "${cases[@]}")
  cases_bytes=$(cat "${cases[@]}" | wc -c)
fi
say "(b) warm in-process, generated document"
parse b "$(dotnet "$work/bin/Osprey.Bench.dll" single --iterations "$iterations" "$large")"
say "(b) whole-process ./osprey check on the generated document"
read -r bw_mean bw_best < <(wall ./osprey check "$large")

mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }
per_s() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", n / (ms / 1000) }'; }
mbps() { awk -v b="$1" -v ms="$2" 'BEGIN { printf "%.1f", b / 1e6 / (ms / 1000) }'; }
large_lines=$(wc -l <"$large")
timer=$(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo 'date +%s%N')

cat <<TABLE

Date: $(date -u +%Y-%m-%d) · commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown) · $(nproc) cores · $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) · $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo) · load average at the end $(cut -d' ' -f1-3 /proc/loadavg)
Command: \`bench/check-throughput.sh $dir\` (ITERATIONS=$iterations, RUNS=$runs, whole-process timed with $timer)

| benchmark | mode | input | mean | best | throughput | target |
|---|---|---|---|---|---|---|
| check all .wdl under $dir | warm in-process, $iterations passes | ${#files[@]} files, $(mb "$a_bytes") | ${a_mean_ms} ms | ${a_best_ms} ms | ${a_files_per_s} files/s, ${a_mb_per_s} MB/s | — |
| check all .wdl under $dir | whole process, \`./osprey check\` | ${#files[@]} files, $(mb "$a_bytes") | ${aw_mean} ms | ${aw_best} ms | $(per_s "${#files[@]}" "$aw_mean") files/s, $(mbps "$a_bytes" "$aw_mean") MB/s | — |
TABLE
if [ "${#cases[@]}" -gt 0 ]; then cat <<TABLE
| check the conformance cases (one root per case) | whole process, \`./osprey check\` | ${#cases[@]} files, $(mb "$cases_bytes") | ${cw_mean} ms | ${cw_best} ms | $(per_s "${#cases[@]}" "$cw_mean") files/s | 150 cases < 2000 ms |
TABLE
fi
cat <<TABLE
| generated document | warm in-process, $iterations passes | ${large_lines} lines, $(mb "$b_bytes") | ${b_mean_ms} ms (median ${b_median_ms}) | ${b_best_ms} ms | $(mbps "$b_bytes" "$b_median_ms") MB/s | < 100 ms |
| generated document | whole process, \`./osprey check\` | ${large_lines} lines, $(mb "$b_bytes") | ${bw_mean} ms | ${bw_best} ms | $(mbps "$b_bytes" "$bw_mean") MB/s | — |

Errors reported by the checker (a correct checker reports some for the expected-failure cases, none for the generated document): all files ${a_errors}, generated document ${b_errors}.
TABLE
