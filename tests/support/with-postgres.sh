#!/bin/sh
# Runs one test against a throwaway PostgreSQL server: a fresh cluster in a temporary folder,
# reachable only through a Unix socket in that folder (no TCP port to collide with), password
# authentication on. The test finds it in DESKBELL_TEST_POSTGRES_URL (superuser "deskbell", database
# "postgres"; support/TestDatabase creates a database per test function). The cluster is stopped and
# removed afterwards, whatever the test did.
#
# initdb refuses to run as root: under root (CI) the server runs as the "postgres" user (or "nobody").
# Exit 77 (CTest: skipped) when the PostgreSQL server programs are missing.
set -u

bindir=
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
        bindir=$dir
        break
    fi
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    bindir=$(dirname "$(command -v initdb)")
fi
if [ -z "$bindir" ]; then
    echo "PostgreSQL server programs (initdb, pg_ctl) missing: skipped (apt-get install postgresql)"
    exit 77
fi

# /tmp, not $TMPDIR: a Unix socket path must stay under about 100 bytes.
base=$(mktemp -d /tmp/deskbell-pg.XXXXXX) || exit 1
as_server() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    server_user=nobody
    if id -u postgres >/dev/null 2>&1; then
        server_user=postgres
    fi
    chown "$server_user" "$base"
    as_server() { runuser -u "$server_user" -- "$@"; }
fi

cleanup() {
    if [ -f "$base/data/postmaster.pid" ]; then
        as_server "$bindir/pg_ctl" -D "$base/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$base"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A new password each run; it only ever guards this folder's server.
password=$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')
umask 077
printf '%s\n' "$password" >"$base/pwfile"
[ "$(id -u)" = 0 ] && chown "$server_user" "$base/pwfile"

# ICU's English collation where the server has it, so a query that silently relied on the byte order
# of the C locale would show here; the schema's own COLLATE "C" columns must make that irrelevant.
init() {
    as_server "$bindir/initdb" -D "$base/data" -U deskbell --pwfile="$base/pwfile" --auth=scram-sha-256 \
        -E UTF8 --no-sync "$@" >"$base/initdb.log" 2>&1
}
if ! init --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US; then
    rm -rf "$base/data"
    if ! init --locale=C.UTF-8; then
        cat "$base/initdb.log"
        echo "initdb failed"
        exit 1
    fi
fi
rm -f "$base/pwfile"

# Durability off: the cluster lives for one test run.
if ! as_server "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $base -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null; then
    cat "$base/server.log" 2>/dev/null
    echo "the PostgreSQL server did not start"
    exit 1
fi

# CTest ends a test that overruns its timeout with SIGKILL, which no trap sees, and the server has left
# the test's process tree (pg_ctl daemonizes it): a watcher outside that tree stops the server and
# removes the folder once this script is gone.
(setsid sh -c '
    while kill -0 "$1" 2>/dev/null; do sleep 2; done
    if [ -f "$2/data/postmaster.pid" ]; then
        if [ -n "$4" ]; then
            runuser -u "$4" -- "$3/pg_ctl" -D "$2/data" -m immediate -w stop
        else
            "$3/pg_ctl" -D "$2/data" -m immediate -w stop
        fi
    fi
    rm -rf "$2"
' watcher "$$" "$base" "$bindir" "${server_user:-}" >/dev/null 2>&1 </dev/null &)

export DESKBELL_TEST_POSTGRES_URL="postgresql://deskbell:$password@/postgres?host=$base"
"$@"
exit $?
