# shellcheck shell=bash
# The load driver (io.realworld.api.reliability.LoadDriver, src/tools/java) and queries over the
# requests.csv it writes: one row per request, "start_ms,end_ms,op,outcome". Queries take an awk
# condition over the names start, end, op, outcome and latency (end - start), e.g.
#   csv_query "$out/requests.csv" count 'op == "create" && outcome == "201"'
#   csv_query "$out/requests.csv" max latency 'outcome == "503"'      (-1 when no row matches)
#   csv_percentile "$out/requests.csv" 99 'op == "list"'

# shellcheck disable=SC2034 # read by the suites (scripts/lib/suites.sh)
API_OPS='op != "ready" && op != "live"'

# run_driver OUT_DIR key=value...: LoadDriver against APP_URL, in the background; sets DRIVER_PID
run_driver() {
  local out=$1
  shift
  mkdir -p "$out"
  java -cp "$(test_classpath)" io.realworld.api.reliability.LoadDriver url="$APP_URL" \
    out="$out" "$@" >"$out/driver.log" 2>&1 &
  DRIVER_PID=$!
}

# wait_driver OUT_DIR: waits for it and prints its summary
wait_driver() {
  wait "$DRIVER_PID" || { echo "  the load driver failed:"; sed 's/^/    /' "$1/driver.log"; return 1; }
  sed 's/^/  /' "$1/driver.log"
}

csv_query() {
  local file=$1 aggregate=$2
  if [[ $aggregate == count ]]; then
    local expression=1 condition=$3
  else
    local expression=$3 condition=$4
  fi
  awk -F, -v aggregate="$aggregate" "
    NR > 1 {
      start = \$1; end = \$2; op = \$3; outcome = \$4; latency = end - start
      if ($condition) {
        value = $expression; n++
        if (n == 1 || value < min) min = value
        if (n == 1 || value > max) max = value
      }
    }
    END {
      if (aggregate == \"count\") print n + 0
      else if (n == 0) print -1
      else if (aggregate == \"min\") print min
      else print max
    }" "$file"
}

csv_percentile() {
  local file=$1 percent=$2 condition=$3
  awk -F, "NR > 1 { start = \$1; end = \$2; op = \$3; outcome = \$4; latency = end - start
                    if ($condition) print latency }" "$file" | sort -n |
    awk -v p="$percent" '{ v[NR] = $1 } END { if (NR == 0) { print -1; exit }
      i = int(p / 100 * NR + 0.999999); if (i < 1) i = 1; print v[i] }'
}

# outcomes FILE CONDITION: "outcome count" pairs of the matching rows, on one line
outcomes() {
  awk -F, "NR > 1 { start = \$1; end = \$2; op = \$3; outcome = \$4; latency = end - start
                    if ($2) n[outcome]++ }
           END { for (o in n) printf \"%s=%d \", o, n[o] }" "$1"
}

# write_check ACKS: WriteCheck against DATABASE_URL; prints its figures
write_check() {
  java -cp "$(test_classpath)" io.realworld.api.reliability.WriteCheck "$DATABASE_URL" "$1" |
    sed 's/^/  /'
  return "${PIPESTATUS[0]}"
}

# wait_for_load OUT_DIR: until the driver has its users and sends at the steady rate
wait_for_load() {
  local tries=0
  until grep -q '^load:' "$1/driver.log" 2>/dev/null; do
    kill -0 "$DRIVER_PID" 2>/dev/null && ((tries++ < 1200)) || return 1
    sleep 0.05
  done
}
