#!/usr/bin/env bash
# Benchmarks target/api.jar, laid out and started as the image does it (scripts/lib/image-layout.sh:
# with the startup cache trained by buildpacks/processes), against a real PostgreSQL on this
# machine: seeds a realistic data set
# through the public API, measures each hot endpoint with wrk, and the database's own ceiling with
# `pgbench -S`. Then the same endpoints, data set and wrk settings against the image itself in
# containers started by the engine (--cpus=2 --memory=512m, then 256m; the image's own JVM
# defaults), on the same PostgreSQL: their memory after start and after the load, OOM kills, and
# the time from `docker run` to ready with and without the startup cache. Without an engine or the
# image those columns say why they were skipped. Prints a table; writes target/bench/results.json,
# and, for a full-length run, docs/bench/latest.md and docs/bench/bench.svg (what the README shows).
#   BENCH_SECONDS (20)          measured seconds per endpoint, after
#   BENCH_WARMUP_SECONDS (5)    warm-ups whose figures are discarded: one pass over every endpoint
#                               first (the JIT's warm-up), then one before each endpoint's run
#   BENCH_THREADS (2), BENCH_CONNECTIONS (32)   wrk's load
#   BENCH_METRICS_CHECK (1)     also compare the article list with METRICS_ENABLED false and true
#   BENCH_PGBENCH (1)           also run pgbench -S as the ceiling
#   BENCH_JAVA_OPTS             extra JVM options for the jar, e.g. -XX:StartFlightRecording=filename=target/bench/api.jfr
#   BENCH_APP_LOG (target/bench/api.log)   where the jar's log goes: through a pipe, read by a
#                               process that writes the file, as a platform's log collector (and
#                               the engine's, for a container) reads stdout (its access log is on)
#   BENCH_CPU_GROUPS (1)        PostgreSQL, wrk and the jar each in a CPU cgroup of its own, with the
#                               same weight as the container's (see "CPU groups" below)
#   BENCH_IMAGE (api)           the image measured in containers; empty: none
#   BENCH_IMAGE_SIZES ("512m:2 256m:2")   its containers, memory:cpus
#   BENCH_READY_RUNS (5)        starts timed per container size and mode (startup cache on, off)
#   BENCH_CONTAINER_LOG_DRIVER  docker run --log-driver for the containers (default: the engine's)
#   JAVA                        the JVM (default: the image's Java version when it is installed)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/image-layout.sh
source scripts/lib/image-layout.sh

seconds=${BENCH_SECONDS:-20}
warmup=${BENCH_WARMUP_SECONDS:-5}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-32}
metrics_check=${BENCH_METRICS_CHECK:-1}
run_pgbench=${BENCH_PGBENCH:-1}
app_log=${BENCH_APP_LOG:-target/bench/api.log}
cpu_groups=${BENCH_CPU_GROUPS:-1}
java_cmd=${JAVA:-$(image_java)}
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:-}"
image=${BENCH_IMAGE-api}
read -r -a image_sizes <<<"${BENCH_IMAGE_SIZES:-512m:2 256m:2}"
ready_runs=${BENCH_READY_RUNS:-5}
log_driver=${BENCH_CONTAINER_LOG_DRIVER:-}
out=target/bench
docs=docs/bench
port=18081
image_port=18091
jar_base=http://127.0.0.1:$port
image_base=http://127.0.0.1:$image_port
jwt_secret=bench-only-secret-0123456789abcdef0123
full_run=$((seconds >= 20))
# --- tools -------------------------------------------------------------------------------------
install_or_name() { # command, Debian package
  command -v "$1" >/dev/null && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing $1 (Debian package $2)"
    apt-get install -y -qq "$2" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
  fi
  command -v "$1" >/dev/null
}
install_or_name wrk wrk || { echo "FAIL wrk is needed: apt-get install wrk" >&2; exit 1; }
install_or_name curl curl || { echo "FAIL curl is needed: apt-get install curl" >&2; exit 1; }
if ((run_pgbench)) && ! { install_or_name pgbench postgresql-client && install_or_name psql postgresql-client; }; then
  echo "pgbench not available (Debian package postgresql-client): the ceiling line is skipped"
  run_pgbench=0
fi
[[ -f target/api.jar && -f target/test-classes/io/realworld/api/bench/BenchSeeder.class ]] \
  || ./mvnw -q -B -ntp -DskipTests package
mkdir -p "$out"
prepare_image_layout "$out/image" "$java_cmd"

# --- the engine and the image ------------------------------------------------------------------
# The image's columns need an engine that answers and the image in it; else they say why not.
image_skip=
if [[ -z $image ]]; then
  image_skip="BENCH_IMAGE is empty"
