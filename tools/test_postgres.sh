#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the tests (CI and a developer's
# machine alike). PostgreSQL refuses to run as root, so as root it runs as the
# `postgres` user (made when missing); otherwise as whoever runs this.
#
#   eval "$(bash tools/test_postgres.sh start)"   # prints the export lines
#   swift test --filter Postgres                   # now runs the PostgreSQL tests too
#   bash tools/test_postgres.sh stop
#
# The server's folder is $CAMPAIGN_DECK_TEST_PG_DIR (made by start, removed by
# stop); it listens on 127.0.0.1 only, with a password (SCRAM), like a team's server.
set -euo pipefail

find_bin() {
  local name=$1 found
  found=$(command -v "$name" 2>/dev/null || true)
  [ -n "$found" ] && found=$(readlink -f "$found")
  [ -n "$found" ] || found=$(ls /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1 || true)
  echo "$found"
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  if [ -z "$(find_bin initdb)" ]; then
    echo "test_postgres: installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  fi
  local initdb pg_ctl port dir password
  initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl)
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
  dir=$(mktemp -d /tmp/campaign-deck-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  password="deck-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  echo "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pwfile"
  # A free port: ask the kernel for one (python3 is on every machine CI runs on).
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_server_user "$initdb" -D "$dir/data" -U deck --pwfile="$dir/pwfile" --auth-host=scram-sha-256 \
    --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_server_user "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_server_user "$(dirname "$initdb")/createdb" -h "$dir" -p "$port" -U deck deck_test
  echo "export CAMPAIGN_DECK_TEST_PG_DIR=$dir"
  echo "export CAMPAIGN_DECK_TEST_POSTGRES=postgres://deck:$password@127.0.0.1:$port/deck_test"
}

stop() {
  local dir=${CAMPAIGN_DECK_TEST_PG_DIR:-}
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "test_postgres: nothing to stop" >&2; return 0; }
  as_server_user "$(find_bin pg_ctl)" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
