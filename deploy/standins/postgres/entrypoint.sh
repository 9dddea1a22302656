#!/bin/sh
# First start: initdb with the user and password given, create the database; then run the
# server in the foreground as `postgres`, listening on every address.
set -eu
if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA" && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
user="${POSTGRES_USER:-postgres}"
if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
    password="$(cat "$POSTGRES_PASSWORD_FILE")"
else
    password="${POSTGRES_PASSWORD:?POSTGRES_PASSWORD or POSTGRES_PASSWORD_FILE is required}"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pwfile="$(mktemp)"
    printf '%s\n' "$password" > "$pwfile"
    initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" --auth-host=scram-sha-256 \
        --auth-local=trust --encoding=UTF8 --locale=C >/dev/null
    rm -f "$pwfile"
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    # Like the official image: the database exists before the server listens on TCP.
    postgres -D "$PGDATA" -c listen_addresses='' &
    pid=$!
    until pg_isready -q -U "$user" -d postgres; do sleep 0.2; done
    if [ "${POSTGRES_DB:-$user}" != postgres ]; then
        createdb -U "$user" "${POSTGRES_DB:-$user}"
    fi
    kill -INT "$pid" && wait "$pid" || true
fi
exec "$@" -D "$PGDATA" -c listen_addresses='*'
