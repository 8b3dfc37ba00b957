# shellcheck shell=bash
# The startup cache: the classes the service loads at start, loaded, verified and linked once at
# build time by a training run, so that every start maps them instead of loading thousands of
# classes from jars (docs/image.md "Startup" has the count a real image took). Java 25+ gets the
# AOT cache (-XX:AOTCacheOutput, JEP 483/514/515), older JVMs a dynamic CDS archive
# (-XX:ArchiveClassesAtExit); the same split as
# Paketo's spring-boot buildpack, whose training run only works for Spring apps.
#
# The cache takes jars only (a non-empty directory such as BOOT-INF/classes is refused, even last on
# the class path), so the application's classes are jarred into the layer, and the JVM is launched
# with `-cp application.jar:<BOOT-INF/lib jars in classpath.idx order> <Start-Class>`. A cache is
# only valid for the JVM that wrote it and the jars it was written from, down to their mtimes on
# Java 17-21: the training run uses the JRE the image launches, over jars whose times are already
# the lifecycle's normalised 1980-01-01T00:00:01Z.
#
# The training run needs no database: the service starts (readiness 503 while the database is
# unreachable), answers a few requests and drains on SIGTERM; the JVM writes the cache as it exits.
#
# Proven in images built by the real pack and lifecycle with libjvm's JVM buildpack (docs/image.md):
# the JRE is a build layer under /layers/*/jre, the JDK's jar is under /layers/*/jdk/bin, the
# training run works inside the build container, and the JVM takes the cache in containers of 256
# MiB to 768 MiB once the lifecycle has normalised the files' times.
#
#   write_startup_cache LAYER START_CLASS   builds LAYER: application.jar, the cache, and
#                                           java-options (an @argfile for the launch command).
#                                           Returns 1 (saying why) when this build has no java or
#                                           jar tool, 2 when the training run fails.

readonly NORMALISED_MTIME=198001010000.01 # touch -t in UTC: the time the lifecycle gives every file
readonly TRAINING_SECONDS_TO_LIVE=60
readonly TRAINING_SECONDS_TO_EXIT=180

# The JRE's java that the image launches: the JVM buildpack's jre layer (Paketo's bellsoft-liberica
# makes it a build layer too when asked, see bin/detect), or else the java on PATH.
launch_java() {
  local layers_root=$1 jres
  shopt -s nullglob
  jres=("$layers_root"/*/jre/bin/java)
  shopt -u nullglob
  if ((${#jres[@]} == 1)); then
    echo "${jres[0]}"
  else
    command -v java
  fi
}

# The JDK's jar tool: the JVM buildpack's jdk layer (a build layer, see bin/detect), JAVA_HOME's,
# or else the jar on PATH.
jar_tool() {
  local candidate
  for candidate in "$1"/*/jdk/bin/jar "${JAVA_HOME:-/nonexistent}/bin/jar"; do
    if [[ -x $candidate ]]; then
      echo "$candidate"
      return
    fi
  done
  command -v jar
}

java_feature_version() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}

