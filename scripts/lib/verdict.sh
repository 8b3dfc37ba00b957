# shellcheck shell=bash
# Counting breaches: every check prints what it checked and the figure; a suite passes when none
# of its checks failed, and the run fails when any suite did.
#   suite_begin NAME DESCRIPTION   check "ARITHMETIC" MESSAGE   suite_end
# check's first argument is a bash arithmetic expression over already-expanded figures, e.g.
# check "$failed == 0" "no accepted request failed ($failed)".

SUITE_NAME=""
SUITE_BREACHES=0
FAILED_SUITES=()
PASSED_SUITES=()

suite_begin() {
  SUITE_NAME=$1
  SUITE_BREACHES=0
  echo
  echo "=== $1: $2"
}

check() {
  if (($1)); then
    echo "  ok     $2"
  else
    echo "  BREACH $2"
    SUITE_BREACHES=$((SUITE_BREACHES + 1))
  fi
}

suite_end() {
  if ((SUITE_BREACHES == 0)); then
    echo "PASS $SUITE_NAME"
    PASSED_SUITES+=("$SUITE_NAME")
  else
    echo "FAIL $SUITE_NAME ($SUITE_BREACHES breaches)"
    FAILED_SUITES+=("$SUITE_NAME")
  fi
}
