#!/bin/sh
# First start: initdb with POSTGRES_USER/POSTGRES_PASSWORD, listen on all addresses (password auth), create
# POSTGRES_DB with a temporary server (so, like the official image, "ready to accept connections" is logged
# twice on a first start). Later starts (docker start after stop/kill) just run the server on the same data.
set -eu
# Options only (e.g. Testcontainers' `-c fsync=off ...`): they are for the server, as in the official image.
if [ "${1#-}" != "${1:-}" ]; then set -- postgres "$@"; fi
as_pg() { setpriv --reuid=postgres --regid=postgres --init-groups "$@"; }
if [ "${1:-postgres}" = postgres ]; then
  [ $# -gt 0 ] && shift
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pw=$(mktemp); printf '%s\n' "$POSTGRES_PASSWORD" >"$pw"; chown postgres "$pw"
    # --no-sync: a throwaway test cluster; syncing every file made initdb take tens of seconds on a busy disk.
    as_pg initdb --no-sync -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pw" -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f "$pw"
    printf 'host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
    printf "listen_addresses = '*'\nmax_connections = 200\nshared_buffers = 256MB\n" >>"$PGDATA/postgresql.conf"
    if [ "$POSTGRES_DB" != postgres ]; then
      as_pg pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start >/dev/null
      as_pg psql -q -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -c "CREATE DATABASE \"$POSTGRES_DB\""
      as_pg pg_ctl -D "$PGDATA" -w -m fast stop >/dev/null
    fi
  fi
  exec setpriv --reuid=postgres --regid=postgres --init-groups postgres -D "$PGDATA" "$@"
fi
exec "$@"
