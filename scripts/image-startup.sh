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

# Where one start's time goes, from the engine's timestamps on each line the container wrote:
# docker run until the container's process started (the engine), until the launcher exec'd the
# JVM (its exec.d helpers: the last of their lines), until the application's first JSON event (the
# JVM's start, with or without the cache), and from there until ready answered 200 (the service's
# start: the database pool, the schema check, the verticles).
breakdown() { # NAME STARTED_NS READY_NS
  local started_at
  started_at=$(docker inspect -f '{{.State.StartedAt}}' "$1")
  docker logs -t "$1" 2>&1 | awk -v run="$2" -v ready="$3" -v started="$(date -d "$started_at" +%s%N)" '
    function ns(stamp,   secs, frac) { # 2026-12-02T10:11:12.123456789Z, in ns since the epoch
      cmd = "date -d " stamp " +%s%N"; cmd | getline secs; close(cmd); return secs }
    $2 !~ /^\{/ && !json { helpers = $1 }
    $2 ~ /^\{/ && !json { json = $1 }
    END {
      h = helpers ? ns(helpers) : started; j = json ? ns(json) : h
      printf "engine %d ms, launcher helpers %d ms, JVM to its first event %d ms, service to ready %d ms\n",
        (started - run) / 1e6, (h - started) / 1e6, (j - h) / 1e6, (ready - j) / 1e6 }'
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
# What the engine itself costs: a container that only runs `true`.
t0=$(date +%s%N)
docker run --rm --entrypoint /bin/true "$image" >/dev/null
say "a container that runs only 'true': $((($(date +%s%N) - t0) / 1000000)) ms"
