#!/usr/bin/env bash
# Benchmarks target/api.jar, laid out and started as the image does it (scripts/lib/image-layout.sh:
# with the startup cache trained by buildpacks/processes), against a real PostgreSQL on this
# machine: seeds a realistic data set
# through the public API, measures each hot endpoint with wrk, and the database's own ceiling with
# `pgbench -S`. Prints a table; writes target/bench/results.json, and, for a full-length run,
# docs/bench/latest.md and docs/bench/bench.svg (what the README shows).
#   BENCH_SECONDS (20)          measured seconds per endpoint, after
#   BENCH_WARMUP_SECONDS (5)    warm-ups whose figures are discarded: one pass over every endpoint
#                               first (the JIT's warm-up), then one before each endpoint's run
#   BENCH_THREADS (2), BENCH_CONNECTIONS (32)   wrk's load
#   BENCH_METRICS_CHECK (1)     also compare the article list with METRICS_ENABLED false and true
#   BENCH_PGBENCH (1)           also run pgbench -S as the ceiling
#   BENCH_JAVA_OPTS             extra JVM options, e.g. -XX:StartFlightRecording=filename=target/bench/api.jfr
#   BENCH_APP_LOG (/dev/null)   where the service's log goes (its access log is on, as by default)
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
app_log=${BENCH_APP_LOG:-/dev/null}
java_cmd=${JAVA:-$(image_java)}
read -r -a java_opts <<<"${BENCH_JAVA_OPTS:-}"
out=target/bench
docs=docs/bench
port=18081
base=http://127.0.0.1:$port
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

