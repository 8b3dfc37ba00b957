#!/usr/bin/env bash
# make verify-prod: proves the production contract of what we ship, one line per check:
#   PASS <check> | FAIL <check>: <why> | SKIPPED <check>: <reason>
# and exits non-zero on any FAIL.
#
# Image mode (wherever a container engine answers): builds the image `api` with scripts/image.sh
# (pack; VERIFY_BUILD=maven: spring-boot:build-image; the Paketo builder, else the local stand-in)
# from a copy of the source tree holding canary secret files, builds it again (same source) and
# once more after a source-only change, then runs the contract suite against the containers.
# Process mode (where no engine answers): the same with ./mvnw package, against target/api.jar laid
# out and run the way the image runs it. Checks only an image can answer are SKIPPED, never PASS.
# VERIFY_MODE=image|process overrides the detection.
#
# Every check is a test method of src/it/java/io/realworld/api/contract (one source of truth
# for both modes); this script builds what they inspect and reports their results.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

say() { printf '== %s\n' "$*"; }

mode=${VERIFY_MODE:-}
if [[ -z $mode ]]; then
  if docker info >/dev/null 2>&1; then
    mode=image
  else
    mode=process
  fi
fi
case $mode in
  image | process) ;;
  *) echo "VERIFY_MODE must be image or process, not '$mode'" >&2; exit 2 ;;
esac
say "mode: $mode"

work=$(mktemp -d "${TMPDIR:-/tmp}/verify-prod.XXXXXX")
trap 'rm -rf "$work"' EXIT
source_copy="$work/source"
mkdir -p "$source_copy"

# The working tree as it is (uncommitted changes included, ignored files such as target/ and
# .data/ left out), so that the canaries never touch the real tree.
say "copying the source tree to $source_copy"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do [[ -e $file ]] && printf '%s\0' "$file"; done |
    tar --null -T - -cf - | tar -xf - -C "$source_copy"
else
  tar --exclude=./target --exclude=./.data --exclude=./.git -cf - . | tar -xf - -C "$source_copy"
fi

# Canaries: secret material a developer could leave in the tree. Neither may reach any layer,
# and the build must still succeed (the exclude list keeps them out of what pack uploads).
canary() { printf 'canary-%s-%s' "$1" "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"; }
env_canary=$(canary env-file)
key_canary=$(canary private-key)
printf 'JWT_SECRET=%s\n' "$env_canary" >"$source_copy/.env"
mkdir -p "$source_copy/secrets"
printf -- '-----BEGIN PRIVATE KEY-----\n%s\n-----END PRIVATE KEY-----\n' \
  "$(printf '%s' "$key_canary" | base64 -w0)" >"$source_copy/secrets/deploy.pem"
# The key file holds the canary base64-encoded, as a key body is: look for that form too.
canaries="$env_canary,$(printf '%s' "$key_canary" | base64 -w0)"
say "planted canaries: .env and secrets/deploy.pem in the copy"

# A source-only change: one more class, no dependency touched.
change_source() {
  cat >"$source_copy/src/main/java/io/realworld/api/VerifyProdSourceChange.java" <<'JAVA'
package io.realworld.api;

/** Added by scripts/verify-prod.sh to a copy of the tree: a source-only change. */
final class VerifyProdSourceChange {
}
JAVA
}

build_log="$work/build.log"
build_failed() {
  echo "FAIL $1: see the build output below"
  tail -n 40 "$build_log"
  exit 1
}

maven_properties=()
if [[ $mode == image ]]; then
  # One named cache for the three builds: the later ones reuse the first one's Maven repository.
  cache="type=build;format=volume;name=api-verify-prod-cache"
  # scripts/image.sh picks the builder (the real one, else the local stand-in) and says which.
  # VERIFY_BUILD=maven builds with spring-boot:build-image instead of pack.
  build_tool=${VERIFY_BUILD:-pack}
  build_image() {
    say "building the image $1 (scripts/image.sh $build_tool)"
    case $build_tool in
      pack) (cd "$source_copy" && IMAGE=$1 scripts/image.sh pack --cache "$cache") ;;
      maven) (cd "$source_copy" && IMAGE=$1 scripts/image.sh maven) ;;
      *) echo "VERIFY_BUILD must be pack or maven, not '$build_tool'" >&2; return 2 ;;
    esac >>"$build_log" 2>&1
  }
  # No image of an earlier run may stand in for one this run failed to write.
  docker image rm -f api api-verify-rebuilt api-verify-changed >/dev/null 2>&1 || true
  check="the image builds with a .env file and a private key in the source tree"
  build_image api || build_failed "$check"
  echo "PASS $check"
  build_image api-verify-rebuilt || build_failed "the same source builds a second time"
  change_source
  build_image api-verify-changed || build_failed "the image builds after a source-only change"
  grep -m1 '^image: builder:' "$build_log" | sed 's/^image: /== /'
  # No registry: the PostgreSQL image made here stands in for the official one, and Ryuk (the
  # Testcontainers reaper, which only ever comes from a registry) is off; every test stops its own.
  if docker image inspect localhost/api-stack/postgres:15 >/dev/null 2>&1 &&
    ! docker image inspect postgres:17-alpine >/dev/null 2>&1; then
    maven_properties+=(-Dverify.postgresImage=localhost/api-stack/postgres:15)
    export TESTCONTAINERS_RYUK_DISABLED=true
  fi
  # Testcontainers takes a machine with /.dockerenv for a container and reaches mapped ports through
  # the default gateway; an engine on a local socket publishes them on this machine.
  if [[ ${DOCKER_HOST:-unix://} == unix://* ]]; then
    export TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-localhost}
  fi
  maven_properties+=(-Dverify.target=image -Dverify.image=api
    -Dverify.rebuiltImage=api-verify-rebuilt -Dverify.changedImage=api-verify-changed)
else
  build_jar() {
    say "./mvnw package in the copy ($1)"
    (cd "$source_copy" && ./mvnw -B -ntp -q -DskipTests package) >>"$build_log" 2>&1
  }
  check="the jar builds with a .env file and a private key in the source tree"
  build_jar "with the canaries" || build_failed "$check"
  cp "$source_copy/target/api.jar" "$work/api.jar"
  echo "PASS $check"
  change_source
  build_jar "after a source-only change" || build_failed "the jar builds after a source-only change"
  cp "$source_copy/target/api.jar" "$work/api-changed.jar"
  maven_properties+=(-Dverify.target=process -Dverify.jar="$work/api.jar"
    -Dverify.changedJar="$work/api-changed.jar")
fi

say "running the contract checks (src/it/java/io/realworld/api/contract)"
rm -rf "$root/target/failsafe-reports"
suite_log="$work/contract.log"
# Failsafe alone: the unit and integration tests are make test's job.
if ! ./mvnw -B -ntp test-compile failsafe:integration-test \
    -Dit.test='**/contract/*IT' \
    -Dverify.canaries="$canaries" "${maven_properties[@]}" >"$suite_log" 2>&1; then
  echo "FAIL the contract suite ran: see its output below"
  tail -n 60 "$suite_log"
  exit 1
fi
java scripts/lib/ContractReport.java "$root/target/failsafe-reports"
