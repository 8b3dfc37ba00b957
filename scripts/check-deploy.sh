#!/usr/bin/env bash
# Validates the deployment files with the platforms' own tools where this machine has them;
# the promises they make are checked by the tests in src/it/java/io/realworld/api/deploy/.
# Prints one PASS/FAIL/SKIPPED line per check; fails when any check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTION_VALIDATOR="@action-validator/cli@0.6.0"
failures=0

check() {
  local name="$1"
  shift
  local output
  if output=$("$@" 2>&1); then
    echo "PASS    $name"
  else
    echo "FAIL    $name"
    printf '        %s\n' "${output//$'\n'/$'\n'        }"
    failures=$((failures + 1))
  fi
}

if command -v kubectl >/dev/null; then
  check "kustomize builds deploy/kubernetes (kubectl kustomize)" kubectl kustomize deploy/kubernetes
else
  echo "SKIPPED kustomize build: no kubectl"
fi

if command -v npx >/dev/null; then
  check "GitHub workflow schema ($ACTION_VALIDATOR)" \
    npx --yes "$ACTION_VALIDATOR" .github/workflows/ci.yml
else
  echo "SKIPPED GitHub workflow schema: no npx"
fi

if docker compose version >/dev/null 2>&1; then
  # config only parses and validates: no engine is needed, and no real secret
  check "Compose file (docker compose config)" \
    env JWT_SECRET=placeholder-for-validation-only-0123456789 \
    docker compose -f deploy/compose.yaml config --quiet
else
  echo "SKIPPED Compose file: no docker compose plugin"
fi

if ((failures > 0)); then
  echo "$failures deployment check(s) failed"
  exit 1
fi
