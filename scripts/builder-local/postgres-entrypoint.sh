#!/usr/bin/env bash
# Entrypoint of localhost/api-stack/postgres:15 (built by scripts/builder-local/stack.sh from
# Debian 12's postgresql-15). It behaves like the official postgres image's docker-entrypoint.sh
# in the parts Testcontainers' PostgreSQLContainer relies on:
#   - POSTGRES_USER (default postgres), POSTGRES_PASSWORD (required unless
#     POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_DB (default $POSTGRES_USER),
#     POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD (default scram-sha-256);
#   - on an empty $PGDATA it runs initdb, starts a temporary server on the Unix socket only,
#     creates the database, runs /docker-entrypoint-initdb.d/*.sh|*.sql|*.sql.gz, stops it, then
#     execs the real server, so "database system is ready to accept connections" is printed
#     twice (PostgreSQLContainer waits for the second one);
#   - the command is `postgres [args...]` (Testcontainers passes `postgres -c fsync=off`); a first
#     argument starting with '-' gets `postgres` put in front; any other command is exec'd as is.
# It runs as the image's user (postgres, 999:999), not as root: there is no gosu/chown step, so a
# volume mounted on $PGDATA must be writable by UID 999.
set -Eeuo pipefail

if (($# == 0)) || [[ ${1:0:1} == '-' ]]; then
  set -- postgres "$@"
fi
if [[ $1 != postgres ]]; then
  exec "$@"
fi

: "${PGDATA:=/var/lib/postgresql/data}"
export PGDATA
POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
POSTGRES_HOST_AUTH_METHOD=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
POSTGRES_INITDB_ARGS=${POSTGRES_INITDB_ARGS:-}

log() { printf '%s\n' "$*"; }

if [[ ! -s $PGDATA/PG_VERSION ]]; then
  if [[ -z ${POSTGRES_PASSWORD:-} && $POSTGRES_HOST_AUTH_METHOD != trust ]]; then
    log "Error: database is uninitialized and superuser password is not specified." >&2
    log "       Set POSTGRES_PASSWORD, or POSTGRES_HOST_AUTH_METHOD=trust to allow connections without one." >&2
    exit 1
  fi
  mkdir -p "$PGDATA"
  chmod 0700 "$PGDATA"

  # initdb reads the password from a file; a process substitution keeps it off the disk.
  # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words, as in the official image
  initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "${POSTGRES_PASSWORD:-}") \
    $POSTGRES_INITDB_ARGS

  {
    printf '\n# added by docker-entrypoint.sh: every address, password authentication\n'
    printf 'host all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD"
  } >>"$PGDATA/pg_hba.conf"
  printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"

  # The temporary server: Unix socket only, so nothing outside can connect before init is done.
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start

  psql_init=(psql -v ON_ERROR_STOP=1 --no-password --no-psqlrc --username "$POSTGRES_USER" -p 5432)
  if [[ $POSTGRES_DB != postgres ]]; then
    exists=$("${psql_init[@]}" --dbname postgres --set db="$POSTGRES_DB" -tA \
      <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")
    if [[ -z $exists ]]; then
      "${psql_init[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
  fi

  shopt -s nullglob
  for f in /docker-entrypoint-initdb.d/*; do
    case $f in
      *.sh) log "$0: running $f"; bash "$f" ;;
      *.sql) log "$0: running $f"; "${psql_init[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
      *.sql.gz) log "$0: running $f"; gzip -dc "$f" | "${psql_init[@]}" --dbname "$POSTGRES_DB" ;;
      *) log "$0: ignoring $f" ;;
    esac
  done
  shopt -u nullglob

  pg_ctl -D "$PGDATA" -m fast -w stop
  log ""
  log "PostgreSQL init process complete; ready for start up."
  log ""
else
  log "PostgreSQL Database directory appears to contain a database; Skipping initialization"
fi

exec "$@"
