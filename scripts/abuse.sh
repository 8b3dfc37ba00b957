#!/usr/bin/env bash
# make abuse: abuse by valid requests in bad numbers and sizes against the packaged jar (target/api.jar) and a real
# PostgreSQL, under the memory suite's 256 MiB budget (its cgroup and JVM flags) and behind a proxy
# configuration: TRUSTED_PROXIES=127.0.0.1, every request sent with an X-Forwarded-For naming its
# client, as a proxy would. Each attack prints its figures and ok/BREACH:
#   comments   ABUSE_COMMENTS (5,000) comments of 10,000 characters on one article, then parallel
#              anonymous reads: bounded responses, no OOM, liveness answers
#   tags       ABUSE_TAG_ARTICLES (200) articles of 20 new tags each: a bounded tag list
#   login      1 MB emails (refused, bounded RSS); another client's login and an account's owner
#              are never 429'd by someone else's wrong logins
#   signups    24 sign-ups at once: 201, or 503 with Retry-After and the user not created
#   tokens     a token from before a password change, and a deleted user's token: 401
#   browser    CORS preflight from an allowed origin; /metrics only on METRICS_PORT
#   trace      LOG_LEVEL=TRACE (a run of its own): no SCRAM exchange, no password in the log
# Throughout, liveness and readiness are sampled for another client every 200 ms; the worst is
# reported and must be 200 within 2 s. Usage: scripts/abuse.sh; exit 1 on any breach. Work files:
# target/abuse.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/app.sh
source scripts/lib/app.sh
# shellcheck source=scripts/lib/verdict.sh
source scripts/lib/verdict.sh
# shellcheck source=scripts/lib/suites.sh
source scripts/lib/suites.sh

WORK=target/abuse
COMMENTS=${ABUSE_COMMENTS:-5000}
TAG_ARTICLES=${ABUSE_TAG_ARTICLES:-200}
PASSWORD="abuse-suite password 1"
ALLOWED_ORIGIN=https://conduit.example
SAMPLER_PID=""

cleanup() {
  if [[ -n $SAMPLER_PID ]] && kill -0 "$SAMPLER_PID" 2>/dev/null; then kill "$SAMPLER_PID"; fi
  stop_app
  stop_postgres
  release_memory_cgroup
}
trap cleanup EXIT

# api METHOD PATH CLIENT [TOKEN] [BODY_FILE]: the request through the "proxy" for CLIENT (an
# address sent as X-Forwarded-For); prints the status, the body goes to $WORK/body
api() {
  local args=(-s -o "$WORK/body" -w '%{http_code}' --max-time 30 -X "$1"
    -H "X-Forwarded-For: $3" -H 'Content-Type: application/json')
  [[ -n ${4:-} ]] && args+=(-H "Authorization: Token $4")
  [[ -n ${5:-} ]] && args+=(--data-binary "@$5")
  curl "${args[@]}" "$APP_URL$2" || echo 000
}

json_field() { grep -o "\"$1\":\"[^\"]*\"" "$WORK/body" | head -1 | cut -d'"' -f4; }

user_json() { # user_json FILE USERNAME EMAIL PASSWORD
  printf '{"user":{"username":"%s","email":"%s","password":"%s"}}' "$2" "$3" "$4" >"$1"
}

# register USERNAME CLIENT: prints the token (empty when the sign-up failed)
register() {
  user_json "$WORK/user.json" "$1" "$1@abuse.example" "$PASSWORD"
  [[ $(api POST /api/users "$2" "" "$WORK/user.json") == 201 ]] && json_field token
}

rss_mib() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$APP_PID/status"; }

# Liveness and readiness for another client, every 200 ms, as "probe status seconds"
start_sampler() {
  (
    while true; do
      for probe in live ready; do
        curl -s -o /dev/null -w "$probe %{http_code} %{time_total}\n" --max-time 5 \
          -H 'X-Forwarded-For: 198.51.100.7' "$APP_URL/api/v1/health/$probe" || true # -w prints 000 on a timeout
      done
      sleep 0.2
    done
  ) >"$WORK/probes.txt" 2>/dev/null &
  SAMPLER_PID=$!
}

