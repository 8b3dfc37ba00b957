# shellcheck shell=bash
# The packaged service (target/api.jar) for the fault suites, on 127.0.0.1 and a free port.
#   start_app LOG [VAR=value...]   starts it with DATABASE_URL and the extra variables; sets APP_PID
#                                  and APP_URL. APP_JAVA_OPTIONS and APP_WRAPPER (a command that
#                                  execs its arguments, e.g. to enter a cgroup) shape the process.
#   stop_app                       SIGTERM and wait (no-op when it is gone)
#   http_status URL                the status of a GET, or 000 when nothing answers
#   wait_for_status URL STATUS SECONDS   polls every 50 ms; false when the time runs out
#   free_port                      a TCP port nothing listens on
#   poll_port PORT SECONDS         polls every 20 ms until PORT accepts a connection and prints
#                                  when (now_ms); false when the time runs out
#   now_ms                         wall-clock milliseconds, the clock the load driver writes too

readonly RELIABILITY_JWT_SECRET=reliability-suite-secret-0123456789abcdef

now_ms() { date +%s%3N; }

free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# The test classes and their dependencies, plus the application's classes (WriteCheck reads
# DATABASE_URL with the service's own parser).
poll_port() {
  local deadline=$(($(now_ms) + $2 * 1000))
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    (($(now_ms) < deadline)) || return 1
    sleep 0.02
  done
  now_ms
}

test_classpath() {
  if [[ ! -s target/test-classpath.txt || ! -d target/test-classes/io/realworld/api/reliability ]]; then
    ./mvnw -q -B -ntp test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
  fi
  echo "target/classes:target/test-classes:$(cat target/test-classpath.txt)"
}

start_app() {
  local log=$1
  shift
  local port
  port=$(free_port)
  # the reliability load (3 accounts at 60 requests/s) and make abuse's floods (5,000 comments by
  # one account) are no person's pace: no write rate limit unless a suite passes its own.
  # APP_JAVA_OPTIONS and APP_WRAPPER are word lists on purpose
  # shellcheck disable=SC2086
  env PORT="$port" DATABASE_URL="$DATABASE_URL" JWT_SECRET="$RELIABILITY_JWT_SECRET" \
    LOG_LEVEL=INFO WRITE_RATE_PER_ACCOUNT=1000000,1000000 SIGNUP_RATE_PER_CLIENT=1000000,1000000 \
    "$@" ${APP_WRAPPER:-} java ${APP_JAVA_OPTIONS:-} -jar target/api.jar >"$log" 2>&1 &
  APP_PID=$!
  APP_URL="http://127.0.0.1:$port"
  export APP_PID APP_URL
}

stop_app() {
  if [[ -n ${APP_PID:-} ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
}

http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true
}

wait_for_status() {
  local url=$1 status=$2 deadline=$(($(now_ms) + $3 * 1000))
  until [[ $(http_status "$url") == "$status" ]]; do
    (($(now_ms) < deadline)) || return 1
    sleep 0.05
  done
}

# server_max_duration LOG STATUS: the longest durationMs the access log shows for that status
server_max_duration() {
  grep -o "\"status\":$2,\"durationMs\":[0-9.]*" "$1" | cut -d: -f3 | sort -n | tail -1 | cut -d. -f1
}
