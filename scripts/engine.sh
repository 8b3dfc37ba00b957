#!/usr/bin/env bash
# make engine: a Docker-compatible container engine for pack, spring-boot:build-image and
# Testcontainers. Where one already answers `docker info`, it changes nothing and says so.
# Otherwise (as root) it installs Debian's podman and runc, writes the two settings these machines
# need, starts podman's Docker-API service on a socket and prints the DOCKER_HOST to use.
# Idempotent: a second run finds the service answering and returns at once.
#
# Why the settings (docs/container-engine.md): crun, podman's default runtime, refuses a kernel
# whose cgroups are in hybrid mode, runc does not; and root in these sandboxes cannot raise
# RLIMIT_NOFILE/RLIMIT_NPROC, which podman's default ulimits try to do at every container start.
set -euo pipefail

socket=${PODMAN_SOCKET:-/run/podman/podman.sock}
conf=/etc/containers/containers.conf

say() { printf 'engine: %s\n' "$*"; }

# Tools that take no DOCKER_HOST, and the build containers pack and build-image start (they mount
# the standard socket), find the engine at /var/run/docker.sock. An empty folder there is what a
# bind mount of the missing socket leaves behind.
link_standard_socket() {
  local standard=/var/run/docker.sock
  [[ -d $standard && ! -L $standard ]] && rmdir "$standard" 2>/dev/null
  if [[ ! -e $standard && ! -L $standard ]]; then
    ln -s "$socket" "$standard"
    say "linked $standard to $socket"
  fi
}

if [[ -z ${DOCKER_HOST:-} ]] && docker info >/dev/null 2>&1; then
  say "a Docker engine already answers 'docker info': nothing to do"
  exit 0
fi
if DOCKER_HOST=unix://$socket docker info >/dev/null 2>&1; then
  say "podman's Docker API already answers on $socket"
  ((EUID == 0)) && link_standard_socket
  echo "export DOCKER_HOST=unix://$socket"
  exit 0
fi
if [[ -n ${DOCKER_HOST:-} && $DOCKER_HOST != "unix://$socket" ]]; then
  say "DOCKER_HOST=$DOCKER_HOST does not answer 'docker info'; unset it to let this script start podman" >&2
  exit 1
fi
if ((EUID != 0)); then
  say "no engine answers, and installing one needs root: run 'sudo make engine', or start Docker or rootless podman yourself" >&2
  exit 1
fi

if ! command -v podman >/dev/null 2>&1 || ! command -v runc >/dev/null 2>&1; then
  say "installing podman and runc from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc >/dev/null
fi
say "$(podman --version), $(runc --version | head -1)"

# nofile: root's own hard limit (podman's default is higher); nproc: 4096, because even root's
# own hard limit is refused here ("error setting rlimit type 6: operation not permitted").
nofile=$(ulimit -Hn)
[[ $nofile == unlimited ]] || ((nofile > 65536)) && nofile=65536
limits="nofile=$nofile:$nofile"
limits_nproc="nproc=4096:4096"
wanted=$(printf '%s\n' \
  "# Written by scripts/engine.sh (make engine): runc and ulimits no higher than root's own." \
  "[containers]" \
  "default_ulimits = [\"$limits\", \"$limits_nproc\"]" \
  "[engine]" \
  "runtime = \"runc\"")
if [[ ! -f $conf ]] || [[ $(cat "$conf") != "$wanted" ]]; then
  if [[ -f $conf ]] && ! grep -q 'scripts/engine.sh' "$conf"; then
    cp "$conf" "$conf.before-engine"
    say "kept the previous $conf as $conf.before-engine"
  fi
  mkdir -p "$(dirname "$conf")"
  printf '%s\n' "$wanted" >"$conf"
  say "wrote $conf: runtime runc, default ulimits $limits $limits_nproc"
fi

mkdir -p "$(dirname "$socket")"
rm -f "$socket"
log=/var/log/podman-service.log
say "starting 'podman system service' on unix://$socket (log: $log)"
nohup podman system service --time=0 "unix://$socket" >"$log" 2>&1 &
for _ in $(seq 1 100); do
  if DOCKER_HOST=unix://$socket docker info >/dev/null 2>&1; then
    link_standard_socket
    say "the Docker API answers: $(DOCKER_HOST=unix://$socket docker version --format '{{.Server.Version}}' 2>/dev/null | head -1)"
    echo "export DOCKER_HOST=unix://$socket"
    exit 0
  fi
  sleep 0.1
done
say "podman's service did not answer on $socket within 10 s:" >&2
tail -20 "$log" >&2
exit 1
