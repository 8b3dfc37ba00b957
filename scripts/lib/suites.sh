# shellcheck shell=bash
# The fault suites; scripts/reliability.sh runs them. Each takes a work directory, starts what it
# needs (reliability.sh's cleanup stops it), prints its figures and ends with suite_end.

# The platform's side of a rolling update: its load balancer polls readiness (here every 20 ms)
# and sends no new request once it answers 503; the service keeps its listener open for
# SHUTDOWN_DELAY so that requests routed before the balancer noticed still find it.
SIGTERM_SHUTDOWN_DELAY_S=1
SIGTERM_SHUTDOWN_TIMEOUT_S=10

suite_sigterm() {
  local work=$1
  mkdir -p "$work"
  suite_begin sigterm "SIGTERM under sustained load (80 requests/s, reads and writes, one connection per request; SHUTDOWN_DELAY=${SIGTERM_SHUTDOWN_DELAY_S}s, the driver stops sending once readiness is 503)"
  start_postgres
  start_app "$work/app.log" SHUTDOWN_DELAY="${SIGTERM_SHUTDOWN_DELAY_S}s" SHUTDOWN_TIMEOUT="${SIGTERM_SHUTDOWN_TIMEOUT_S}s"
  wait_for_status "$APP_URL/api/v1/health/ready" 200 60 || { check "0" "the service became ready"; suite_end; return; }
  run_driver "$work" rate=80 seconds=16 probeMs=20 keepAlive=false stopWhenNotReady=true
  wait_for_load "$work" || { check "0" "the load driver started"; suite_end; return; }
  sleep 8
  local term_ms exit_ms code=0
  term_ms=$(now_ms)
  kill -TERM "$APP_PID"
  wait "$APP_PID" || code=$?
  exit_ms=$(now_ms)
  wait_driver "$work" || { check "0" "the load driver ran"; suite_end; return; }
  local csv=$work/requests.csv
  local in_flight accepted failed refused first_503 first_refused refused_before after_503
  in_flight=$(csv_query "$csv" count "$API_OPS && start <= $term_ms && end >= $term_ms")
  accepted=$(csv_query "$csv" count "$API_OPS && outcome != \"refused\"")
  failed=$(csv_query "$csv" count "$API_OPS && outcome != \"refused\" && outcome !~ /^2/")
  refused=$(csv_query "$csv" count "outcome == \"refused\"")
  first_503=$(csv_query "$csv" min end "op == \"ready\" && outcome == \"503\"")
  first_refused=$(csv_query "$csv" min end "outcome == \"refused\"")
  refused_before=$(csv_query "$csv" count "outcome == \"refused\" && ($first_503 < 0 || end < $first_503)")
  after_503=$(csv_query "$csv" count "$API_OPS && $first_503 > 0 && start >= $first_503")
  echo "  SIGTERM at +0 ms with $in_flight API requests in flight; readiness first 503 at +$((first_503 - term_ms)) ms," \
    "first refused connection at +$((first_refused - term_ms)) ms, exit code $code at +$((exit_ms - term_ms)) ms"
  echo "  API requests sent after readiness turned 503 (before the driver's next look): $after_503; load average $(cut -d' ' -f1 /proc/loadavg)"
  echo "  failures among accepted API requests: $(outcomes "$csv" "$API_OPS && outcome != \"refused\" && outcome !~ /^2/")"
  check "$accepted > 0 && $failed == 0" "every accepted API request answered 2xx: $failed failed of $accepted accepted"
  check "$first_503 > 0" "readiness answered 503 while draining (first at +$((first_503 - term_ms)) ms)"
  check "$refused > 0 && $refused_before == 0" "new connections (the probes') refused only after readiness turned 503: $refused_before of $refused refusals came earlier"
  check "$code == 0" "exit code 0 (was $code)"
  check "$exit_ms - $term_ms <= ($SIGTERM_SHUTDOWN_DELAY_S + $SIGTERM_SHUTDOWN_TIMEOUT_S) * 1000" "exited within SHUTDOWN_DELAY + SHUTDOWN_TIMEOUT = $((SIGTERM_SHUTDOWN_DELAY_S + SIGTERM_SHUTDOWN_TIMEOUT_S)) s ($((exit_ms - term_ms)) ms)"
  local data=0
  write_check "$work/acks.tsv" || data=$?
  check "$data == 0" "every acknowledged write is in the database, with its tags"
  suite_end
}

