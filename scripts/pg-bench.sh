#!/usr/bin/env bash
# A throwaway PostgreSQL for the bench (bench/tout.ts --database …), on 127.0.0.1:55450, data in /tmp/gm2i-pg-bench.
# Unlike scripts/pg-throwaway.sh (tests), it keeps PostgreSQL's durable defaults: fsync, synchronous_commit and
# full_page_writes stay on, so a commit waits for the disk as on a real server.
# Usage (as root): scripts/pg-bench.sh start | stop | status
#   start: recreates the cluster from scratch and prints the URL of the database `gm2i_bench`.
set -euo pipefail
PG_PORT=${PG_BENCH_PORT:-55450}
PGDATA_BENCH=${PGDATA_BENCH:-/tmp/gm2i-pg-bench}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
URL="postgres://app@127.0.0.1:$PG_PORT/gm2i_bench"

pgctl() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_BENCH" "$@"; }

arreter() {
  if [ -d "$PGDATA_BENCH" ] && pgctl status >/dev/null 2>&1; then pgctl -m fast -w stop >/dev/null; fi
}

case "${1:-}" in
  start)
    arreter
    rm -rf "$PGDATA_BENCH"
    mkdir -p "$PGDATA_BENCH"
    chown postgres:postgres "$PGDATA_BENCH"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_BENCH" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    pgctl -l "$PGDATA_BENCH/server.log" -w -o "-h 127.0.0.1 -p $PG_PORT -k /tmp -c fsync=on -c synchronous_commit=on -c full_page_writes=on" start >/dev/null
    runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U app gm2i_bench
    echo "PostgreSQL du banc (fsync=on, synchronous_commit=on) : $URL"
    echo "Arrêt : $0 stop"
    ;;
  stop)
    arreter
    rm -rf "$PGDATA_BENCH"
    echo "PostgreSQL du banc arrêté, $PGDATA_BENCH supprimé."
    ;;
  status)
    if [ -d "$PGDATA_BENCH" ] && pgctl status >/dev/null 2>&1; then
      runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U app -d gm2i_bench -Atc \
        "select 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', full_page_writes=' || current_setting('full_page_writes')"
      echo "$URL"
    else
      echo "PostgreSQL du banc arrêté."
      exit 1
    fi
    ;;
  *)
    echo "Usage : $0 start | stop | status" >&2
    exit 2
    ;;
esac