report_sampler() {
  kill "$SAMPLER_PID" 2>/dev/null || true
  wait "$SAMPLER_PID" 2>/dev/null || true
  SAMPLER_PID=""
  local probe samples bad worst
  for probe in live ready; do
    samples=$(grep -c "^$probe " "$WORK/probes.txt" || true)
    bad=$(awk -v p="$probe" '$1 == p && $2 != 200' "$WORK/probes.txt" | wc -l)
    worst=$(awk -v p="$probe" '$1 == p && $3 > w { w = $3 } END { printf "%d", w * 1000 }' "$WORK/probes.txt")
    check "$samples > 0 && $bad == 0 && $worst < 2000" \
      "$probe for another client throughout: $bad of $samples samples not 200, worst $worst ms"
  done
}

attack_comments() {
  echo "--- comments: $COMMENTS comments of 10,000 characters, then 6 x 5 anonymous reads"
  local token slug
  token=$(register "commenter$RANDOM" 203.0.113.10)
  printf '{"article":{"title":"Flooded %s","description":"d","body":"b","tagList":[]}}' "$RANDOM" >"$WORK/article.json"
  api POST /api/articles 203.0.113.10 "$token" "$WORK/article.json" >/dev/null
  slug=$(json_field slug)
  printf '{"comment":{"body":"%s"}}' "$(head -c 10000 /dev/zero | tr '\0' 'c')" >"$WORK/comment.json"
  local started=$SECONDS
  curl -s --no-progress-meter -Z --parallel-max 4 -o /dev/null -w '%{http_code}\n' --max-time 30 \
    -H 'X-Forwarded-For: 203.0.113.10' -H 'Content-Type: application/json' \
    -H "Authorization: Token $token" --data-binary "@$WORK/comment.json" \
    "$APP_URL/api/articles/$slug/comments?[1-$COMMENTS]" >"$WORK/comment-posts.txt" || true
  local created
  created=$(grep -c '^201$' "$WORK/comment-posts.txt" || true)
  echo "  posted in $((SECONDS - started)) s: $(sort "$WORK/comment-posts.txt" | uniq -c | awk '{ printf "%s x %s  ", $1, $2 }')"
  local stored
  stored=$(java -cp "$(test_classpath)" io.realworld.api.reliability.SqlUpdate "$DATABASE_URL" \
    "SELECT count(*) FROM comments c JOIN articles a ON a.id = c.article_id WHERE a.slug = ?" "$slug")
  check "$created == $COMMENTS && $stored == $COMMENTS" "every comment acknowledged and stored ($created answered 201, $stored in PostgreSQL, of $COMMENTS)"
  local rss_before
  rss_before=$(rss_mib)
  curl -s --no-progress-meter -Z --parallel-max 6 -o /dev/null -w '%{http_code} %{size_download}\n' --max-time 30 \
    -H 'X-Forwarded-For: 203.0.113.11' "$APP_URL/api/articles/$slug/comments?[1-30]" \
    >"$WORK/comment-reads.txt" || true
  local ok biggest
  ok=$(grep -c '^200 ' "$WORK/comment-reads.txt" || true)
  biggest=$(awk '$2 > b { b = $2 } END { print b + 0 }' "$WORK/comment-reads.txt")
  echo "  RSS $rss_before MiB before the reads, $(rss_mib) MiB after"
  check "$ok == 30" "parallel anonymous reads answered 200 ($ok of 30)"
  check "$biggest <= 1100000" "each response bounded: the largest $biggest bytes (the newest 100 comments; 51 MB before)"
  check "$(grep -c OutOfMemoryError "$WORK/app.log" || true) == 0" "no OutOfMemoryError in the log"
}