OUTAGE_DB_TIMEOUT_MS=2000
OUTAGE_SECONDS=4
RECOVERY_BUDGET_MS=2000

suite_db_outage() {
  local work=$1
  mkdir -p "$work"
  suite_begin db-outage "PostgreSQL stopped for ${OUTAGE_SECONDS} s under load (60 requests/s, DB_TIMEOUT=${OUTAGE_DB_TIMEOUT_MS}ms, so the request timeout is $((2 * OUTAGE_DB_TIMEOUT_MS)) ms)"
  POSTGRES_PORT=$(free_port)
  POSTGRES_DATA_DIR=$(realpath "$work")/pgdata
  export POSTGRES_PORT POSTGRES_DATA_DIR
  start_postgres
  start_app "$work/app.log" DB_TIMEOUT="${OUTAGE_DB_TIMEOUT_MS}ms"
  wait_for_status "$APP_URL/api/v1/health/ready" 200 60 || { check "0" "the service became ready"; suite_end; return; }
  run_driver "$work" rate=60 seconds=120 probeMs=100 keepAlive=true stopFile="$work/stop"
  wait_for_load "$work" || { check "0" "the load driver started"; suite_end; return; }
  sleep 6
  local stop_ms down_ms up_ms
  stop_ms=$(now_ms)
  stop_postgres
  down_ms=$(now_ms)
  sleep "$OUTAGE_SECONDS"
  # up: the first moment PostgreSQL's port accepts a connection, seen by a 20 ms poll (the embedded
  # server reports only later, after its own checks); earlier than true readiness if anything, which
  # makes the recovery figure stricter
  poll_port "$POSTGRES_PORT" 60 >"$work/postgres-up-ms" &
  local poller=$!
  start_postgres
  wait "$poller" || { check "0" "PostgreSQL came back"; suite_end; return; }
  up_ms=$(cat "$work/postgres-up-ms")
  unset POSTGRES_PORT POSTGRES_DATA_DIR
  sleep 6
  touch "$work/stop"
  wait_driver "$work" || { check "0" "the load driver ran"; suite_end; return; }
  local csv=$work/requests.csv
  local api_outage="$API_OPS && start >= $down_ms && start < $up_ms"
  local during failed_503 other max_503 ready_up live_bad last_failure recovery after hung
  during=$(csv_query "$csv" count "$api_outage")
  failed_503=$(csv_query "$csv" count "$api_outage && outcome == \"503\"")
  other=$(csv_query "$csv" count "$API_OPS && outcome !~ /^2/ && outcome != \"503\"")
  max_503=$(csv_query "$csv" max latency "$API_OPS && outcome == \"503\"")
  # readiness may take one probe and DB_TIMEOUT to notice
  ready_up=$(csv_query "$csv" count "op == \"ready\" && start >= $down_ms + $OUTAGE_DB_TIMEOUT_MS + 200 && end < $up_ms && outcome != \"503\"")
  live_bad=$(csv_query "$csv" count "op == \"live\" && outcome != \"200\"")
  last_failure=$(csv_query "$csv" max start "$API_OPS && outcome !~ /^2/")
  recovery=$((last_failure < up_ms ? 0 : last_failure - up_ms))
  after=$(csv_query "$csv" count "$API_OPS && start > $up_ms + $RECOVERY_BUDGET_MS && outcome ~ /^2/")
  hung=$(csv_query "$csv" count "outcome == \"timeout\"")
  echo "  PostgreSQL stopping for $((down_ms - stop_ms)) ms, then down for $((up_ms - down_ms)) ms (${OUTAGE_SECONDS} s, then its start until its port accepts connections); load average $(cut -d' ' -f1 /proc/loadavg)"
  echo "  slowest 503 as the service measured it (access log): $(server_max_duration "$work/app.log" 503) ms"
  echo "  API requests sent while down: $during ($failed_503 answered 503); outcomes while down: $(outcomes "$csv" "$api_outage")"
  echo "  readiness while down: $(outcomes "$csv" "op == \"ready\" && start >= $down_ms && end < $up_ms"); liveness over the run: $(outcomes "$csv" "op == \"live\"")"
  check "$during > 0 && $other == 0" "every failed API request was a 503 in the spec's error format ($other other failures: 500s, transport errors or other formats)"
  check "$max_503 >= 0 && $max_503 <= 2 * $OUTAGE_DB_TIMEOUT_MS + 1000" "503s came in bounded time: slowest ${max_503} ms at the client <= the request timeout (2 x DB_TIMEOUT = $((2 * OUTAGE_DB_TIMEOUT_MS)) ms) + 1 s"
  check "$hung == 0" "nothing hung (no request went ${hung:-0} > 15 s without an answer)"
  check "$ready_up == 0" "readiness answered 503 while the database was down ($ready_up other answers)"
  check "$live_bad == 0" "liveness answered 200 throughout ($live_bad other answers)"
  check "$recovery <= $RECOVERY_BUDGET_MS && $after > 0" "served normally ${recovery} ms after the database accepted connections again (budget ${RECOVERY_BUDGET_MS} ms; $after successes after that), no restart"
  local data=0
  write_check "$work/acks.tsv" || data=$?
  check "$data == 0" "no acknowledged write lost, no article without its tags"
  suite_end
}

