#!/usr/bin/env bash
# Benchmark: what recording a run costs. The N-shard scatter of bench/scatter-tasks.sh run four
# ways, back to back on one machine:
#   baseline  - osprey built from BASELINE (a commit from before runs were recorded)
#   store     - this tree, run store on (SQLite; OSPREY__DATABASE__SYNC as set, normal by default), call cache off (--no-cache)
#   cache     - this tree, store and call cache on (the default): every call misses and is entered
#   rerun     - the same run again: every call is a cache hit
# The first three are run ROUNDS times, interleaved (this VM's speed drifts by 10-30% over
# minutes, so one run of each would measure the drift); the table has each one's median.
# Prints wall time, peak RSS, the change against the baseline, and store bytes per call.
# The first three are interleaved in an order that turns each round.
# Usage: bench/store-overhead.sh [N] [BASELINE] [ROUNDS]   (defaults: 10000, 23b0f31, 3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-10000}
baseline_commit=${2:-23b0f31}
rounds=${3:-3}
work=$(mktemp -d /tmp/osprey-bench-store.XXXXXX)
baseline_tree=$work/baseline
cleanup() { git worktree remove --force "$baseline_tree" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

./osprey --version >/dev/null   # build first, outside the measurement
git worktree add --detach --quiet "$baseline_tree" "$baseline_commit"
"$baseline_tree/osprey" --version >/dev/null

cp bench/scatter-tasks.wdl "$work/scatter.wdl"

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

# Each round: baseline, store, cache, each in a fresh store so that every call misses; the
# store sizes are those of round 1.
declare -A walls mbs
for ((r = 1; r <= rounds; r++)); do
  export XDG_DATA_HOME=$work/data-$r
  db=$XDG_DATA_HOME/osprey/osprey.db
  # The order turns each round: the VM slows and speeds up over minutes, which would otherwise
  # always fall on the same position.
  order=(baseline store cache)
  order=("${order[@]:$(( (r - 1) % 3 ))}" "${order[@]:0:$(( (r - 1) % 3 ))}")
  for label in "${order[@]}"; do
    case $label in
      baseline) row=$(measure baseline "$baseline_tree/osprey" run "$work/scatter.wdl" "n=$n" --no-container --dir "$work/run-$label-$r") ;;
      store) row=$(measure store ./osprey run "$work/scatter.wdl" "n=$n" --no-container --no-cache --dir "$work/run-$label-$r") ;;
      cache) row=$(measure cache ./osprey run "$work/scatter.wdl" "n=$n" --no-container --dir "$work/run-$label-$r") ;;
    esac
    read -r _ wall mb <<< "$row"
    walls[$label]+="$wall "; mbs[$label]+="$mb "
    echo "round $r: $row" >&2
    if [[ $r == 1 && $label == store ]]; then after_store=$(store_bytes); fi
    if [[ $r == 1 && $label == cache ]]; then after_cache=$(store_bytes); fi
  done
  # Round 1's cache run stays: the rerun reuses its outputs (a hit checks they still exist).
  if ((r > 1)); then rm -rf "$work"/run-*-"$r"; else rm -rf "$work/run-baseline-1" "$work/run-store-1"; fi
done
before=0
export XDG_DATA_HOME=$work/data-1
db=$XDG_DATA_HOME/osprey/osprey.db
rerun=$(measure rerun ./osprey run "$work/scatter.wdl" "n=$n" --no-container --dir "$work/run-rerun")
hits=$(grep -c "call cache hit" "$work/rerun.err" || true)
median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

base_wall=$(echo "${walls[baseline]}" | median)
# Also the median of each round's own ratio to its baseline (paired, so slow rounds count once).
ratio_median() { paste -d' ' <(echo "${walls[$1]}" | tr ' ' '\n' | grep .) <(echo "${walls[baseline]}" | tr ' ' '\n' | grep .) \
  | awk '{ printf "%.4f\n", $1 / $2 }' | median; }
echo "| run | median wall ($rounds rounds) | all walls | vs baseline (medians) | median of per-round ratios | peak RSS |"
echo "|---|---|---|---|---|---|"
for label in baseline store cache; do
  wall=$(echo "${walls[$label]}" | median)
  change=$(awk -v a="$wall" -v b="$base_wall" 'BEGIN { printf "%+.1f%%", (a / b - 1) * 100 }')
  paired=$(awk -v r="$(ratio_median "$label")" 'BEGIN { printf "%+.1f%%", (r - 1) * 100 }')
  echo "| $label | ${wall} s | ${walls[$label]% } | $change | $paired | $(echo "${mbs[$label]}" | median) MB |"
done
read -r _ wall mb <<< "$rerun"
echo "| rerun (all hits) | ${wall} s | | | $(awk -v a="$wall" -v b="$base_wall" 'BEGIN { printf "%+.1f%%", (a / b - 1) * 100 }') | ${mb} MB |"
echo
echo "store per call: $(( (after_store - before) / n )) bytes without the cache, $(( (after_cache - after_store) / n )) bytes with it (calls, attempts, outputs, events, cache entry); rerun hits: $hits of $n"
