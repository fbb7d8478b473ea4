#!/usr/bin/env bash
# Builds Osprey and runs every test: the xunit suite (which includes the conformance check
# over ../shared/wdl-conformance and the launcher tests). The last line printed is always
# "N passed, N failed"; the exit status is non-zero when anything failed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
root=$PWD
results="$root/TestResults/test.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0
failed=0

finish() {
  # Never leave the container setup (apt, podman) running behind us.
  [ -n "${containers_setup:-}" ] && wait "$containers_setup" 2>/dev/null
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

step() { echo "== $*" >&2; }

# --- What the tests need that a fresh machine may lack ------------------------------------
# The .NET SDK cannot be installed from here (no registry carries it); it must be on the machine.
if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET SDK 10 is required but 'dotnet' is not on PATH" >&2
  failed=1
  finish
fi
# The launcher's Native AOT build links with gcc (or clang) and strips with objcopy.
missing=()
command -v gcc >/dev/null 2>&1 || command -v clang >/dev/null 2>&1 || missing+=(gcc)
command -v objcopy >/dev/null 2>&1 || missing+=(binutils)
# Host tasks see their File inputs read-only through bubblewrap (tested in ReadOnlyInputsTests).
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
# The run store tests need PostgreSQL 15. Installed here, in the one foreground apt step,
# because the container setup below runs apt in the background and dpkg allows one at a time.
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  step "installing ${missing[*]}"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null 2>&1 \
      || echo "test.sh: could not install ${missing[*]} (without gcc/binutils the launcher falls back to a ReadyToRun build; without bubblewrap or postgresql their tests fail)" >&2
  else
    echo "test.sh: ${missing[*]} missing and cannot be installed here (see above for what that costs)" >&2
  fi
fi

# The container tests need podman, runc and two local images (tests/containers/setup.sh). It
# runs beside the build: mostly apt and disk, so it costs the build little. It must come after
# the apt step above (dpkg takes one installer at a time).
step "preparing podman and the test images in the background (tests/containers/setup.sh)"
mkdir -p "$root/.build"
bash tests/containers/setup.sh >/dev/null 2>"$root/.build/containers-setup.stderr" &
containers_setup=$!

# --- Build --------------------------------------------------------------------------------
step "building the solution"
if ! dotnet build Osprey.slnx -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "test.sh: build failed" >&2
  failed=$((failed + 1))
  finish
fi

# Build the native binary now, so the launcher tests inside the suite only run it.
step "building the launcher's native binary (./osprey --version)"
if ! ./osprey --version >/dev/null; then
  echo "test.sh: ./osprey could not be built (the launcher tests will fail)" >&2
fi

# --- Services -----------------------------------------------------------------------------
# The run store tests run against PostgreSQL as well as SQLite: a throwaway cluster on loopback
# (installed if missing), stopped again after the tests unless it was already running. If it
# cannot start, those tests fail and say why; they are never skipped.
stop_postgres=false
if tests/services/postgres.sh status >/dev/null 2>&1; then
  OSPREY_TEST_POSTGRES=$(tests/services/postgres.sh status)
  export OSPREY_TEST_POSTGRES
else
  step "starting PostgreSQL for the run store tests (tests/services/postgres.sh)"
  if OSPREY_TEST_POSTGRES=$(tests/services/postgres.sh start); then
    export OSPREY_TEST_POSTGRES
    stop_postgres=true
    trap 'tests/services/postgres.sh stop' EXIT
  else
    echo "test.sh: PostgreSQL could not be started; the run store's PostgreSQL tests will fail" >&2
  fi
fi

# --- Tests --------------------------------------------------------------------------------
# On failure the container tests fail with setup.sh's reason (.build/containers/failure).
if wait "$containers_setup" && [ -f "$root/.build/containers/env" ]; then
  # shellcheck source=/dev/null
  . "$root/.build/containers/env"
else
  echo "test.sh: tests/containers/setup.sh failed; the container tests will fail:" >&2
  cat "$root/.build/containers-setup.stderr" >&2
fi

step "running the tests"
rm -rf "$results"
mkdir -p "$results"
# A hung test must not eat CI's whole time budget.
timeout 45m dotnet test Osprey.slnx -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=osprey" --logger "console;verbosity=minimal" \
  --results-directory "$results"
test_exit=$?
# Stopped here rather than at exit, so that the summary stays the last line printed.
if [ "$stop_postgres" = true ]; then
  tests/services/postgres.sh stop
  trap - EXIT
fi

# Count from the TRX files: one per test assembly, each with a <Counters .../> element.
shopt -s nullglob
trx_files=("$results"/*.trx)
count() { grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*' | head -n 1; }
for trx in "${trx_files[@]}"; do
  passed=$((passed + $(count "$trx" passed)))
  for outcome in failed error timeout aborted; do
    n=$(count "$trx" "$outcome")
    failed=$((failed + ${n:-0}))
  done
done
if [ "${#trx_files[@]}" -eq 0 ] || { [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  echo "test.sh: dotnet test exited with $test_exit without reporting failed tests (crash or timeout)" >&2
  failed=$((failed + 1))
fi

# The conformance suites are part of the xunit run; their per-case results are shown here too.
# check: every case checks (or fails to check) as expected; run: every case runs as its README says.
case_results() { # test method name prefix: prints "outcome case" per case from the TRX files
  for trx in "${trx_files[@]}"; do
    grep -o "<UnitTestResult [^>]*testName=\"$1[^>]*" "$trx" \
      | sed -E 's/.*testName="[^"]*\(name: &quot;([^&]*)&quot;\)".*outcome="([A-Za-z]*)".*/\2 \1/'
  done | sort -k2
}
for suite in "check:Osprey.Wdl.Tests.Cli.ConformanceCheckTests.Case_checks_as_expected" \
             "run:Osprey.Engine.Tests.Conformance.ConformanceRunTests.Case_runs_as_expected"; do
  label=${suite%%:*}
  ok=0; bad=0
  while read -r outcome name; do
    [ -n "$name" ] || continue
    if [ "$outcome" = Passed ]; then ok=$((ok + 1)); mark=pass; else bad=$((bad + 1)); mark=FAIL; fi
    [ "$label" = run ] && echo "conformance run: $mark $name" >&2
  done < <(case_results "${suite#*:}")
  echo "conformance $label: $ok passed, $bad failed" >&2
done
# Cases the run is not held to: one line each, with the reason from run-exceptions.txt.
grep -E '^[a-z0-9_]+  ' tests/Osprey.Engine.Tests/Conformance/run-exceptions.txt \
  | sed -E 's/^([a-z0-9_]+)  +(.*)$/conformance run: excused \1 (\2)/' >&2

finish