attack_tags() {
  echo "--- tags: $TAG_ARTICLES articles of 20 new tags each"
  local token i j tags
  token=$(register "tagger$RANDOM" 203.0.113.20)
  : >"$WORK/tags.curl"
  for ((i = 0; i < TAG_ARTICLES; i++)); do
    tags=""
    for ((j = 0; j < 20; j++)); do tags+="${tags:+,}\"t$RANDOM-$i-$j\""; done
    printf '{"article":{"title":"Tagged %s","description":"d","body":"b","tagList":[%s]}}' "$i" "$tags" >"$WORK/tags-$i.json"
    # curl's options hold for one request up to its "next": each request names them all
    printf 'url = "%s/api/articles"\ndata-binary = "@%s"\noutput = "/dev/null"\nheader = "%s"\nheader = "%s"\nheader = "%s"\nwrite-out = "%%{http_code}\\n"\nmax-time = 30\n' \
      "$APP_URL" "$WORK/tags-$i.json" "X-Forwarded-For: 203.0.113.20" "Content-Type: application/json" \
      "Authorization: Token $token" >>"$WORK/tags.curl"
    ((i + 1 == TAG_ARTICLES)) || echo next >>"$WORK/tags.curl"
  done
  curl -s --no-progress-meter -Z --parallel-max 4 -K "$WORK/tags.curl" >"$WORK/tag-posts.txt" 2>/dev/null || true
  local created listed bytes
  created=$(grep -c '^201$' "$WORK/tag-posts.txt" || true)
  curl -s -o "$WORK/body" -w '%{size_download}' -H 'X-Forwarded-For: 203.0.113.21' "$APP_URL/api/tags" >"$WORK/tags-size.txt" || true
  bytes=$(cat "$WORK/tags-size.txt")
  listed=$(grep -o '"[^"]*"' "$WORK/body" | grep -vc '^"tags"$' || true)
  check "$created == $TAG_ARTICLES" "articles with 20 tags each created ($created of $TAG_ARTICLES, $((created * 20)) tags)"
  check "$listed <= 100 && $bytes < 20000" "GET /api/tags bounded: $listed tags, $bytes bytes (13 MB with 200,000 tags before)"
}

attack_login() {
  echo "--- login: 1 MB emails; other clients' and the owner's logins under someone's wrong logins"
  local email status i
  email="$(head -c 1048576 /dev/zero | tr '\0' 'e')@abuse.example"
  printf '{"user":{"email":"%s","password":"wrong password"}}' "$email" >"$WORK/huge-login.json"
  local rss_before rss_after refused=0
  rss_before=$(rss_mib)
  for ((i = 1; i <= 50; i++)); do
    status=$(api POST /api/users/login "192.0.2.$i" "" "$WORK/huge-login.json")
    [[ $status == 422 || $status == 413 ]] && refused=$((refused + 1))
  done
  rss_after=$(rss_mib)
  check "$refused == 50" "50 logins with a 1 MB email refused with 422/413 ($refused)"
  check "$rss_after - $rss_before < 20" "RSS $rss_before -> $rss_after MiB over them (the heap grew 52 MB before)"

  local victim bystander owner
  victim="victim$RANDOM"
  bystander="bystander$RANDOM"
  owner="owner$RANDOM"
  register "$victim" 198.51.100.20 >/dev/null
  register "$bystander" 198.51.100.21 >/dev/null
  register "$owner" 198.51.100.30 >/dev/null
  user_json "$WORK/wrong.json" "" "$victim@abuse.example" "not the password"
  user_json "$WORK/right.json" "" "$bystander@abuse.example" "$PASSWORD"
  local throttled=0
  for ((i = 1; i <= 12; i++)); do
    [[ $(api POST /api/users/login 192.0.2.66 "" "$WORK/wrong.json") == 429 ]] && throttled=$((throttled + 1))
  done
  check "$throttled > 0" "the guessing client is throttled: $throttled of 12 wrong logins answered 429"
  status=$(api POST /api/users/login 198.51.100.21 "" "$WORK/right.json")
  check "$status == 200" "another client's correct login (another account, another X-Forwarded-For) meanwhile: $status (429 behind a proxy before)"

  user_json "$WORK/owner.json" "" "$owner@abuse.example" "$PASSWORD"
  user_json "$WORK/owner-wrong.json" "" "$owner@abuse.example" "not the password"
  api POST /api/users/login 198.51.100.30 "" "$WORK/owner.json" >/dev/null
  for ((i = 1; i <= 10; i++)); do
    api POST /api/users/login "192.0.2.$((100 + i))" "" "$WORK/owner-wrong.json" >/dev/null
  done
  status=$(api POST /api/users/login 198.51.100.30 "" "$WORK/owner.json")
  check "$status == 200" "the owner logs in after 10 wrong logins on their email from 10 addresses: $status (locked out before)"
}

