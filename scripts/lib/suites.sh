# shellcheck shell=bash
# The fault suites; scripts/reliability.sh runs them. Each takes a work directory, starts what it
# needs (reliability.sh's cleanup stops it), prints its figures and ends with suite_end.

SIGTERM_SHUTDOWN_TIMEOUT_S=10

suite_sigterm() {
  local work=$1
  mkdir -p "$work"
  suite_begin sigterm "SIGTERM under sustained load (80 requests/s, reads and writes, one connection per request)"
  start_postgres
  start_app "$work/app.log" SHUTDOWN_TIMEOUT="${SIGTERM_SHUTDOWN_TIMEOUT_S}s"
  wait_for_status "$APP_URL/api/v1/health/ready" 200 60 || { check "0" "the service became ready"; suite_end; return; }
  run_driver "$work" rate=80 seconds=16 probeMs=20 keepAlive=false
  wait_for_load "$work" || { check "0" "the load driver started"; suite_end; return; }
  sleep 8
  local term_ms exit_ms code=0
  term_ms=$(now_ms)
  kill -TERM "$APP_PID"
  wait "$APP_PID" || code=$?
  exit_ms=$(now_ms)
  wait_driver "$work" || { check "0" "the load driver ran"; suite_end; return; }
  local csv=$work/requests.csv
  local in_flight accepted failed refused first_503 first_refused refused_before
  in_flight=$(csv_query "$csv" count "$API_OPS && start <= $term_ms && end >= $term_ms")
  accepted=$(csv_query "$csv" count "$API_OPS && outcome != \"refused\"")
  failed=$(csv_query "$csv" count "$API_OPS && outcome != \"refused\" && outcome !~ /^2/")
  refused=$(csv_query "$csv" count "outcome == \"refused\"")
  first_503=$(csv_query "$csv" min end "op == \"ready\" && outcome == \"503\"")
  first_refused=$(csv_query "$csv" min end "outcome == \"refused\"")
  refused_before=$(csv_query "$csv" count "outcome == \"refused\" && ($first_503 < 0 || end < $first_503)")
  echo "  SIGTERM at +0 ms with $in_flight API requests in flight; readiness first 503 at +$((first_503 - term_ms)) ms," \
    "first refused connection at +$((first_refused - term_ms)) ms, exit code $code at +$((exit_ms - term_ms)) ms"
  echo "  failures among accepted API requests: $(outcomes "$csv" "$API_OPS && outcome != \"refused\" && outcome !~ /^2/")"
  check "$accepted > 0 && $failed == 0" "every accepted API request answered 2xx: $failed failed of $accepted accepted"
  check "$first_503 > 0" "readiness answered 503 while draining (first at +$((first_503 - term_ms)) ms)"
  check "$refused > 0 && $refused_before == 0" "new connections refused only after readiness turned 503: $refused_before of $refused refusals came earlier"
  check "$code == 0" "exit code 0 (was $code)"
  check "$exit_ms - $term_ms <= $SIGTERM_SHUTDOWN_TIMEOUT_S * 1000" "exited within SHUTDOWN_TIMEOUT=${SIGTERM_SHUTDOWN_TIMEOUT_S}s ($((exit_ms - term_ms)) ms)"
  local data=0
  write_check "$work/acks.tsv" || data=$?
  check "$data == 0" "every acknowledged write is in the database, with its tags"
  suite_end
}

release_memory_cgroup() { :; }