elif ((${#image_sizes[@]} == 0)); then
  image_skip="BENCH_IMAGE_SIZES is empty"
elif ! command -v docker >/dev/null; then
  image_skip="no docker CLI on PATH"
elif ! engine_version=$(docker version --format '{{.Server.Version}}' 2>/dev/null) || [[ -z $engine_version ]]; then
  image_skip="no engine answers docker version${DOCKER_HOST:+ at $DOCKER_HOST}"
elif ! image_id=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null); then
  image_skip="the engine has no image $image (make image)"
fi
if [[ -n $image_skip ]]; then
  echo "image: skipped, $image_skip; the jar column still runs"
else
  echo "image: $image (${image_id:7:12}) through engine $engine_version; containers ${image_sizes[*]} (memory:cpus), --network host"
fi

# --- the service -------------------------------------------------------------------------------
api_pid=
# --- CPU groups --------------------------------------------------------------------------------
# The engine runs a container in a CPU cgroup of its own: under load the scheduler shares the two
# cores between that group as one and every other runnable thread (wrk's, PostgreSQL's) as one
# each, while the jar's threads on the host would each count as one. So that both targets compete
# alike for the cores they share with the load generator and the database, PostgreSQL, wrk and
# the jar each run in a group of their own of the default weight, as the container does. Needs
# root and a writable cpu controller (cgroup v1 or v2); else the run says it measured without.
cpu_root=
if ((cpu_groups)) && [[ $(id -u) == 0 ]]; then
  if [[ -w /sys/fs/cgroup/cpu/cgroup.procs ]]; then
    cpu_root=/sys/fs/cgroup/cpu
  elif [[ -w /sys/fs/cgroup/cgroup.procs && $(cat /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null) == *cpu* ]]; then
    cpu_root=/sys/fs/cgroup
  fi
fi
cpu_groups_note="the jar, PostgreSQL and wrk each in a CPU cgroup of their own, as the container is"
[[ -n $cpu_root ]] || cpu_groups_note="no CPU cgroups (BENCH_CPU_GROUPS=0, not root, or no writable cpu controller): the jar's threads compete one by one, the container's as one group"
# enter_cpu_group NAME: what this shell starts from now on runs in that group; leave_cpu_group ends that
enter_cpu_group() {
  [[ -n $cpu_root ]] || return 0
  mkdir -p "$cpu_root/api-bench-$1"
  echo "$BASHPID" >"$cpu_root/api-bench-$1/cgroup.procs"
}
leave_cpu_group() {
  [[ -n $cpu_root ]] || return 0
  echo "$BASHPID" >"$cpu_root/cgroup.procs"
}
remove_cpu_groups() {
  [[ -n $cpu_root ]] || return 0
  leave_cpu_group
  rmdir "$cpu_root"/api-bench-* 2>/dev/null || true
}

ready_ms=
ready_times=() # every start's; the first one also migrates the empty database
# WRITE_RATE_PER_ACCOUNT and SIGNUP_RATE_PER_CLIENT for a load that is not a person
unlimited=1000000,1000000

start_api() { # METRICS_ENABLED value, then any extra JVM options
  local started metrics=$1
  shift
  started=$(date +%s%N)
  # metrics are collected only where they are served: on a port of their own
  enter_cpu_group jar
  # the seeder signs up 50 users from 127.0.0.1 and writes ~150 times per account in seconds,
  # and the write benchmark posts comments with one token as fast as wrk can: no rate limit
  PORT=$port JWT_SECRET=$jwt_secret METRICS_ENABLED=$metrics \
    METRICS_PORT=$((port + 1)) WRITE_RATE_PER_ACCOUNT=$unlimited SIGNUP_RATE_PER_CLIENT=$unlimited \
    exec_web_process "${java_opts[@]}" "$@" > >(cat >"$app_log") 2>&1 &
  api_pid=$!
  leave_cpu_group
  until curl -fs -o /dev/null "$jar_base/api/v1/health/ready"; do
    if ! kill -0 "$api_pid" 2>/dev/null; then
      echo "FAIL the service exited before it was ready (its log: $app_log)" >&2
      exit 1
    fi
    sleep 0.01
  done
  ready_ms=$((($(date +%s%N) - started) / 1000000))
  ready_times+=("$ready_ms")
}
stop_api() {
  if [[ -n $api_pid ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid"
    wait "$api_pid" || true
  fi
  api_pid=
}
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$api_pid/status"; }

# --- the image in a container ------------------------------------------------------------------
# --network host: the container reaches the one PostgreSQL every target uses on 127.0.0.1 (the
# embedded server listens there only), and wrk reaches the container without the engine's port
# forwarding in the path. The memory and CPU limits are cgroup settings, which the network
# namespace does not touch; measure_image checks them from inside each container.
container=
containers=() # every container this run started, removed on exit
start_error=
# start_container MEMORY CPUS [JAVA_TOOL_OPTIONS]: docker run, then waits for ready; sets
# `container` and `ready_ms` (docker run to the first 200), or `start_error` and returns 1.
start_container() {
  local memory=$1 cpus=$2 tool_options=${3:-} started polls=0 run_options
  container=api-bench-$$-${#containers[@]}
  containers+=("$container")
  run_options=(--name "$container" --network host --memory "$memory" --cpus "$cpus"
    -e PORT="$image_port" -e DATABASE_URL="$DATABASE_URL" -e JWT_SECRET="$jwt_secret"
    -e METRICS_ENABLED=true -e METRICS_PORT=$((image_port + 1))
    -e WRITE_RATE_PER_ACCOUNT="$unlimited" -e SIGNUP_RATE_PER_CLIENT="$unlimited")
  [[ -n $log_driver ]] && run_options+=(--log-driver "$log_driver")
  [[ -n $tool_options ]] && run_options+=(-e JAVA_TOOL_OPTIONS="$tool_options")
  started=$(date +%s%N)
  if ! docker run -d "${run_options[@]}" "$image" >/dev/null 2>"$out/docker-run.err"; then
    start_error="docker run failed: $(head -1 "$out/docker-run.err")"
    return 1
  fi
  until curl -fs -o /dev/null "$image_base/api/v1/health/ready"; do
    # asking the engine costs tens of milliseconds: every half second, not on every poll
    if ((++polls % 50 == 0)); then
      if [[ $(docker inspect -f '{{.State.Running}}' "$container") != true ]]; then
        start_error="exited before ready: $(docker inspect -f 'exit code {{.State.ExitCode}}, OOM-killed {{.State.OOMKilled}}' "$container")"
        docker logs "$container" >"$out/$container.log" 2>&1 || true
        start_error+=" (log: $out/$container.log)"
        return 1
      fi
      if (($(date +%s%N) - started > 120000000000)); then
        start_error="not ready within 120 s"
        return 1
      fi
    fi
    sleep 0.01
  done
  ready_ms=$((($(date +%s%N) - started) / 1000000))
}
remove_container() { docker rm -f "$1" >/dev/null 2>&1 || true; }
# What the container's cgroup says (usage, peak, limit in bytes; the CPU quota) and PID 1's
# /proc/1/status (its name, VmRSS and VmHWM in kB), as "key value" lines; cgroup v2 or v1.
# shellcheck disable=SC2016 # expanded by the container's sh
probe_script='
if [ -f /sys/fs/cgroup/memory.current ]; then
  echo "usage $(cat /sys/fs/cgroup/memory.current)"
  echo "peak $(cat /sys/fs/cgroup/memory.peak 2>/dev/null || echo 0)"
  echo "limit $(cat /sys/fs/cgroup/memory.max)"
  echo "cpu $(cat /sys/fs/cgroup/cpu.max | tr " " /)"
else
  echo "usage $(cat /sys/fs/cgroup/memory/memory.usage_in_bytes)"
  echo "peak $(cat /sys/fs/cgroup/memory/memory.max_usage_in_bytes)"
  echo "limit $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)"
  echo "cpu $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us)/$(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us)"
fi
grep -E "^(Name|VmRSS|VmHWM):" /proc/1/status | tr -d ":"
'
probe=
probe_container() { probe=$(docker exec "$container" sh -c "$probe_script" 2>&1) || probe=; }
probe_value() { awk -v key="$1" '$1 == key { print $2; exit }' <<<"$probe"; }
mib() { awk -v b="${1:-}" -v unit="${2:-1}" 'BEGIN { if (b == "") print "null"; else printf "%.0f", b * unit / 1048576 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print NR ? a[int((NR + 1) / 2)] : 0 }'; }
cleanup() {
  stop_api
  for name in "${containers[@]}"; do remove_container "$name"; done
  stop_postgres
  remove_cpu_groups
}
trap cleanup EXIT

# --- wrk ---------------------------------------------------------------------------------------
# field JSON NAME: a number from the flat JSON line bench.lua prints
field() { sed -E "s/.*\"$2\":([^,}]*).*/\1/" <<<"$1"; }
# measure BASE PATH [TOKEN] [METHOD BODY]: a discarded warm-up, then the measured run; sets `result`
measure() {
  local target=$1 path=$2 token=${3:-} method=${4:-} body=${5:-} output
  enter_cpu_group load
  BENCH_TOKEN=$token BENCH_METHOD=$method BENCH_BODY=$body \
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -s scripts/lib/bench.lua "$target$path" >/dev/null
  output=$(BENCH_TOKEN=$token BENCH_METHOD=$method BENCH_BODY=$body \
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s -s scripts/lib/bench.lua "$target$path")
  leave_cpu_group
  result=$(sed -n 's/^BENCH_RESULT //p' <<<"$output")
  [[ -n $result ]] || { echo "FAIL wrk gave no result for $path:" >&2; echo "$output" >&2; exit 1; }
}
# The JIT compiles what the first seconds of load run: one discarded pass over every endpoint
# first, so that the first endpoint measured is not also the one that pays for the warm-up.
warm_up() { # BASE
  local path token_used method body
  echo "warming up: ${warmup} s on every endpoint"
  enter_cpu_group load
  for endpoint in "${endpoints[@]}"; do
    IFS='|' read -r _ path token_used method body <<<"$endpoint"
    BENCH_TOKEN=$token_used BENCH_METHOD=$method BENCH_BODY=$body \
      wrk -t"$threads" -c"$connections" -d"${warmup}s" -s scripts/lib/bench.lua "$1$path" >/dev/null
  done
  leave_cpu_group
}

# --- run: the jar ------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: ${threads} wrk threads, ${connections} connections, ${warmup} s warm-up + ${seconds} s per endpoint; load average ${load_before}"
echo "CPU groups: $cpu_groups_note"
enter_cpu_group db
start_postgres
leave_cpu_group
start_api true
startup_ready_ms=$ready_ms
rss_start=$(rss_mb)
echo "ready after ${startup_ready_ms} ms, RSS ${rss_start} MB; seeding through the API..."

seed_output=$("$java_cmd" -cp "target/test-classes:$(cat target/test-classpath.txt)" \
  io.realworld.api.bench.BenchSeeder "$jar_base")
seed_value() { sed -n "s/^$1=//p" <<<"$seed_output"; }
echo "seeded: $(seed_value SEEDED)"
token=$(seed_value TOKEN)
read_slug=$(seed_value READ_SLUG)
write_slug=$(seed_value WRITE_SLUG)

# PostgreSQL's autovacuum would have visited the freshly seeded tables within a minute; the
# benchmark should not depend on whether it already has (index-only scans need the visibility map).
if command -v psql >/dev/null; then
  psql -q "$DATABASE_URL" -c "VACUUM (ANALYZE)"
  echo "vacuumed and analysed the seeded database"
else
  echo "psql not available (Debian package postgresql-client): the seeded database is not vacuumed"
fi

comment='{"comment":{"body":"A comment written by the benchmark, as long as a short real one."}}'
# NAME|PATH|TOKEN|METHOD|BODY, in the order of the table
endpoints=(
  "GET /api/articles?limit=20|/api/articles?limit=20|||"
  "GET /api/articles?limit=20 (token)|/api/articles?limit=20|$token||"
  "GET /api/articles/{slug}|/api/articles/$read_slug|||"
  "GET /api/articles/feed (token)|/api/articles/feed|$token||"
  "GET /api/tags|/api/tags|||"
  "GET /api/articles/{slug}/comments|/api/articles/$read_slug/comments|||"
  "POST /api/articles/{slug}/comments|/api/articles/$write_slug/comments|$token|POST|$comment"
)
echo "target jar (the host, no limits)"
warm_up "$jar_base"
names=() results=()
for endpoint in "${endpoints[@]}"; do
  IFS='|' read -r name path token_used method body <<<"$endpoint"
  echo "  $name ..."
  measure "$jar_base" "$path" "$token_used" "$method" "$body"
  names+=("$name") results+=("$result")
done
rss_load=$(rss_mb)
stop_api

# --- run: the image in containers --------------------------------------------------------------
# Per size: the time from `docker run` to ready, BENCH_READY_RUNS times without the startup cache
# (-XX:AOTMode=off) and as many with it, the last of which stays up and takes the whole load;
# its memory after start and after the load, and whether the kernel killed it for memory.
# Everything lands in `img` under "SIZE.key"; img[SIZE.status] is measured, failed or skipped.
declare -A img
measure_image() { # MEMORY CPUS
  local size=$1:$2 mode times i state running oom engine_memory engine_cpus network_mode name path token_used method body
  echo "target image $image in a container: --memory=$1 --cpus=$2"
  img[$size.status]=measured
  for mode in no-cache cache; do
    times=()
    for i in $(seq 1 "$ready_runs"); do
      if ! start_container "$1" "$2" "$([[ $mode == no-cache ]] && echo -XX:AOTMode=off)"; then
        img[$size.status]=failed img[$size.reason]="$mode start $i: $start_error"
        echo "  FAIL $mode start $i: $start_error"
        remove_container "$container"
        return 0
      fi
      times+=("$ready_ms")
      [[ $mode == cache && $i == "$ready_runs" ]] || remove_container "$container"
    done
    img[$size.ready_$mode]="${times[*]}"
    img[$size.ready_${mode}_median]=$(printf '%s\n' "${times[@]}" | median)
    echo "  ready from docker run, $mode: ${img[$size.ready_${mode}_median]} ms median (${times[*]} ms)"
  done
  # the container that stays: what it was given, what it sees, what it uses at rest
  img[$size.engine_limits]=$(docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}} {{.HostConfig.NetworkMode}}' "$container")
  # the whole log through sed: quitting early would kill `docker logs` with SIGPIPE (and, with
  # pipefail, the run)
  img[$size.jvm]=$(docker logs "$container" 2>/dev/null | sed -n 's/^Calculated JVM Memory Configuration: //p')
  img[$size.jvm]=${img[$size.jvm]%%$'\n'*}
  probe_container
  img[$size.limit_mib]=$(mib "$(probe_value limit)") img[$size.cpu_quota]=$(probe_value cpu)
  img[$size.start_cgroup_mib]=$(mib "$(probe_value usage)") img[$size.start_rss_mib]=$(mib "$(probe_value VmRSS)" 1024)
  img[$size.pid1]=$(probe_value Name)
  read -r engine_memory engine_cpus network_mode <<<"${img[$size.engine_limits]}"
  echo "  limits: the engine set memory $(mib "$engine_memory") MiB, $(awk -v n="$engine_cpus" 'BEGIN { print n / 1e9 }') CPUs, network $network_mode; inside, the cgroup says memory ${img[$size.limit_mib]} MiB, CPU quota/period ${img[$size.cpu_quota]} us"
  echo "  JVM: ${img[$size.jvm]:-no memory calculator line in the log}"
  echo "  after start: cgroup ${img[$size.start_cgroup_mib]} MiB, RSS of PID 1 (${img[$size.pid1]}) ${img[$size.start_rss_mib]} MiB"
  warm_up "$image_base"
  for i in "${!endpoints[@]}"; do
    IFS='|' read -r name path token_used method body <<<"${endpoints[$i]}"
    if [[ $(docker inspect -f '{{.State.Running}}' "$container") != true ]]; then
      echo "  $name: not run, the container is gone"
      continue
    fi
    echo "  $name ..."
    measure "$image_base" "$path" "$token_used" "$method" "$body"
    img[$size.result.$i]=$result
  done
  state=$(docker inspect -f '{{.State.Running}} {{.State.OOMKilled}} {{.State.ExitCode}}' "$container")
  read -r running oom _ <<<"$state"
  img[$size.oom_killed]=$oom
  if [[ $running == true ]]; then
    probe_container
    img[$size.load_cgroup_mib]=$(mib "$(probe_value usage)") img[$size.peak_cgroup_mib]=$(mib "$(probe_value peak)")
    img[$size.load_rss_mib]=$(mib "$(probe_value VmRSS)" 1024) img[$size.peak_rss_mib]=$(mib "$(probe_value VmHWM)" 1024)
    echo "  after the load: cgroup ${img[$size.load_cgroup_mib]} MiB (peak ${img[$size.peak_cgroup_mib]}), RSS of PID 1 ${img[$size.load_rss_mib]} MiB (peak ${img[$size.peak_rss_mib]}); OOM-killed: $oom"
  else
    img[$size.status]=failed img[$size.reason]="the container exited under load ($state: running, OOM-killed, exit code)"
    docker logs "$container" >"$out/$container.log" 2>&1 || true
    echo "  FAIL ${img[$size.reason]}; log: $out/$container.log"
  fi
  remove_container "$container"
}
engine_true_ms=
for size in "${image_sizes[@]}"; do
  if [[ -n $image_skip ]]; then
    img[$size.status]=skipped img[$size.reason]=$image_skip
  else
    measure_image "${size%%:*}" "${size##*:}"
  fi
done
if [[ -z $image_skip ]]; then
  # What the engine itself costs: a container of the image that only runs `true`, on the same network.
  times=()
  for _ in $(seq 1 "$ready_runs"); do
    t0=$(date +%s%N)
    docker run --rm --network host --entrypoint /bin/true "$image" >/dev/null
    times+=($((($(date +%s%N) - t0) / 1000000)))
  done
  engine_true_ms=$(printf '%s\n' "${times[@]}" | median)
  echo "the engine alone: docker run of a container that runs only 'true' took ${engine_true_ms} ms median (${times[*]} ms)"
fi

# --- run: the jar's other checks -------------------------------------------------------------
# Metrics off and on, alternating, so that a shift in the machine's load hits both alike.
metrics_json=null
if ((metrics_check)); then
  echo "metrics cost: the article list with METRICS_ENABLED=false and true, twice each"
  off=0 on=0
  for round in 1 2; do
    for enabled in false true; do
      start_api "$enabled"
      measure "$jar_base" "/api/articles?limit=20"
      stop_api
      rps=$(field "$result" rps)
      echo "  round $round, metrics $enabled: $rps requests/s"
      if [[ $enabled == true ]]; then on=$(awk -v a="$on" -v b="$rps" 'BEGIN { print a + b }'); else off=$(awk -v a="$off" -v b="$rps" 'BEGIN { print a + b }'); fi
    done
  done
  metrics_json=$(awk -v off="$off" -v on="$on" 'BEGIN { printf "{\"off_rps\":%.1f,\"on_rps\":%.1f,\"cost_percent\":%.1f}", off / 2, on / 2, (off - on) / off * 100 }')
fi

# The same load on the article list with the JVM sized for a 256 MB container.
echo "256 MB budget: the article list with -XX:MaxRAM=256m"
start_api true -XX:MaxRAM=256m
measure "$jar_base" "/api/articles?limit=20"
budget_json="{\"rss_after_load_mb\":$(rss_mb),${result#\{}"
stop_api

pgbench_json=null
if ((run_pgbench)); then
  echo "pgbench -S: ${connections} clients, ${threads} threads, ${seconds} s"
  psql -q "$DATABASE_URL" -c "CREATE DATABASE pgbench" >/dev/null
  pgbench_url=${DATABASE_URL%/*}/pgbench
  pgbench -q -i -s 10 "$pgbench_url" >/dev/null 2>&1
  pgbench -S -n -c "$connections" -j "$threads" -T "$warmup" "$pgbench_url" >/dev/null 2>&1
  pg_output=$(pgbench -S -n -c "$connections" -j "$threads" -T "$seconds" "$pgbench_url" 2>&1)
  tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$pg_output")
  latency=$(sed -nE 's/^latency average = ([0-9.]+) ms.*/\1/p' <<<"$pg_output")
  pgbench_json="{\"tps\":${tps:-0},\"latency_avg_ms\":${latency:-0}}"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
restart_ready_ms=$(printf '%s\n' "${ready_times[@]:1}" | sort -n | awk '{ a[NR] = $1 } END { print NR ? a[int((NR + 1) / 2)] : 0 }')

# --- sizes -------------------------------------------------------------------------------------
jar_bytes=$(stat -c %s target/api.jar)
layers=$(mktemp -d)
(cd "$layers" && jar xf "$OLDPWD/target/api.jar" BOOT-INF/layers.idx)
# The entries layers.idx assigns to "application", summed as they are unpacked into the image.
app_layer_bytes=$(jar tvf target/api.jar | awk -v idx="$layers/BOOT-INF/layers.idx" '
  BEGIN { while ((getline line < idx) > 0) {
            if (line ~ /^- /) layer = line
            else if (layer ~ /"application"/ && line ~ /^  - /) { gsub(/^  - "|"$/, "", line); prefix[++n] = line } } }
  { for (i = 1; i <= n; i++) if (index($8, prefix[i]) == 1) { sum += $1; break } }
  END { print sum + 0 }')
rm -rf "$layers"

# --- report ------------------------------------------------------------------------------------
date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
machine="$(nproc) CPUs (${cpu_model:-unknown}), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM"
java_version=$("$java_cmd" -version 2>&1 | head -1)
json_string() { # a JSON string, or null for an empty value
  local value=${1//\\/\\\\}
  [[ -n $1 ]] && printf '"%s"' "${value//\"/\\\"}" || printf null
}
json_number() { [[ -n ${1:-} && $1 != null ]] && printf '%s' "$1" || printf null; }
json_list() { local list=${1:-}; printf '[%s]' "${list// /,}"; }
size_label() { echo "${1%%:*}/${1##*:} CPUs"; }

image_targets_json() {
  local size i r status n=${#image_sizes[@]} k=0
  for size in "${image_sizes[@]}"; do
    status=${img[$size.status]}
    printf '    {"memory": "%s", "cpus": %s, "status": "%s", "reason": %s' "${size%%:*}" "${size##*:}" "$status" "$(json_string "${img[$size.reason]:-}")"
    if [[ $status != skipped ]]; then
      printf ',\n     "ready_ms_cache": %s, "ready_ms_cache_median": %s,' "$(json_list "${img[$size.ready_cache]:-}")" "$(json_number "${img[$size.ready_cache_median]:-}")"
      printf ' "ready_ms_no_cache": %s, "ready_ms_no_cache_median": %s,\n' "$(json_list "${img[$size.ready_no-cache]:-}")" "$(json_number "${img[$size.ready_no-cache_median]:-}")"
      printf '     "limit_mib_seen": %s, "cpu_quota_period_seen": %s, "jvm_memory": %s,\n' "$(json_number "${img[$size.limit_mib]:-}")" "$(json_string "${img[$size.cpu_quota]:-}")" "$(json_string "${img[$size.jvm]:-}")"
      printf '     "after_start": {"cgroup_mib": %s, "rss_pid1_mib": %s},\n' "$(json_number "${img[$size.start_cgroup_mib]:-}")" "$(json_number "${img[$size.start_rss_mib]:-}")"
      printf '     "after_load": {"cgroup_mib": %s, "cgroup_peak_mib": %s, "rss_pid1_mib": %s, "rss_pid1_peak_mib": %s},\n' \
        "$(json_number "${img[$size.load_cgroup_mib]:-}")" "$(json_number "${img[$size.peak_cgroup_mib]:-}")" \
        "$(json_number "${img[$size.load_rss_mib]:-}")" "$(json_number "${img[$size.peak_rss_mib]:-}")"
      printf '     "oom_killed": %s,\n     "endpoints": [\n' "$(json_number "${img[$size.oom_killed]:-}")"
      for i in "${!names[@]}"; do
        r=${img[$size.result.$i]:-}
        [[ -n $r ]] || r='{"not_run":true}'
        printf '       {"name": "%s", %s%s\n' "${names[$i]}" "${r#\{}" "$( ((i < ${#names[@]} - 1)) && echo ,)"
      done
      printf '     ]'
    fi
    k=$((k + 1))
    printf '}%s\n' "$( ((k < n)) && echo ,)"
  done
}

{
  printf '{\n  "date": "%s",\n  "machine": "%s",\n  "java": "%s",\n' "$date_utc" "$machine" "${java_version//\"/}"
  printf '  "cpu_groups": %s,\n' "$(json_string "$cpu_groups_note")"
  printf '  "load_average_before": "%s",\n  "load_average_after": "%s",\n' "$load_before" "$load_after"
  printf '  "wrk": {"threads": %d, "connections": %d, "warmup_seconds": %d, "seconds": %d},\n' "$threads" "$connections" "$warmup" "$seconds"
  printf '  "ready_ms_first_start": %d,\n  "ready_ms_restart_median": %d,\n' "$startup_ready_ms" "$restart_ready_ms"
  printf '  "rss_after_start_mb": %d,\n  "rss_after_load_mb": %d,\n' "$rss_start" "$rss_load"
  printf '  "jar_bytes": %d,\n  "application_layer_bytes": %d,\n' "$jar_bytes" "$app_layer_bytes"
  printf '  "endpoints": [\n'
  for i in "${!names[@]}"; do
    printf '    {"name": "%s", %s%s\n' "${names[$i]}" "${results[$i]#\{}" "$( ((i < ${#names[@]} - 1)) && echo ,)"
  done
  printf '  ],\n  "max_ram_256m_article_list": %s,\n' "$budget_json"
  printf '  "metrics_on_vs_off": %s,\n  "pgbench_select_only": %s,\n' "$metrics_json" "$pgbench_json"
  printf '  "image": {"name": %s, "id": %s, "engine": %s, "network": "host", "skipped": %s, "engine_true_ms_median": %s},\n' \
    "$(json_string "$image")" "$(json_string "${image_id:-}")" "$(json_string "${engine_version:-}")" \
    "$(json_string "$image_skip")" "$(json_number "$engine_true_ms")"
  printf '  "image_targets": [\n'
  image_targets_json
  printf '  ]\n}\n'
} >"$out/results.json"

# errors RESULT: socket and status errors together
errors() { echo $(($(field "$1" socket_errors) + $(field "$1" status_errors))); }
percent() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", (b > 0 ? a / b * 100 : 0) }'; }
table() {
  local i r size reference first=${image_sizes[0]:-} header="| Endpoint | jar: req/s | p50 / p99 ms | errors |" rule="|---|---:|---:|---:|" row
  for size in "${image_sizes[@]}"; do
    reference=jar
    [[ $size == "$first" ]] || reference=$(size_label "$first")
    header+=" $(size_label "$size"): req/s | p50 / p99 ms | errors | % of $reference |"
    rule+="---:|---:|---:|---:|"
  done
  echo "$header"
  echo "$rule"
  for i in "${!names[@]}"; do
    r=${results[$i]}
    row=$(printf '| %s | %.0f | %.1f / %.1f | %d |' "${names[$i]}" "$(field "$r" rps)" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" "$(errors "$r")")
    for size in "${image_sizes[@]}"; do
      r=${img[$size.result.$i]:-}
      if [[ -z $r ]]; then
        row+=" ${img[$size.status]/measured/not run} | | | |"
        continue
      fi
      reference=${results[$i]}
      [[ $size != "$first" ]] && reference=${img[$first.result.$i]:-}
      row+=$(printf ' %.0f | %.1f / %.1f | %d | %s |' "$(field "$r" rps)" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" "$(errors "$r")" \
        "$([[ -n $reference ]] && percent "$(field "$r" rps)" "$(field "$reference" rps)")")
    done
    echo "$row"
  done
  if [[ $pgbench_json != null ]]; then
    printf '| *ceiling: pgbench -S (one-row selects, same PostgreSQL)* | %.0f | | |%s\n' "$(field "$pgbench_json" tps)" \
      "$(for _ in "${image_sizes[@]}"; do printf ' | | | |'; done)"
  fi
  for size in "${image_sizes[@]}"; do
    [[ ${img[$size.status]} == measured ]] || printf '\n*Image %s: %s: %s*\n' "$(size_label "$size")" "${img[$size.status]}" "${img[$size.reason]}"
  done
  echo
  echo "| Process (the jar on the host) | |"
  echo "|---|---|"
  echo "| Ready (process start to /api/v1/health/ready 200): first start, migrating / restart, schema current (median) | ${startup_ready_ms} ms / ${restart_ready_ms} ms |"
  echo "| RSS after start / after the load | ${rss_start} MB / ${rss_load} MB |"
  echo "| Article list with -XX:MaxRAM=256m | $(printf '%.0f' "$(field "$budget_json" rps)") requests/s, p99 $(field "$budget_json" p99_ms) ms, $(errors "$budget_json") errors, RSS $(field "$budget_json" rss_after_load_mb) MB |"
  echo "| target/api.jar / its application layer | $((jar_bytes / 1024)) KB / $((app_layer_bytes / 1024)) KB |"
  if [[ $metrics_json != null ]]; then
    echo "| Metrics cost (article list, off vs on) | $(field "$metrics_json" off_rps) vs $(field "$metrics_json" on_rps) requests/s: $(field "$metrics_json" cost_percent) % |"
  fi
  [[ -z $image_skip ]] || return 0
  echo
  header="| Container (image \`$image\`, engine ${engine_version}, --network host, the image's own JVM defaults) |"
  rule="|---|"
  for size in "${image_sizes[@]}"; do header+=" $(size_label "$size") |"; rule+="---|"; done
  echo "$header"
  echo "$rule"
  image_row "Ready from \`docker run\` to /api/v1/health/ready 200, startup cache: median of ${ready_runs} (each)" cell_ready cache
  image_row "The same without the cache (JAVA_TOOL_OPTIONS=-XX:AOTMode=off)" cell_ready no-cache
  image_row "Limits seen inside: cgroup memory / CPU quota/period (us)" cell_limits
  image_row "JVM memory (the memory calculator)" cell_value jvm
  image_row "cgroup memory after start / after the load (peak)" cell_memory cgroup
  image_row "RSS of PID 1 after start / after the load (peak)" cell_memory rss
  image_row "OOM-killed" cell_value oom_killed
  echo
  echo "The engine alone: \`docker run\` of a container of the image that runs only \`true\`, ${engine_true_ms} ms (median of ${ready_runs})."
}
# image_row LABEL CELL [ARG]: one row of the container table, `CELL SIZE [ARG]` printing each cell
image_row() {
  local row="| $1 |" size cell
  for size in "${image_sizes[@]}"; do
    cell=skipped
    [[ ${img[$size.status]} == skipped ]] || cell=$("$2" "$size" "${3:-}")
    row+=" ${cell:-n/a} |"
  done
  echo "$row"
}
cell_value() { echo "${img[$1.$2]:-}"; }
cell_ready() { [[ -z ${img[$1.ready_$2_median]:-} ]] || echo "${img[$1.ready_$2_median]} ms (${img[$1.ready_$2]// /, })"; }
cell_limits() { [[ -z ${img[$1.limit_mib]:-} ]] || echo "${img[$1.limit_mib]} MiB / ${img[$1.cpu_quota]}"; }
cell_memory() {
  local start load peak
  if [[ $2 == cgroup ]]; then
    start=${img[$1.start_cgroup_mib]:-} load=${img[$1.load_cgroup_mib]:-?} peak=${img[$1.peak_cgroup_mib]:-?}
  else
    start=${img[$1.start_rss_mib]:-} load=${img[$1.load_rss_mib]:-?} peak=${img[$1.peak_rss_mib]:-?}
  fi
  [[ -z $start ]] || echo "$start MiB / $load MiB ($peak MiB)"
}
echo
table
echo
echo "load average before ${load_before}, after ${load_after}; raw figures: $out/results.json"

# the chart: the jar, then every image size that has figures
series=jar
charted=()
for size in "${image_sizes[@]}"; do
  [[ ${img[$size.status]} == skipped ]] && continue
  series+="|image $(size_label "$size")" charted+=("$size")
done
for i in "${!names[@]}"; do
  line=$(printf '%s\t%s\t%s' "${names[$i]}" "$(field "${results[$i]}" rps)" "$(field "${results[$i]}" p99_ms)")
  for size in "${charted[@]}"; do
    r=${img[$size.result.$i]:-}
    if [[ -n $r ]]; then line+=$(printf '\t%s\t%s' "$(field "$r" rps)" "$(field "$r" p99_ms)"); else line+=$'\t\t'; fi
  done
  printf '%s\n' "$line"
done | awk -v title="api on ${machine}, ${date_utc%T*}: wrk -t${threads} -c${connections}, ${seconds} s" \
  -v series="$series" -f scripts/lib/bench-chart.awk >"$out/bench.svg"

if ((full_run)); then
  mkdir -p "$docs"
  cp "$out/bench.svg" "$docs/bench.svg"
  {
    echo "Measured ${date_utc} on ${machine}, ${java_version}; the service, PostgreSQL and wrk share the machine"
    echo "(load average ${load_before} before, ${load_after} after). The jar laid out and started as the image does it, with its startup cache;"
    if [[ -z $image_skip ]]; then
      echo "then the image \`$image\` itself, in containers the engine (${engine_version}) started with those limits and the image's own JVM defaults, on the same PostgreSQL (--network host)."
    else
      echo "the image's columns were skipped: ${image_skip}."
    fi
    echo "Both targets log every request to stdout, read through a pipe (the jar's by \`cat\` into a file, the container's by the engine); ${cpu_groups_note}."
    echo "Seeded through the API, then VACUUM (ANALYZE). wrk -t${threads} -c${connections}, per target: a ${warmup} s warm-up pass over every endpoint, then per endpoint ${warmup} s more warm-up and ${seconds} s measured."
    echo
    table
  } >"$docs/latest.md"
  echo "wrote $docs/latest.md and $docs/bench.svg"
else
  echo "a short run (${seconds} s < 20 s): $docs left as it was; chart in $out/bench.svg"
fi