attack_signups() {
  echo "--- signups: 24 at once"
  local i
  : >"$WORK/signups.curl"
  for ((i = 1; i <= 24; i++)); do
    user_json "$WORK/signup-$i.json" "burst$$-$i" "burst$$-$i@abuse.example" "$PASSWORD"
    printf 'url = "%s/api/users"\ndata-binary = "@%s"\noutput = "%s"\ndump-header = "%s"\nheader = "X-Forwarded-For: 203.0.113.%d"\nheader = "Content-Type: application/json"\nwrite-out = "%%{http_code} %d\\n"\nmax-time = 60\n' \
      "$APP_URL" "$WORK/signup-$i.json" "$WORK/signup-$i.out" "$WORK/signup-$i.headers" "$((30 + i))" "$i" >>"$WORK/signups.curl"
    ((i == 24)) || echo next >>"$WORK/signups.curl"
  done
  curl -s --no-progress-meter -Z --parallel-max 24 -K "$WORK/signups.curl" >"$WORK/signups.txt" 2>/dev/null || true
  local created=0 refused=0 other=0 without_retry=0 existing=0 retried=0 status n
  while read -r status n; do
    case $status in
      201) created=$((created + 1)) ;;
      503)
        refused=$((refused + 1))
        grep -qi '^retry-after:' "$WORK/signup-$n.headers" || without_retry=$((without_retry + 1))
        [[ $(api GET "/api/profiles/burst$$-$n" 203.0.113.99) == 404 ]] || existing=$((existing + 1))
        [[ $(api POST /api/users "203.0.113.$((30 + n))" "" "$WORK/signup-$n.json") == 201 ]] && retried=$((retried + 1))
        ;;
      *) other=$((other + 1)) ;;
    esac
  done <"$WORK/signups.txt"
  echo "  $created x 201, $refused x 503, $other other"
  check "$created + $refused == 24 && $other == 0" "every sign-up answered 201 or 503"
  check "$without_retry == 0" "every 503 carries Retry-After ($without_retry without)"
  check "$existing == 0 && $retried == $refused" "no 503'd user exists ($existing do) and each retry is 201, not 409 ($retried of $refused)"
}

attack_tokens() {
  echo "--- tokens: after a password change, after the user's deletion"
  local name old new status
  name="changer$RANDOM"
  old=$(register "$name" 203.0.113.60)
  printf '{"user":{"password":"%s"}}' "another password 2" >"$WORK/password.json"
  api PUT /api/user 203.0.113.60 "$old" "$WORK/password.json" >/dev/null
  new=$(json_field token)
  status=$(api GET /api/user 203.0.113.60 "$old")
  check "$status == 401" "the token from before the password change: $status"
  check "$(api GET /api/user 203.0.113.60 "$new") == 200" "the fresh token from the change works"
  name="deleted$RANDOM"
  old=$(register "$name" 203.0.113.61)
  java -cp "$(test_classpath)" io.realworld.api.reliability.SqlUpdate "$DATABASE_URL" \
    "DELETE FROM users WHERE username = ?" "$name" >/dev/null
  printf '{"article":{"title":"Ghost","description":"d","body":"b"}}' >"$WORK/ghost.json"
  status=$(api POST /api/articles 203.0.113.61 "$old" "$WORK/ghost.json")
  check "$status == 401" "a deleted user's token on POST /api/articles: $status (500 before)"
}