# --- the service -------------------------------------------------------------------------------
api_pid=
ready_ms=
ready_times=() # every start's; the first one also migrates the empty database
start_api() { # METRICS_ENABLED value, then any extra JVM options
  local started metrics=$1
  shift
  started=$(date +%s%N)
  # metrics are collected only where they are served: on a port of their own
  PORT=$port JWT_SECRET=bench-only-secret-0123456789abcdef0123 METRICS_ENABLED=$metrics \
    METRICS_PORT=$((port + 1)) \
    exec_web_process "${java_opts[@]}" "$@" >"$app_log" 2>&1 &
  api_pid=$!
  until curl -fs -o /dev/null "$base/api/v1/health/ready"; do
    if ! kill -0 "$api_pid" 2>/dev/null; then
      echo "FAIL the service exited before it was ready (rerun with BENCH_APP_LOG=$out/api.log)" >&2
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
cleanup() { stop_api; stop_postgres; }
trap cleanup EXIT

# --- wrk ---------------------------------------------------------------------------------------
# field JSON NAME: a number from the flat JSON line bench.lua prints
field() { sed -E "s/.*\"$2\":([^,}]*).*/\1/" <<<"$1"; }
# measure PATH [TOKEN] [METHOD BODY]: a discarded warm-up, then the measured run; sets `result`
measure() {
  local path=$1 token=${2:-} method=${3:-} body=${4:-} output
  BENCH_TOKEN=$token BENCH_METHOD=$method BENCH_BODY=$body \
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -s scripts/lib/bench.lua "$base$path" >/dev/null
  output=$(BENCH_TOKEN=$token BENCH_METHOD=$method BENCH_BODY=$body \
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s -s scripts/lib/bench.lua "$base$path")
  result=$(sed -n 's/^BENCH_RESULT //p' <<<"$output")
  [[ -n $result ]] || { echo "FAIL wrk gave no result for $path:" >&2; echo "$output" >&2; exit 1; }
}

# --- run ---------------------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: ${threads} wrk threads, ${connections} connections, ${warmup} s warm-up + ${seconds} s per endpoint; load average ${load_before}"
start_postgres
start_api true
startup_ready_ms=$ready_ms
rss_start=$(rss_mb)
echo "ready after ${startup_ready_ms} ms, RSS ${rss_start} MB; seeding through the API..."

seed_output=$("$java_cmd" -cp "target/test-classes:$(cat target/test-classpath.txt)" \
  io.realworld.api.bench.BenchSeeder "$base")
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
# The JIT compiles what the first seconds of load run: one discarded pass over every endpoint
# first, so that the first endpoint measured is not also the one that pays for the warm-up.
echo "warming up: ${warmup} s on every endpoint"
for endpoint in "${endpoints[@]}"; do
  IFS='|' read -r _ path token_used method body <<<"$endpoint"
  BENCH_TOKEN=$token_used BENCH_METHOD=$method BENCH_BODY=$body \
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -s scripts/lib/bench.lua "$base$path" >/dev/null
done
names=() paths=() results=()
for endpoint in "${endpoints[@]}"; do
  IFS='|' read -r name path token_used method body <<<"$endpoint"
  echo "  $name ..."
  measure "$path" "$token_used" "$method" "$body"
  names+=("$name") paths+=("$path") results+=("$result")
done
rss_load=$(rss_mb)
stop_api

# Metrics off and on, alternating, so that a shift in the machine's load hits both alike.
metrics_json=null
if ((metrics_check)); then
  echo "metrics cost: the article list with METRICS_ENABLED=false and true, twice each"
  off=0 on=0
  for round in 1 2; do
    for enabled in false true; do
      start_api "$enabled"
      measure "/api/articles?limit=20"
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
measure "/api/articles?limit=20"
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

{
  printf '{\n  "date": "%s",\n  "machine": "%s",\n  "java": "%s",\n' "$date_utc" "$machine" "${java_version//\"/}"
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
  printf '  "metrics_on_vs_off": %s,\n  "pgbench_select_only": %s\n}\n' "$metrics_json" "$pgbench_json"
} >"$out/results.json"

table() {
  echo "| Endpoint | Requests/s | p50 ms | p99 ms | Errors |"
  echo "|---|---:|---:|---:|---:|"
  for i in "${!names[@]}"; do
    local r=${results[$i]}
    printf '| %s | %.0f | %.1f | %.1f | %d |\n' "${names[$i]}" "$(field "$r" rps)" "$(field "$r" p50_ms)" \
      "$(field "$r" p99_ms)" "$(($(field "$r" socket_errors) + $(field "$r" status_errors)))"
  done
  if [[ $pgbench_json != null ]]; then
    printf '| *ceiling: pgbench -S (one-row selects, same PostgreSQL)* | %.0f | | | |\n' "$(field "$pgbench_json" tps)"
  fi
  echo
  echo "| Process | |"
  echo "|---|---|"
  echo "| Ready (process start to /api/v1/health/ready 200): first start, migrating / restart, schema current (median) | ${startup_ready_ms} ms / ${restart_ready_ms} ms |"
  echo "| RSS after start / after the load | ${rss_start} MB / ${rss_load} MB |"
  echo "| Article list with -XX:MaxRAM=256m | $(printf '%.0f' "$(field "$budget_json" rps)") requests/s, p99 $(field "$budget_json" p99_ms) ms, $(($(field "$budget_json" socket_errors) + $(field "$budget_json" status_errors))) errors, RSS $(field "$budget_json" rss_after_load_mb) MB |"
  echo "| target/api.jar / its application layer | $((jar_bytes / 1024)) KB / $((app_layer_bytes / 1024)) KB |"
  if [[ $metrics_json != null ]]; then
    echo "| Metrics cost (article list, off vs on) | $(field "$metrics_json" off_rps) vs $(field "$metrics_json" on_rps) requests/s: $(field "$metrics_json" cost_percent) % |"
  fi
}
echo
table
echo
echo "load average before ${load_before}, after ${load_after}; raw figures: $out/results.json"

for i in "${!names[@]}"; do
  printf '%s\t%s\t%s\n' "${names[$i]}" "$(field "${results[$i]}" rps)" "$(field "${results[$i]}" p99_ms)"
done | awk -v title="api on ${machine}, ${date_utc%T*}: wrk -t${threads} -c${connections}, ${seconds} s" \
  -f scripts/lib/bench-chart.awk >"$out/bench.svg"

if ((full_run)); then
  mkdir -p "$docs"
  cp "$out/bench.svg" "$docs/bench.svg"
  {
    echo "Measured ${date_utc} on ${machine}, ${java_version}; the service, PostgreSQL and wrk share the machine"
    echo "(load average ${load_before} before, ${load_after} after). The jar laid out and started as the image does it, with its startup cache."
    echo "Seeded through the API, then VACUUM (ANALYZE). wrk -t${threads} -c${connections}: a ${warmup} s warm-up pass over every endpoint, then per endpoint ${warmup} s more warm-up and ${seconds} s measured."
    echo
    table
  } >"$docs/latest.md"
  echo "wrote $docs/latest.md and $docs/bench.svg"
else
  echo "a short run (${seconds} s < 20 s): $docs left as it was; chart in $out/bench.svg"
fi
