# A throwaway PostgreSQL on 127.0.0.1:55432 (STACK.md §1). Source it, then call start_throwaway_pg.
PG_PORT=${PG_PORT:-55432}
PGDATA_CI=${PGDATA_CI:-/tmp/gm2i-pgdata-ci}

start_throwaway_pg() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGBIN_CI=$pgbin
  if runuser -u postgres -- "$pgbin/pg_ctl" -D "$PGDATA_CI" status >/dev/null 2>&1; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$PGDATA_CI" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$PGDATA_CI"; mkdir -p "$PGDATA_CI"; chown postgres:postgres "$PGDATA_CI"
  runuser -u postgres -- "$pgbin/initdb" -D "$PGDATA_CI" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$PGDATA_CI" -l "$PGDATA_CI/server.log" -w \
    -o "-h 127.0.0.1 -p $PG_PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U app app
  export DATABASE_URL="postgres://app@127.0.0.1:$PG_PORT/app"
  echo "== PostgreSQL jetable : $DATABASE_URL"
}

stop_throwaway_pg() {
  runuser -u postgres -- "$PGBIN_CI/pg_ctl" -D "$PGDATA_CI" -m fast -w stop >/dev/null 2>&1 || true
}