attack_browser() {
  echo "--- browser: CORS preflight, /metrics"
  local headers
  headers=$(curl -s -o /dev/null -D - -X OPTIONS -H "Origin: $ALLOWED_ORIGIN" \
    -H 'Access-Control-Request-Method: POST' -H 'Access-Control-Request-Headers: authorization,content-type' \
    -H 'X-Forwarded-For: 203.0.113.70' "$APP_URL/api/articles" | tr -d '\r')
  local status
  status=$(head -1 <<<"$headers" | cut -d' ' -f2)
  check "${status:-0} >= 200 && ${status:-0} < 300" "preflight from $ALLOWED_ORIGIN answered $status"
  check "$(grep -ci "^access-control-allow-origin: $ALLOWED_ORIGIN" <<<"$headers" || true) == 1" "it allows that origin"
  check "$(http_status "$APP_URL/metrics") == 404" "/metrics not on the API port ($(http_status "$APP_URL/metrics"))"
  check "$(http_status "http://127.0.0.1:$METRICS/metrics") == 200" "/metrics on METRICS_PORT"
}

attack_trace() {
  echo "--- trace: LOG_LEVEL=TRACE, a sign-up, a login, a password change"
  start_app "$WORK/trace.log" LOG_LEVEL=TRACE TRUSTED_PROXIES=127.0.0.1
  wait_for_status "$APP_URL/api/v1/health/ready" 200 60 || { check "0" "the TRACE service became ready"; return; }
  local name token
  name="tracer$RANDOM"
  token=$(register "$name" 203.0.113.80)
  user_json "$WORK/trace-login.json" "" "$name@abuse.example" "$PASSWORD"
  api POST /api/users/login 203.0.113.80 "" "$WORK/trace-login.json" >/dev/null
  printf '{"user":{"password":"%s"}}' "traced password 3" >"$WORK/trace-password.json"
  api PUT /api/user 203.0.113.80 "$token" "$WORK/trace-password.json" >/dev/null
  stop_app
  local lines leaks
  lines=$(wc -l <"$WORK/trace.log")
  leaks=$(grep -ciE "scram|client-final|$PASSWORD|traced password 3|$RELIABILITY_JWT_SECRET" "$WORK/trace.log" || true)
  check "$lines > 50 && $leaks == 0" "$lines log lines at TRACE, $leaks with SCRAM, a password or the JWT secret"
}

main() {
  command -v curl >/dev/null || { echo "BREACH curl is needed" >&2; exit 1; }
  echo "building target/api.jar and the test classes (embedded PostgreSQL, SqlUpdate)..."
  ./mvnw -q -B -ntp -DskipTests package
  rm -f target/test-classpath.txt
  test_classpath >/dev/null
  rm -rf "$WORK"
  mkdir -p "$WORK"
  local started=$SECONDS
  suite_begin abuse "abuse by valid requests, 256 MiB, behind a proxy (TRUSTED_PROXIES=127.0.0.1)"
  echo "  $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
  enter_memory_budget abuse
  start_postgres
  METRICS=$(free_port)
  APP_JAVA_OPTIONS="$MEMORY_JAVA_OPTIONS" start_app "$WORK/app.log" TRUSTED_PROXIES=127.0.0.1 \
    CORS_ALLOWED_ORIGINS="$ALLOWED_ORIGIN" METRICS_PORT="$METRICS"
  APP_WRAPPER=""
  wait_for_status "$APP_URL/api/v1/health/ready" 200 60 || { check "0" "the service became ready"; suite_end; exit 1; }
  start_sampler
  attack_comments
  attack_tags
  attack_login
  attack_signups
  attack_tokens
  attack_browser
  report_sampler
  check "$(kill -0 "$APP_PID" 2>/dev/null && echo 1 || echo 0) == 1" "alive after every attack"
  if [[ -n $MEMORY_CGROUP ]]; then
    echo "  cgroup: peak $(($(cat "$MEMORY_CGROUP/memory.max_usage_in_bytes") / 1024 / 1024)) MiB of 256, limit hit $(cat "$MEMORY_CGROUP/memory.failcnt") times; RSS at the end $(rss_mib) MiB"
  fi
  stop_app
  release_memory_cgroup
  attack_trace
  suite_end
  echo
  echo "abuse: ${#PASSED_SUITES[@]} passed, ${#FAILED_SUITES[@]} failed in $((SECONDS - started)) s on $(nproc) cores, $(date -u +%Y-%m-%d)"
  ((${#FAILED_SUITES[@]} == 0))
}

main "$@"
