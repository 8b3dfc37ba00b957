#!/usr/bin/env bash
# in-cgroup.sh CGROUP_DIR COMMAND...: moves itself into the cgroup (v1) and execs the command, so
# the command runs under the cgroup's limits from its first instruction, as in a container.
set -euo pipefail
echo $$ >"$1/cgroup.procs"
shift
exec "$@"