suite_db_absent() {
  local work=$1
  mkdir -p "$work"
  suite_begin db-absent "PostgreSQL absent when the service starts, started 5 s later"
  local port
  port=$(free_port)
  # shellcheck disable=SC2034 # start_app passes it to the service (exported by start_postgres)
  DATABASE_URL="postgres://postgres:postgres@127.0.0.1:$port/postgres"
  local start_ms
  start_ms=$(now_ms)
  start_app "$work/app.log" DB_TIMEOUT=2s
  local live=0
  wait_for_status "$APP_URL/api/v1/health/live" 200 30 || live=$?
  local live_ms ready_status api_status api_body
  live_ms=$(now_ms)
  ready_status=$(http_status "$APP_URL/api/v1/health/ready")
  api_body=$(curl -s --max-time 5 -w ' %{http_code}' "$APP_URL/api/tags" || true)
  api_status=${api_body##* }
  echo "  live after $((live_ms - start_ms)) ms; /ready $ready_status; GET /api/tags $api_body"
  check "$live == 0" "the service started and answers liveness without a database"
  check "$ready_status == 503" "readiness 503 while the database is absent (was $ready_status)"
  check "$api_status == 503" "API requests 503 while not ready (was $api_status)"
  sleep 5
  POSTGRES_PORT=$port start_postgres
  local up_ms ready=0
  up_ms=$(now_ms)
  wait_for_status "$APP_URL/api/v1/health/ready" 200 45 || ready=$?
  local ready_ms tags_status
  ready_ms=$(now_ms)
  tags_status=$(http_status "$APP_URL/api/tags")
  echo "  PostgreSQL accepting connections at +$((up_ms - start_ms)) ms; ready at +$((ready_ms - start_ms)) ms ($((ready_ms - up_ms)) ms later: the migration retries back off from 0.5 s to 5 s)"
  check "$ready == 0" "became ready once PostgreSQL appeared, without a restart"
  check "$tags_status == 200" "serves the API then (GET /api/tags $tags_status)"
  check "$(kill -0 "$APP_PID" 2>/dev/null && echo 1 || echo 0) == 1" "the process stayed up throughout"
  suite_end
}

# What the service is started with here (ConfigLoader: MAX_CONNECTIONS, HEADER_TIMEOUT), and so
# what it must enforce (server/ConnectionGuard).
SLOW_MAX_CONNECTIONS=200
SLOW_HEADER_TIMEOUT_S=5
# A slowloris is cheap because each connection costs one packet a second and, without a header
# deadline, lives forever: opening SLOW_OPENS_PER_S it would hold all MAX_CONNECTIONS slots after
# 200 / 25 = 8 s and starve everyone. The deadline caps what it holds at 25/s x 5 s = 125. (A flood
# of new connections beyond MAX_CONNECTIONS is refused at the cap, starving others too: limiting
# it per client address is the load balancer's job, the only place that knows the address.)
SLOW_OPENS_PER_S=25

suite_slow_clients() {
  local work=$1
  mkdir -p "$work"
  suite_begin slow-clients "slowloris, header and body limits, bounded connections (MAX_CONNECTIONS=$SLOW_MAX_CONNECTIONS, HEADER_TIMEOUT=${SLOW_HEADER_TIMEOUT_S}s)"
  start_postgres
  start_app "$work/app.log" MAX_CONNECTIONS="$SLOW_MAX_CONNECTIONS" HEADER_TIMEOUT="${SLOW_HEADER_TIMEOUT_S}s"
  wait_for_status "$APP_URL/api/v1/health/ready" 200 60 || { check "0" "the service became ready"; suite_end; return; }
  local port=${APP_URL##*:}

  echo "  baseline: normal reads, one new connection each, no attack"
  run_driver "$work/baseline" rate=30 seconds=12 mix=reads keepAlive=false
  wait_driver "$work/baseline" || { check "0" "the load driver ran"; suite_end; return; }
  echo "  attack: slowloris opening $SLOW_OPENS_PER_S connections a second (up to 600 at once), each trickling a header byte a second; normal reads alongside"
  java -cp "$(test_classpath)" io.realworld.api.reliability.SlowClients slowloris "$port" 600 24 1000 "$SLOW_OPENS_PER_S" \
    >"$work/slowloris.log" 2>&1 &
  local attacker=$!
  sleep 4
  run_driver "$work/attack" rate=30 seconds=12 mix=reads keepAlive=false
  wait_driver "$work/attack" || { check "0" "the load driver ran"; suite_end; return; }
  wait "$attacker" || true
  sed 's/^/  /' "$work/slowloris.log"
  local base_p50 base_p99 attack_p50 attack_p99 attack_failed attack_sent closed max_life most_held
  base_p50=$(csv_percentile "$work/baseline/requests.csv" 50 1)
  base_p99=$(csv_percentile "$work/baseline/requests.csv" 99 1)
  attack_p50=$(csv_percentile "$work/attack/requests.csv" 50 1)
  attack_p99=$(csv_percentile "$work/attack/requests.csv" 99 1)
  attack_sent=$(csv_query "$work/attack/requests.csv" count 1)
  attack_failed=$(csv_query "$work/attack/requests.csv" count 'outcome !~ /^2/')
  closed=$(sed -n 's/.*failed to open), \([0-9]*\) closed by the server.*/\1/p' "$work/slowloris.log")
  max_life=$(sed -n 's/.* max \(-\?[0-9]*\) ms, .*/\1/p' "$work/slowloris.log")
  most_held=$(sed -n 's/.*held at most \([0-9]*\) at once.*/\1/p' "$work/slowloris.log")
  echo "  normal reads: without attack p50 ${base_p50} ms p99 ${base_p99} ms; under attack p50 ${attack_p50} ms p99 ${attack_p99} ms, $attack_failed of $attack_sent failed; load average $(cut -d' ' -f1 /proc/loadavg)"
  check "$attack_sent > 0 && $attack_failed == 0" "slowloris starves nobody: every normal request answered ($attack_failed of $attack_sent failed)"
  check "$attack_p99 <= 3 * $base_p99 + 200" "normal latency holds: p99 ${attack_p99} ms <= 3 x ${base_p99} ms + 200 ms"
  check "${closed:-0} > 0 && ${max_life:--1} >= 0 && ${max_life:--1} <= ($SLOW_HEADER_TIMEOUT_S + 2) * 1000" "the header-read timeout closes slow connections: ${closed:-0} closed, longest lived ${max_life:--1} ms <= ${SLOW_HEADER_TIMEOUT_S} s + 2 s"
  check "${most_held:-0} > 0 && ${most_held:-0} < $SLOW_MAX_CONNECTIONS" "so the attacker never held the server's connections: at most ${most_held:-0} at once (as it saw them) < MAX_CONNECTIONS $SLOW_MAX_CONNECTIONS"

  local big status body
  big=$(mktemp)
  head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' 'a' | sed 's/^/{"user":{"username":"/; s/$/"}}/' >"$big"
  body=$(curl -s --max-time 10 -H 'Content-Type: application/json' --data-binary "@$big" -w ' %{http_code}' "$APP_URL/api/users" || true)
  status=${body##* }
  echo "  2 MiB body (Content-Length): $status ${body% *}"
  check "$status == 413 && $(is_spec_error "${body% *}")" "a body over 1 MiB is refused with 413 in the spec's error format"
  body=$(curl -s --max-time 10 -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary "@$big" -w ' %{http_code}' "$APP_URL/api/users" || true)
  status=${body##* }
  echo "  2 MiB body (chunked): $status ${body% *}"
  check "$status == 413" "a chunked body over 1 MiB is refused with 413 too"
  rm -f "$big"
  local header
  header=$(head -c 20000 /dev/zero | tr '\0' 'h')
  status=$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' -H "X-Big: $header" "$APP_URL/api/tags" || true)
  echo "  20 kB header: $status"
  check "$status == 431 || $status == 400" "an oversized header is refused with 431 (or 400), never served or a 500 (was $status)"
  status=$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$APP_URL/api/tags?q=$(head -c 10000 /dev/zero | tr '\0' 'q')" || true)
  echo "  10 kB request line: $status"
  check "$status == 414 || $status == 400" "an oversized request line is refused with 414 (or 400) (was $status)"

  java -cp "$(test_classpath)" io.realworld.api.reliability.SlowClients connections "$port" $((SLOW_MAX_CONNECTIONS * 2)) \
    >"$work/connections.log" 2>&1 || true
  sed 's/^/  /' "$work/connections.log"
  local served
  served=$(sed -n 's/.*; \([0-9]*\) answered 200.*/\1/p' "$work/connections.log")
  check "${served:-0} > 0 && ${served:-0} <= $SLOW_MAX_CONNECTIONS" "connections are bounded: ${served:-0} of $((SLOW_MAX_CONNECTIONS * 2)) simultaneous connections served <= MAX_CONNECTIONS $SLOW_MAX_CONNECTIONS"
  check "$(http_status "$APP_URL/api/v1/health/ready") == 200" "the service is healthy afterwards"
  suite_end
}

# is_spec_error JSON: 1 when it is {"errors":{"field":["message"...]...}}, else 0
is_spec_error() {
  [[ $1 =~ ^\{\"errors\":\{\"[^\"]+\":\[\" ]] && echo 1 || echo 0
}

# The flags Paketo's memory calculator gives a 256 MiB container with BPL_JVM_THREAD_COUNT=64 and
# JAVA_TOOL_OPTIONS=-XX:ReservedCodeCacheSize=48M (its default 240M code cache does not fit in
# 256 MiB): heap = 256 - 10 direct - 77 metaspace - 48 code cache - 64 x 1M stacks = 57 MiB.
MEMORY_JAVA_OPTIONS="-XX:MaxDirectMemorySize=10M -XX:MaxMetaspaceSize=77M -XX:ReservedCodeCacheSize=48M -Xss1M -Xmx57M -XX:+ExitOnOutOfMemoryError -XX:ActiveProcessorCount=2"
MEMORY_SECONDS=${MEMORY_SECONDS:-150}
MEMORY_CGROUP=""

# shellcheck disable=SC2034 # APP_WRAPPER is read by start_app (scripts/lib/app.sh)
# enter_memory_budget NAME: the next start_app runs in a 256 MiB cgroup (as root, cgroup v1) with
# MEMORY_JAVA_OPTIONS; sets MEMORY_CGROUP and APP_WRAPPER, which release_memory_cgroup undoes
enter_memory_budget() {
  if [[ $(id -u) == 0 && -d /sys/fs/cgroup/memory ]]; then
    MEMORY_CGROUP=/sys/fs/cgroup/memory/api-$1-$$
    mkdir -p "$MEMORY_CGROUP"
    echo $((256 * 1024 * 1024)) >"$MEMORY_CGROUP/memory.limit_in_bytes"
    APP_WRAPPER="scripts/lib/in-cgroup.sh $MEMORY_CGROUP"
    echo "  the process runs in cgroup $MEMORY_CGROUP limited to 256 MiB"
  else
    APP_WRAPPER=""
    echo "  not root or no cgroup v1 memory controller: only the JVM flags hold the budget"
  fi
  echo "  JVM flags: $MEMORY_JAVA_OPTIONS"
}

suite_memory() {
  local work=$1
  mkdir -p "$work"
  suite_begin memory "256 MiB budget through ${MEMORY_SECONDS} s of load (60 requests/s, mixed)"
  enter_memory_budget reliability
  start_postgres
  APP_JAVA_OPTIONS="$MEMORY_JAVA_OPTIONS" start_app "$work/app.log"
  # shellcheck disable=SC2034 # read by start_app (scripts/lib/app.sh)
  APP_WRAPPER=""
  wait_for_status "$APP_URL/api/v1/health/ready" 200 60 || { check "0" "the service became ready"; suite_end; return; }
  run_driver "$work" rate=60 seconds="$MEMORY_SECONDS" keepAlive=true
  wait_for_load "$work" || { check "0" "the load driver started"; suite_end; return; }
  local samples=()
  while kill -0 "$DRIVER_PID" 2>/dev/null && kill -0 "$APP_PID" 2>/dev/null; do
    samples+=("$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$APP_PID/status")")
    sleep 5
  done
  wait_driver "$work" || true
  local alive=0 oom failed sent
  kill -0 "$APP_PID" 2>/dev/null && alive=1
  oom=$(grep -c 'OutOfMemoryError' "$work/app.log" || true)
  sent=$(csv_query "$work/requests.csv" count 1)
  failed=$(csv_query "$work/requests.csv" count 'outcome !~ /^2/')
  echo "  RSS MiB every 5 s: ${samples[*]}"
  if [[ -n $MEMORY_CGROUP ]]; then
    echo "  cgroup: peak $(($(cat "$MEMORY_CGROUP/memory.max_usage_in_bytes") / 1024 / 1024)) MiB of 256, limit hit $(cat "$MEMORY_CGROUP/memory.failcnt") times"
  fi
  local n=${#samples[@]} middle last
  middle=$(printf '%s\n' "${samples[@]:n/3:n/3}" | awk '{ s += $1 } END { print int(s / NR) }')
  last=$(printf '%s\n' "${samples[@]:2*n/3}" | awk '{ s += $1 } END { print int(s / NR) }')
  echo "  mean RSS: middle third $middle MiB, last third $last MiB"
  check "$alive == 1 && $oom == 0" "alive after the run, no OutOfMemoryError ($oom in the log)"
  check "$sent > 0 && $failed == 0" "every request answered 2xx under the budget ($failed of $sent failed)"
  check "$n >= 9 && $last <= $middle * 110 / 100" "memory flat after warm-up: last third $last MiB <= middle third $middle MiB + 10%"
  check "$(http_status "$APP_URL/api/v1/health/live") == 200" "liveness 200 at the end"
  suite_end
}

release_memory_cgroup() {
  if [[ -n $MEMORY_CGROUP && -d $MEMORY_CGROUP ]]; then
    stop_app
    rmdir "$MEMORY_CGROUP" 2>/dev/null || true
  fi
}
