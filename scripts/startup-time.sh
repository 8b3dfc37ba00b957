#!/usr/bin/env bash
# Measures how long the service takes from process start to ready (GET /api/v1/health/ready
# answers 200: port bound, database reachable, schema current), over several runs against a real
# PostgreSQL, and checks the median against a budget. It runs target/api.jar as the Paketo image
# does (scripts/lib/image-layout.sh): unpacked, with the startup cache that buildpacks/processes
# trains, started by the web process's command (`LAYOUT=jar` runs `java -jar target/api.jar`
# instead: nested jars, no cache, about twice as slow). The cache is made by, and only valid for,
# the JVM that runs it: a Java 25 AOT cache with the image's Java version (the default when it is
# installed), a CDS archive with JAVA=java on Java 17.
#   RUNS (default 5), BUDGET_MS (default 1500), JAVA (default: image_java), LAYOUT (image or jar)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/image-layout.sh
source scripts/lib/image-layout.sh

runs=${RUNS:-5}
budget_ms=${BUDGET_MS:-1500}
java_cmd=${JAVA:-$(image_java)}
layout=${LAYOUT:-image}
port=18080

[[ -f target/api.jar ]] || ./mvnw -q -B -DskipTests package
command -v curl >/dev/null || { echo "FAIL curl is needed" >&2; exit 1; }

[[ $layout == jar ]] || prepare_image_layout target/startup-time "$java_cmd"

start_postgres
trap stop_postgres EXIT
echo "checking: time from process start to ready (${layout} layout), ${runs} runs, budget ${budget_ms} ms (median)"

# Run in the background: the job's own subshell becomes the JVM (exec), so $! is the JVM's PID.
start_service() {
  if [[ $layout == jar ]]; then
    exec "$java_cmd" -jar target/api.jar
  fi
  # shellcheck disable=SC2119 # no extra JVM options: the image's command as it is
  exec_web_process
}

now_ms() { date +%s%3N; }
times=()
for run in $(seq 1 "$runs"); do
  start=$(now_ms)
  PORT=$port JWT_SECRET=startup-timing-secret-0123456789abcdef LOG_LEVEL=WARN \
    start_service >/dev/null 2>&1 &
  app=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/health/ready"; do
    if ! kill -0 "$app" 2>/dev/null; then echo "FAIL the service exited during run $run" >&2; exit 1; fi
    sleep 0.01
  done
  elapsed=$(($(now_ms) - start))
  times+=("$elapsed")
  echo "  run $run: ready after ${elapsed} ms"
  kill -TERM "$app"
  wait "$app" || true
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
if ((median <= budget_ms)); then
  echo "PASS ready in ${median} ms (median of ${runs}) <= ${budget_ms} ms"
else
  echo "FAIL ready in ${median} ms (median of ${runs}) > ${budget_ms} ms"
  exit 1
fi
