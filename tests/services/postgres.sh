#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on loopback for the tests (port 55432, trust auth, fsync off).
#   tests/services/postgres.sh start   installs PostgreSQL if missing, starts the cluster unless it
#                                      already runs, and prints its connection string on stdout
#   tests/services/postgres.sh stop    stops it and deletes its data directory (no-op if not running)
#   tests/services/postgres.sh status  prints the connection string if it runs; exit 1 if not
# Progress and errors go to stderr, so `export OSPREY_TEST_POSTGRES=$(tests/services/postgres.sh start)`.
# Env: OSPREY_TEST_POSTGRES_PORT (default 55432).
set -euo pipefail

port=${OSPREY_TEST_POSTGRES_PORT:-55432}
run=/tmp/osprey-pg-$port          # socket, log and the pointer to the data directory
bin=/usr/lib/postgresql/15/bin
conn="Host=127.0.0.1;Port=$port;Username=postgres"

say() { echo "postgres.sh: $*" >&2; }

# Runs a PostgreSQL binary as the postgres user (initdb and postgres refuse to run as root).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {
  [ -f "$run/datadir" ] || return 1
  local data; data=$(cat "$run/datadir")
  [ -f "$data/postmaster.pid" ] && kill -0 "$(head -1 "$data/postmaster.pid")" 2>/dev/null
}

install() {
  [ -x "$bin/postgres" ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL 15 is not installed ($bin/postgres missing) and cannot be installed here (needs root and apt-get)"
    exit 1
  fi
  say "installing PostgreSQL 15 (apt-get install postgresql)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 \
    || { say "apt-get install postgresql failed"; exit 1; }
  [ -x "$bin/postgres" ] || { say "installed, but $bin/postgres is still missing"; exit 1; }
}

start() {
  if running; then echo "$conn"; return 0; fi
  install
  mkdir -p "$run"
  # A stale data directory from a crashed run is thrown away: the cluster is disposable.
  if [ -f "$run/datadir" ]; then rm -rf "$(cat "$run/datadir")"; fi
  local data; data=$(mktemp -d /tmp/osprey-pg-data.XXXXXX)
  echo "$data" > "$run/datadir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$data" "$run"; fi
  as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >"$run/initdb.log" 2>&1 \
    || { say "initdb failed:"; cat "$run/initdb.log" >&2; exit 1; }
  as_postgres "$bin/pg_ctl" -D "$data" -l "$run/pg.log" -w -t 60 \
    -o "-p $port -k $run -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null \
    || { say "PostgreSQL did not start:"; tail -n 20 "$run/pg.log" >&2; exit 1; }
  say "PostgreSQL running on 127.0.0.1:$port (data $data)"
  echo "$conn"
}

stop() {
  [ -f "$run/datadir" ] || return 0
  local data; data=$(cat "$run/datadir")
  if running; then
    local pid; pid=$(head -1 "$data/postmaster.pid")
    kill -INT "$pid" 2>/dev/null || true   # "fast" shutdown
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$data" "$run/datadir"
  say "PostgreSQL on port $port stopped"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "$conn"; else exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
