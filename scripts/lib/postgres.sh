# shellcheck shell=bash
# A real PostgreSQL for scripts, with only a JDK: support/PostgresServer (src/tools/java) on the test classpath.
# Sourcing scripts call start_postgres (on POSTGRES_PORT, or a free port); it sets DATABASE_URL and POSTGRES_PID, and stop_postgres
# ends it (a clean PostgreSQL shutdown). With POSTGRES_PORT and POSTGRES_DATA_DIR the cluster lives in that directory and
# survives stop_postgres: start_postgres again brings the same database back on the same port. Needs the test classes:
# `./mvnw test-compile`.

start_postgres() {
  local classpath_file=target/test-classpath.txt
  if [[ ! -s $classpath_file || ! -d target/test-classes ]]; then
    echo "building the test classpath (embedded PostgreSQL)..."
    ./mvnw -q -B test-compile dependency:build-classpath \
      -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
  fi
  local log
  log=$(mktemp)
  java -cp "target/test-classes:$(cat "$classpath_file")" \
    io.realworld.api.support.PostgresServer ${POSTGRES_PORT:+"$POSTGRES_PORT"} \
    ${POSTGRES_DATA_DIR:+"$POSTGRES_DATA_DIR"} >"$log" 2>&1 &
  POSTGRES_PID=$!
  local waited=0
  until grep -q '^DATABASE_URL=' "$log"; do
    if ! kill -0 "$POSTGRES_PID" 2>/dev/null || ((waited > 600)); then
      echo "PostgreSQL did not start:" >&2
      cat "$log" >&2
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  DATABASE_URL=$(grep -m1 '^DATABASE_URL=' "$log" | cut -d= -f2-)
  export DATABASE_URL POSTGRES_PID
  rm -f "$log"
}

stop_postgres() {
  if [[ -n ${POSTGRES_PID:-} ]] && kill -0 "$POSTGRES_PID" 2>/dev/null; then
    kill -TERM "$POSTGRES_PID"
    wait "$POSTGRES_PID" 2>/dev/null || true
  fi
}
