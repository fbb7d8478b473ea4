#!/usr/bin/env bash
# Benchmark: an N-shard scatter of a trivial task (`echo ~{i} > out.txt`, a File output) run by
# `osprey run --no-container`, against a bare shell loop running the same N commands two at a
# time (make a directory, write the command to a file, run it with bash, stdout/stderr to
# files), in the same run. Prints wall time and peak memory of both, and the ratio.
# Usage: bench/scatter-tasks.sh [N]   (default 10000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-10000}
work=$(mktemp -d /tmp/osprey-bench-scatter.XXXXXX)
trap 'rm -rf "$work"' EXIT
./osprey --version >/dev/null   # build first, outside the measurement

cp bench/scatter-tasks.wdl "$work/scatter.wdl"

cat > "$work/loop.sh" <<'SH'
#!/usr/bin/env bash
# Two workers, each taking every other index: the same two-at-a-time parallelism as the engine
# gets from the 2-core budget.
n=$1; dir=$2
worker() {
  for ((i = $1; i < n; i += 2)); do
    d=$dir/$i
    mkdir -p "$d"
    echo "echo $i > out.txt" > "$d/command"
    (cd "$d" && bash command > stdout 2> stderr)
  done
}
worker 0 & worker 1 & wait
SH

measure() { # label, command...: prints "label wall_s peak_MB"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/$label.out" 2> "$work/$label.err"
  read -r wall kb < "$work/time.txt"
  echo "$label $wall $((kb / 1024))"
}

loop=$(measure loop bash "$work/loop.sh" "$n" "$work/loop")
engine=$(measure osprey ./osprey run "$work/scatter.wdl" "n=$n" --no-container --dir "$work/run")
count=$(grep -c "\"/.*out.txt\"" "$work/osprey.out" || true)
read -r _ loop_wall loop_mb <<< "$loop"
read -r _ engine_wall engine_mb <<< "$engine"
ratio=$(awk -v a="$engine_wall" -v b="$loop_wall" 'BEGIN { printf "%.2f", a / b }')
echo "| shards | bare loop wall | osprey wall | ratio | osprey peak RSS | outputs |"
echo "|---|---|---|---|---|---|"
echo "| $n | ${loop_wall} s | ${engine_wall} s | ${ratio}x | ${engine_mb} MB | $count files |"
