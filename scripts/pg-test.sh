#!/usr/bin/env bash
# pg-test.sh runs the store tests against a throwaway PostgreSQL server, so the
# postgres backend passes the same storetest suite as SQLite.
#
# It installs Debian's postgresql if initdb is missing (one apt-get update),
# creates an unprivileged user to own the cluster when run as root (initdb
# refuses root), initialises a cluster in a temporary directory, starts it on
# a free port on 127.0.0.1 only, creates a database, exports
# DATELINE_TEST_POSTGRES=postgres://... and runs the tests. The server and
# its directory are removed on exit, however the script ends.
#
# Usage: scripts/pg-test.sh [go test args...]   (default: ./internal/store/...)
#   scripts/pg-test.sh -run Conformance -v ./internal/store/postgres/
#   scripts/pg-test.sh -bench . -run XXX ./internal/store/postgres/
set -euo pipefail

cd "$(dirname "$0")/.."
PGUSER_OS=${PGUSER_OS:-dlpg}

find_bin() {
	local dir
	for dir in /usr/lib/postgresql/*/bin; do
		[[ -x $dir/initdb ]] && { echo "$dir"; return; }
	done
	command -v initdb >/dev/null && dirname "$(command -v initdb)"
}

BIN=$(find_bin || true)
if [[ -z $BIN ]]; then
	echo "pg-test: installing postgresql" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq postgresql >/dev/null
	BIN=$(find_bin)
fi

# initdb and postgres refuse to run as root: own the cluster by a plain user.
as_owner() { "$@"; }
if [[ $(id -u) -eq 0 ]]; then
	id "$PGUSER_OS" >/dev/null 2>&1 || useradd -m "$PGUSER_OS"
	as_owner() { runuser -u "$PGUSER_OS" -- "$@"; }
fi

DIR=$(mktemp -d /tmp/dateline-pg.XXXXXX)
chmod 755 "$DIR"
[[ $(id -u) -eq 0 ]] && chown "$PGUSER_OS" "$DIR"

cleanup() {
	as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$DIR"
}
trap cleanup EXIT INT TERM

# A free port: ask the kernel for one, then let the server take it.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
	{ cat "$DIR/initdb.log" >&2; exit 1; }
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
	-o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null ||
	{ cat "$DIR/server.log" >&2; exit 1; }
"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres dateline_test

export DATELINE_TEST_POSTGRES="postgres://postgres@127.0.0.1:$PORT/dateline_test?sslmode=disable"
echo "pg-test: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

if [[ $# -eq 0 ]]; then
	set -- ./internal/store/...
fi
go test "$@"