# application.jar first (as JarLauncher puts BOOT-INF/classes first), then the libraries in the
# order Spring Boot's classpath.idx gives them.
application_class_path() {
  local entries=("$1/application.jar") entry
  while read -r entry; do
    entry=${entry#- \"}
    entries+=("$PWD/${entry%\"}")
  done <BOOT-INF/classpath.idx
  local IFS=:
  echo "${entries[*]}"
}

# A GET or POST over bash's /dev/tcp (the build image need not have curl); prints the status line.
training_request() {
  local port=$1 method=$2 path=$3 body=${4:-}
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nAuthorization: Token not.a.token\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$method" "$path" "${#body}" "$body" >&3
  head -n 1 <&3 | tr -d '\r'
  exec 3<&-
}

free_training_port() {
  local port
  for port in $(seq 18400 18499); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  return 1
}

# Starts the service with the cache-writing flag, waits until it is live, sends the requests a
# start and its first requests go through, then SIGTERM: exit 0 writes the cache.
training_run() {
  local java=$1 write_flag=$2 options=$3 start_class=$4 log=$5 port pid waited=0 status
  port=$(free_training_port)
  env -i PATH="$PATH" PORT="$port" LOG_LEVEL=INFO \
    DATABASE_URL="postgres://training@127.0.0.1:9/training" \
    JWT_SECRET="training-run-only-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
    "$java" "$write_flag" "@$options" "$start_class" >"$log" 2>&1 &
  pid=$!
  until [[ $(training_request "$port" GET /api/v1/health/live 2>/dev/null) == *" 200"* ]]; do
    if ! kill -0 "$pid" 2>/dev/null || ((waited > TRAINING_SECONDS_TO_LIVE * 10)); then
      echo "processes: FAILED: the training run did not become live; its log:" >&2
      tail -n 20 "$log" >&2
      kill -KILL "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  local requests=0
  for _ in 1 2 3; do
    for path in /api/v1/health/ready /api/v1/health /api/tags "/api/articles?limit=20" \
      /api/articles/feed /api/articles/training /api/articles/training/comments \
      /api/profiles/training /metrics /no-such-route; do
      training_request "$port" GET "$path" >/dev/null
      requests=$((requests + 1))
    done
    training_request "$port" POST /api/users/login \
      '{"user":{"email":"training@example.com","password":"training-password"}}' >/dev/null
    training_request "$port" POST /api/users '{"user":' >/dev/null
    requests=$((requests + 2))
  done
  kill -TERM "$pid"
  waited=0
  while kill -0 "$pid" 2>/dev/null && ((waited < TRAINING_SECONDS_TO_EXIT * 10)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  status=0
  wait "$pid" || status=$?
  if ((status != 0)); then
    echo "processes: FAILED: the training run exited $status after SIGTERM (expected 0); its log:" >&2
    tail -n 20 "$log" >&2
    return 1
  fi
  echo "processes: training run: live, $requests requests, drained on SIGTERM, exit 0"
}

write_startup_cache() {
  local layer=$1 start_class=$2 layers_root java jar version cache write_flag read_flag
  layers_root=$(dirname "$layer")
  layers_root=$(dirname "$layers_root")
  java=$(launch_java "$layers_root") || { echo "processes: no startup cache: no java in this build"; return 1; }
  jar=$(jar_tool "$layers_root") || { echo "processes: no startup cache: no jar tool (JDK) in this build"; return 1; }
  version=$(java_feature_version "$java")
  if ((version >= 25)); then
    cache=$layer/application.aot
    write_flag=-XX:AOTCacheOutput=$cache
    read_flag=-XX:AOTCache=$cache
  else
    cache=$layer/application.jsa
    write_flag=-XX:ArchiveClassesAtExit=$cache
    read_flag=-XX:SharedArchiveFile=$cache
  fi

  # Called as a condition, where set -e does not act: every step checks its own failure.
  rm -rf "$layer" && mkdir -p "$layer" || return 2
  printf '[types]\nlaunch = true\n' >"$layer.toml" || return 2
  "$jar" --create --file "$layer/application.jar" --no-manifest -C BOOT-INF/classes . || return 2
  TZ=UTC0 touch -c -t "$NORMALISED_MTIME" "$layer/application.jar" BOOT-INF/lib/*.jar || return 2
  # JVM warnings (a cache it cannot use, say) go to stderr: stdout carries only JSON events.
  printf '%s\n' -Xlog:all=off -Xlog:all=warning:stderr -cp "$(application_class_path "$layer")" \
    >"$layer/training-options" || return 2

  training_run "$java" "$write_flag" "$layer/training-options" "$start_class" \
    "$layer/training-run.log" || return 2
  if [[ ! -s $cache ]]; then
    echo "processes: FAILED: the training run wrote no $cache; its log:" >&2
    tail -n 20 "$layer/training-run.log" >&2
    return 2
  fi
  { echo "$read_flag"; cat "$layer/training-options"; } >"$layer/java-options" || return 2
  rm "$layer/training-options" "$layer/training-run.log" || return 2
  echo "processes: startup cache $cache ($(($(stat -c %s "$cache") / 1048576)) MB, Java $version, $java)"
}
