#!/usr/bin/env bash
# make soak: the image itself in a small container for a long steady load. A container of the
# image (--memory 256m --cpus 2 by default, its own JVM defaults) against a real PostgreSQL on this
# machine, LoadDriver's mixed reads and writes at a steady rate; every SOAK_SAMPLE_SECONDS the
# container's cgroup memory and the JVM's RSS (PID 1) are sampled. It checks: every request 2xx,
# no OOM kill, and memory flat after warm-up (the last third's mean RSS within 10 % of the middle
# third's). Without an engine or the image it says so and exits 2: a soak of the jar is
# `make reliability`'s memory suite.
#   SOAK_SECONDS (600), SOAK_RATE (60 requests/s), SOAK_MEMORY (256m), SOAK_CPUS (2),
#   SOAK_IMAGE (api), SOAK_SAMPLE_SECONDS (10). Work files: target/soak.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/app.sh
source scripts/lib/app.sh
# shellcheck source=scripts/lib/load.sh
source scripts/lib/load.sh
# shellcheck source=scripts/lib/verdict.sh
source scripts/lib/verdict.sh

seconds=${SOAK_SECONDS:-600}
rate=${SOAK_RATE:-60}
memory=${SOAK_MEMORY:-256m}
cpus=${SOAK_CPUS:-2}
image=${SOAK_IMAGE:-api}
sample_seconds=${SOAK_SAMPLE_SECONDS:-10}
work=target/soak
container=api-soak-$$
# the load driver writes as a few accounts from one address, far above a person's rate
readonly NO_WRITE_LIMIT=1000000,1000000

if ! docker info >/dev/null 2>&1; then
  echo "SKIPPED no engine answers (make engine): only a container of the image can show this" >&2
  exit 2
fi
if ! docker image inspect "$image" >/dev/null 2>&1; then
  echo "SKIPPED no image '$image' (make image)" >&2
  exit 2
fi
cleanup() {
  docker rm -f "$container" >/dev/null 2>&1 || true
  if [[ -n ${DRIVER_PID:-} ]] && kill -0 "$DRIVER_PID" 2>/dev/null; then kill "$DRIVER_PID"; fi
  stop_postgres
}
trap cleanup EXIT

test_classpath >/dev/null
rm -rf "$work"
mkdir -p "$work"
suite_begin soak "image '$image' in --memory $memory --cpus $cpus, ${seconds} s at ${rate} requests/s (mixed)"
start_postgres
port=$(free_port)
# --network host: the container reaches the embedded PostgreSQL, which listens on 127.0.0.1 only
docker run -d --name "$container" --network host --memory "$memory" --cpus "$cpus" \
  -e PORT="$port" -e DATABASE_URL="$DATABASE_URL" -e JWT_SECRET="$RELIABILITY_JWT_SECRET" \
  -e WRITE_RATE_PER_ACCOUNT="$NO_WRITE_LIMIT" -e SIGNUP_RATE_PER_CLIENT="$NO_WRITE_LIMIT" \
  "$image" >/dev/null
APP_URL="http://127.0.0.1:$port"
if ! wait_for_status "$APP_URL/api/v1/health/ready" 200 60; then
  docker logs "$container" >"$work/container.log" 2>&1 || true
  check "0" "the container became ready (log: $work/container.log)"
  suite_end
  exit 1
fi
docker logs "$container" 2>/dev/null | sed -n 's/^Calculated JVM Memory Configuration: /  JVM: /p'
run_driver "$work" rate="$rate" seconds="$seconds" keepAlive=true
wait_for_load "$work" || { check "0" "the load driver started"; suite_end; exit 1; }

# cgroup v1 or v2 usage, and PID 1's RSS, as the container sees them
probe='cat /sys/fs/cgroup/memory/memory.usage_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.current
grep VmRSS /proc/1/status'
rss=() cgroup=()
echo "  sampling every ${sample_seconds} s: cgroup MiB / RSS MiB"
while kill -0 "$DRIVER_PID" 2>/dev/null; do
  if sample=$(docker exec "$container" sh -c "$probe" 2>/dev/null); then
    cgroup+=("$(($(sed -n 1p <<<"$sample") / 1048576))")
    rss+=("$(($(awk 'NR == 2 { print $2 }' <<<"$sample") / 1024))")
    echo "  $(((${#rss[@]} - 1) * sample_seconds)) s: ${cgroup[-1]} / ${rss[-1]}"
  fi
  sleep "$sample_seconds"
done
wait_driver "$work" || true

read -r running oom <<<"$(docker inspect -f '{{.State.Running}} {{.State.OOMKilled}}' "$container")"
sent=$(csv_query "$work/requests.csv" count "$API_OPS")
failed=$(csv_query "$work/requests.csv" count "$API_OPS"' && outcome !~ /^2/')
p99=$(csv_percentile "$work/requests.csv" 99 "$API_OPS")
n=${#rss[@]}
mean() { printf '%s\n' "$@" | awk '{ s += $1 } END { print NR ? int(s / NR) : 0 }'; }
middle=$(mean "${rss[@]:n/3:n/3}")
last=$(mean "${rss[@]:2*n/3}")
echo "  requests: $sent, failed $failed, p99 ${p99} ms; cgroup peak $(printf '%s\n' "${cgroup[@]}" | sort -n | tail -1) MiB"
echo "  mean RSS: middle third $middle MiB, last third $last MiB ($n samples)"
check "$([[ $running == true && $oom == false ]] && echo 1 || echo 0)" "running at the end, not OOM-killed (running $running, OOM-killed $oom)"
check "$sent > 0 && $failed == 0" "every request answered 2xx ($failed of $sent failed)"
check "$n >= 9 && $last <= $middle * 110 / 100" "memory flat after warm-up: last third $last MiB <= middle third $middle MiB + 10%"
suite_end
echo "soak: $(date -u +%Y-%m-%d) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
((${#FAILED_SUITES[@]} == 0))
