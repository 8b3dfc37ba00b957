#!/usr/bin/env bash
# make image-startup: time from `docker run` to /api/v1/health/ready 200 for the image `api`, in
# containers of several sizes, with the startup cache and without it (-XX:AOTMode=off), next to a
# PostgreSQL container; and whether the JVM took the cache there (its class loading log). Prints
# one line per size and mode: the median of RUNS starts, each run's time, and the cache verdict.
#   IMAGE (api), RUNS (5), SIZES ("768m:2 512m:1 256m:2", memory:cpus), POSTGRES_IMAGE
set -euo pipefail
cd "$(dirname "$0")/.."

image=${IMAGE:-api}
runs=${RUNS:-5}
sizes=${SIZES:-768m:2 512m:1 256m:2}
postgres_image=${POSTGRES_IMAGE:-}
if [[ -z $postgres_image ]]; then
  if docker image inspect postgres:17-alpine >/dev/null 2>&1; then
    postgres_image=postgres:17-alpine
  else
    postgres_image=localhost/api-stack/postgres:15
  fi
fi
network=api-startup-$$
secret=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')

say() { printf 'image-startup: %s\n' "$*"; }
cleanup() {
  docker rm -f "$network-db" >/dev/null 2>&1 || true
  docker network rm "$network" >/dev/null 2>&1 || true
}
trap cleanup EXIT

docker image inspect "$image" >/dev/null || { say "no image $image: make image first" >&2; exit 1; }
docker network create "$network" >/dev/null
docker run -d --name "$network-db" --network "$network" -e POSTGRES_USER=conduit \
  -e POSTGRES_PASSWORD=conduit -e POSTGRES_DB=conduit "$postgres_image" >/dev/null
until docker exec "$network-db" pg_isready -q -U conduit -d conduit 2>/dev/null; do sleep 0.2; done
sleep 1
say "image $image, PostgreSQL $postgres_image, $runs runs per line"

# Where one start's time goes: docker run until the container's process started (the engine's
# own StartedAt), until the application's first JSON event (its own timestamp: the launcher's
# exec.d helpers, then the JVM's start), and from there until ready answered 200 (the service's
# start: the database pool, the schema check, the verticles). The engine's log timestamps are
# whole seconds, so the helpers' share is measured apart, below.
breakdown() { # NAME STARTED_NS READY_NS
  local started_at first_event started_ns event_ns
  started_at=$(docker inspect -f '{{.State.StartedAt}}' "$1")
  first_event=$(docker logs "$1" 2>/dev/null | sed -n 's/^{"timestamp":"\([^"]*\)".*/\1/p' | head -1)
  started_ns=$(date -d "$started_at" +%s%N)
  event_ns=$(date -d "$first_event" +%s%N)
  echo "engine $(((started_ns - $2) / 1000000)) ms, launcher and JVM to the first event $(((event_ns - started_ns) / 1000000)) ms, service to ready $((($3 - event_ns) / 1000000)) ms"
}

# One start: prints the milliseconds from `docker run` to ready, then stops the container.
start_once() {
  local memory=$1 cpus=$2 tool_options=$3 name port started ready
  name=$network-app-$RANDOM
  started=$(date +%s%N)
  docker run -d --name "$name" --network "$network" --memory "$memory" --cpus "$cpus" \
    -p 127.0.0.1::8080 -e DATABASE_URL=postgres://conduit:conduit@$network-db:5432/conduit \
    -e JWT_SECRET="$secret" ${tool_options:+-e JAVA_TOOL_OPTIONS="$tool_options"} "$image" >/dev/null
  port=$(docker port "$name" 8080/tcp | head -1 | sed 's/.*://')
  until curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/health/ready"; do
    if [[ $(docker inspect -f '{{.State.Running}}' "$name") != true ]]; then
      say "the container exited before it was ready:" >&2
      docker logs "$name" >&2
      return 1
    fi
    sleep 0.01
  done
  ready=$(date +%s%N)
  echo $(((ready - started) / 1000000))
  [[ -z ${BREAKDOWN:-} ]] || breakdown "$name" "$started" "$ready"
  if [[ -n ${CLASS_LOG:-} ]]; then
    docker exec "$name" sh -c "grep -c 'source: shared objects file' $CLASS_LOG; grep -c '\[warning\]\|\[error\]' $CLASS_LOG || true"
  fi
  docker rm -f "$name" >/dev/null
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for size in $sizes; do
  memory=${size%%:*}
  cpus=${size##*:}
  # Did the JVM take the cache? Classes "source: shared objects file" in its class loading log.
  verdict=$(CLASS_LOG=/tmp/class-load.log start_once "$memory" "$cpus" \
    "-Xlog:class+load=info:file=/tmp/class-load.log" | tail -2 | paste -sd' ')
  from_cache=${verdict%% *}
  warnings=${verdict##* }
  for mode in cache no-cache; do
    options=""
    [[ $mode == no-cache ]] && options="-XX:AOTMode=off"
    times=()
    for _ in $(seq 1 "$runs"); do times+=("$(start_once "$memory" "$cpus" "$options")"); done
    printf 'image-startup: %-5s %s CPU %-8s ready in %s ms median (%s)%s\n' "$memory" "$cpus" "$mode" \
      "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}" \
      "$([[ $mode == cache ]] && echo "; $from_cache classes from the cache, $warnings warning lines")"
    say "  one more start, $mode: $(BREAKDOWN=1 start_once "$memory" "$cpus" "$options" | tail -1)"
  done
done
# What the engine itself costs: a container that only runs `true`; and the launcher's exec.d
# helpers (the memory calculator, the CA certificates...), which run before any process type: the
# launcher running `true`, less that.
timed_median() { # COMMAND...: the median of RUNS runs, in ms
  local t0 times=()
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    times+=($((($(date +%s%N) - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | median
}
engine_ms=$(timed_median docker run --rm --entrypoint /bin/true "$image")
launcher_ms=$(timed_median docker run --rm --entrypoint launcher "$image" true)
say "a container that runs only 'true': ${engine_ms} ms; the launcher running 'true' (its exec.d helpers first): ${launcher_ms} ms, so the helpers take about $((launcher_ms - engine_ms)) ms"
