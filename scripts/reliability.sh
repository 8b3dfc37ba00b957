#!/usr/bin/env bash
# make reliability: fault suites under load, faults and hostile input, against the packaged jar
# (target/api.jar) and a real PostgreSQL, all on 127.0.0.1:
#   sigterm       SIGTERM under sustained load: nothing accepted fails, exit 0 in time, no write lost
#   db-outage     PostgreSQL stopped for 4 s under load: 503s within the request timeout, recovery within 2 s, no loss
#   db-absent     PostgreSQL missing at start: not ready, then ready once it appears
#   slow-clients  slowloris, header and body limits, bounded connections
#   memory        a 256 MiB memory budget through a long load run: no OOM, flat memory
# Usage: scripts/reliability.sh [SUITE...] (default: all). Each suite prints its figures and a
# PASS/FAIL line; the exit status is 1 when any suite found a breach. Work files: target/reliability.
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
# shellcheck source=scripts/lib/suites.sh
source scripts/lib/suites.sh

WORK=target/reliability
ALL_SUITES=(sigterm db-outage db-absent slow-clients memory)

cleanup() {
  stop_app
  stop_postgres
  if [[ -n ${DRIVER_PID:-} ]] && kill -0 "$DRIVER_PID" 2>/dev/null; then kill "$DRIVER_PID"; fi
  release_memory_cgroup
}
trap cleanup EXIT

main() {
  local suites=("$@")
  ((${#suites[@]} > 0)) || suites=("${ALL_SUITES[@]}")
  for suite in "${suites[@]}"; do
    [[ " ${ALL_SUITES[*]} " == *" $suite "* ]] || { echo "unknown suite '$suite' (${ALL_SUITES[*]})" >&2; exit 2; }
  done
  command -v curl >/dev/null || { echo "FAIL curl is needed" >&2; exit 1; }
  echo "building target/api.jar and the test classes (load driver, checks, embedded PostgreSQL)..."
  ./mvnw -q -B -ntp -DskipTests package
  rm -f target/test-classpath.txt
  test_classpath >/dev/null
  rm -rf "$WORK"
  mkdir -p "$WORK"
  local started=$SECONDS
  for suite in "${suites[@]}"; do
    "suite_${suite//-/_}" "$WORK/$suite"
    cleanup
  done
  echo
  echo "reliability: ${#PASSED_SUITES[@]} passed (${PASSED_SUITES[*]:-none}), ${#FAILED_SUITES[@]} failed (${FAILED_SUITES[*]:-none}) in $((SECONDS - started)) s on $(nproc) cores, $(date -u +%Y-%m-%d)"
  ((${#FAILED_SUITES[@]} == 0))
}

main "$@"
