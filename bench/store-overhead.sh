#!/usr/bin/env bash
# Benchmark: what recording a run costs. The N-shard scatter of bench/scatter-tasks.sh run four
# ways, back to back on one machine:
#   baseline  - osprey built from BASELINE (a commit from before runs were recorded)
#   store     - this tree, run store on (SQLite; OSPREY__DATABASE__SYNC as set, normal by default), call cache off (--no-cache)
#   cache     - this tree, store and call cache on (the default): every call misses and is entered
#   rerun     - the same run again: every call is a cache hit
# Prints wall time, peak RSS, the change against the baseline, and store bytes per call.
# Usage: bench/store-overhead.sh [N] [BASELINE]   (defaults: 10000, 23b0f31)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-10000}
baseline_commit=${2:-23b0f31}
work=$(mktemp -d /tmp/osprey-bench-store.XXXXXX)
baseline_tree=$work/baseline
cleanup() { git worktree remove --force "$baseline_tree" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

./osprey --version >/dev/null   # build first, outside the measurement
git worktree add --detach --quiet "$baseline_tree" "$baseline_commit"
"$baseline_tree/osprey" --version >/dev/null

cat > "$work/scatter.wdl" <<'WDL'
version 1.1
task echo_i {
  input { Int i }
  command <<<
    echo ~{i} > out.txt
  >>>
  output { File out = "out.txt" }
}
workflow scatter_bench {
  input { Int n }
  scatter (i in range(n)) {
    call echo_i { input: i = i }
  }
  output { Array[File] outs = echo_i.out }
}
WDL

export XDG_DATA_HOME=$work/data
db=$XDG_DATA_HOME/osprey/osprey.db
store_bytes() { if compgen -G "$db*" > /dev/null; then du -cb "$db"* | tail -1 | cut -f1; else echo 0; fi; }

measure() { # label, command...: prints "label wall_s peak_MB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/$label.out" 2> "$work/$label.err" \
    || { echo "$label failed:"; tail -5 "$work/$label.err"; exit 1; }
  read -r wall kb < "$work/time.txt"
  echo "$label $wall $((kb / 1024))"
}

rows=()
rows+=("$(measure baseline "$baseline_tree/osprey" run "$work/scatter.wdl" "n=$n" --no-container --dir "$work/run-baseline")")
before=$(store_bytes)
rows+=("$(measure store ./osprey run "$work/scatter.wdl" "n=$n" --no-container --no-cache --dir "$work/run-store")")
after_store=$(store_bytes)
rows+=("$(measure cache ./osprey run "$work/scatter.wdl" "n=$n" --no-container --dir "$work/run-cache")")
after_cache=$(store_bytes)
rows+=("$(measure rerun ./osprey run "$work/scatter.wdl" "n=$n" --no-container --dir "$work/run-rerun")")
hits=$(grep -c "call cache hit" "$work/rerun.err" || true)

read -r _ base_wall _ <<< "${rows[0]}"
echo "| run | wall | vs baseline | peak RSS |"
echo "|---|---|---|---|"
for row in "${rows[@]}"; do
  read -r label wall mb <<< "$row"
  change=$(awk -v a="$wall" -v b="$base_wall" 'BEGIN { printf "%+.1f%%", (a / b - 1) * 100 }')
  echo "| $label | ${wall} s | $change | ${mb} MB |"
done
echo
echo "store per call: $(( (after_store - before) / n )) bytes without the cache, $(( (after_cache - after_store) / n )) bytes with it (calls, attempts, outputs, events, cache entry); rerun hits: $hits of $n"
