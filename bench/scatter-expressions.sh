#!/usr/bin/env bash
# Benchmark: an N-shard scatter of expressions only (no tasks), run by `osprey run`.
# Prints wall time and peak memory. Usage: bench/scatter-expressions.sh [N]   (default 100000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
n=${1:-100000}
work=$(mktemp -d /tmp/osprey-bench-expr.XXXXXX)
trap 'rm -rf "$work"' EXIT
./osprey --version >/dev/null   # build first, outside the measurement

cat > "$work/expressions.wdl" <<'WDL'
version 1.1
workflow expression_bench {
  input { Int n }
  scatter (i in range(n)) {
    Int square = i * i
    String label = "item ~{i}: ~{square}"
    Boolean even = i % 2 == 0
  }
  output {
    Int count = length(label)
    Int squares = length(square)
    Int flags = length(even)
  }
}
WDL
/usr/bin/time -f "%e %M" -o "$work/time.txt" ./osprey run "$work/expressions.wdl" "n=$n" --dir "$work/run" > "$work/out.json" 2> "$work/err.txt"
read -r wall kb < "$work/time.txt"
count=$(grep -o '"expression_bench.count": [0-9]*' "$work/out.json" | grep -o '[0-9]*$')
echo "| shards | wall | peak RSS | gathered labels |"
echo "|---|---|---|---|"
echo "| $n | ${wall} s | $((kb / 1024)) MB | $count |"
