#!/usr/bin/env bash
# Benchmark: the engine's peak memory on three large workloads, each run by `osprey run
# --no-container` under /usr/bin/time:
#   stdout   a task writes 1 GB to stdout (output: File out = stdout())
#   glob     a task makes 10,000 files and outputs glob("*.txt")
#   lines    read_lines() of a 100 MB input file (1,000,000 lines of 100 bytes)
# Usage: bench/memory-limits.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=$(mktemp -d /tmp/osprey-bench-mem.XXXXXX)
trap 'rm -rf "$work"' EXIT
./osprey --version >/dev/null

cat > "$work/stdout.wdl" <<'WDL'
version 1.1
task big_stdout {
  command <<<
    head -c 1000000000 /dev/zero | tr '\0' 'a'
  >>>
  output { File out = stdout()  Int bytes = size(out) }
}
WDL
cat > "$work/glob.wdl" <<'WDL'
version 1.1
task many_files {
  command <<<
    for i in $(seq 1 10000); do echo $i > file_$i.txt; done
  >>>
  output { Array[File] files = glob("*.txt") }
}
WDL
cat > "$work/lines.wdl" <<'WDL'
version 1.1
workflow read_big {
  input { File big }
  Array[String] lines = read_lines(big)
  output { Int count = length(lines) }
}
WDL
python3 - "$work/big.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    line = "x" * 99 + "\n"
    for _ in range(1_000_000):
        f.write(line)
PY

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/$label.out" 2> "$work/$label.err" || { echo "$label failed:"; tail -5 "$work/$label.err"; }
  read -r wall kb < "$work/time.txt"
  echo "| $label | ${wall} s | $((kb / 1024)) MB |"
}
echo "| workload | wall | osprey peak RSS |"
echo "|---|---|---|"
measure "1 GB to stdout" ./osprey run "$work/stdout.wdl" --no-container --dir "$work/r1"
measure "glob of 10,000 files" ./osprey run "$work/glob.wdl" --no-container --dir "$work/r2"
measure "read_lines of 100 MB" ./osprey run "$work/lines.wdl" "big=$work/big.txt" --no-container --dir "$work/r3"
