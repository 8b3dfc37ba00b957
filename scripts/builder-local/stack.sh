#!/usr/bin/env bash
# shellcheck disable=SC2016 # in the mmdebstrap hooks, "$1" (the chroot) is for the hook's shell
# Local stand-ins for Paketo's jammy-base stack, built from Debian 12 (bookworm) packages, for
# machines that can reach Debian's mirror but no image registry. No Dockerfile: each image is a
# root file system made by mmdebstrap (cached as a tarball), added to an empty image with buildah,
# then configured and committed with buildah into the local containers storage (podman's).
#
#   localhost/api-stack/build:bookworm  stands in for paketobuildpacks/build-jammy-base
#   localhost/api-stack/run:bookworm    stands in for paketobuildpacks/run-jammy-base
#   localhost/api-stack/postgres:15     a postgres image for Testcontainers' PostgreSQLContainer
#                                       (Debian 12 ships PostgreSQL 15 only; tagged 15, not 17)
#
# Usage: scripts/builder-local/stack.sh [--force] [--no-verify]
#   --force      rebuild the root file systems and the images even if their inputs are unchanged
#   --no-verify  skip the checks at the end (id in build/run, a `select 1` against postgres)
#
# Idempotent: each image carries the label io.realworld.api.stack.inputs=<sha256 of its inputs:
# this script, the host's Debian sources and, for postgres, postgres-entrypoint.sh>; an image
# whose label matches is skipped. Cache: ${XDG_CACHE_HOME:-$HOME/.cache}/api/builder-local/stack/
# (rootfs/*.tar, one per image and inputs, and debs/, the downloaded .deb files shared by all).
#
# What follows Paketo's jammy-base-stack (stack/stack.toml, build.Dockerfile, run.Dockerfile and
# jam's create-stack, which adds the user, env and labels):
#   - build: user cnb 1001, group cnb 1000, HOME /home/cnb, shell /bin/bash, USER 1001:1000, env
#     CNB_USER_ID=1001 CNB_GROUP_ID=1000 CNB_STACK_ID=io.buildpacks.stacks.jammy, the locale
#     en_US.UTF-8 generated and made the default, git safe.directory for /workspace*.
#   - run: user cnb 1002, group cnb 1000, USER 1002:1000, no CNB_* env (jam sets those on the build
#     image only), the locale as above, no documentation (Paketo deletes it; here dpkg skips it).
#   - both: labels io.buildpacks.stack.{id,description,distro.name,distro.version,maintainer,
#     metadata,released} (what Paketo sets) and io.buildpacks.base.{distro.name,distro.version,
#     maintainer,description} (the platform spec's names); the distro labels say debian 12.
# What differs, on purpose or because Debian has no such thing:
#   - build-essential is left out: ~250 MB of gcc/g++/make for buildpacks that compile native
#     code; the Java buildpacks this project uses do not. libgmp-dev and zlib1g-dev (and with them
#     libc6-dev) are in: they are a few MB.
#   - yj (Paketo downloads it from GitHub into /usr/local/bin) has no Debian package: left out.
#   - /etc/os-release is Debian's (Paketo rewrites PRETTY_NAME and the URLs in its run image).
#   - /home/cnb is 0750 (jam writes the directory's tar header with mode 0777).
#   - docs, man pages and translations are not installed in any of the three images.
set -euo pipefail

say() { printf 'stack: %s\n' "$*"; }
die() { say "error: $*" >&2; exit 1; }

force=0
verify=1
for arg in "$@"; do
  case $arg in
    --force) force=1 ;;
    --no-verify) verify=0 ;;
    -h | --help) sed -n "3,/^set -euo/{/^#/s/^# \\{0,1\\}//p}" "$0"; exit 0 ;;
    *) die "unknown argument '$arg' (use --force, --no-verify or --help)" ;;
  esac
done

((EUID == 0)) || die "mmdebstrap's root mode and podman's root storage need root: run it as root"
for tool in mmdebstrap buildah podman sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (apt-get install $tool)"
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
entrypoint=$here/postgres-entrypoint.sh
[[ -r $entrypoint ]] || die "missing $entrypoint"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/api/builder-local/stack
mkdir -p "$cache/rootfs" "$cache/debs" "$cache/logs"

# The mirror: the host's own deb822 sources (deb.debian.org bookworm, bookworm-updates and
# bookworm-security); mmdebstrap pastes the file into the image's apt sources.
sources=/etc/apt/sources.list.d/debian.sources
if [[ -r $sources ]]; then
  mirror_arg=$sources
  mirror_text=$(cat "$sources")
  say "mirror: $sources ($(grep -E '^URIs:' "$sources" | awk '{print $2}' | sort -u | paste -sd' ' -))"
else
  mirror_text=$'deb http://deb.debian.org/debian bookworm main\ndeb http://deb.debian.org/debian bookworm-updates main\ndeb http://deb.debian.org/debian-security bookworm-security main'
  mirror_arg=$cache/debian.list
  printf '%s\n' "$mirror_text" >"$mirror_arg"
  say "mirror: $sources not found; using deb.debian.org (bookworm, bookworm-updates, bookworm-security)"
fi

script_sum=$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)
entrypoint_sum=$(sha256sum "$entrypoint" | cut -d' ' -f1)
mirror_sum=$(printf '%s' "$mirror_text" | sha256sum | cut -d' ' -f1)
sum() { printf '%s\n' "$@" | sha256sum | cut -d' ' -f1; }

stack_id=io.buildpacks.stacks.jammy
maintainer="realworld api (local build: scripts/builder-local/stack.sh)"
input_label=io.realworld.api.stack.inputs
path_env=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

bh() { buildah --log-level=error "$@"; }

# Options common to the three root file systems. Recommends are not installed; docs are not
# unpacked; the .deb files are kept between runs in $cache/debs (sync-in before, sync-out after).
common_opts=(
  --variant=minbase --architectures=amd64 --format=tar
  # merged /usr made by mmdebstrap itself: otherwise bookworm's init-system-helpers pulls in the
  # usrmerge package, and with it a full perl (~50 MB) into the run image.
  --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr
  --aptopt='APT::Install-Recommends "false"'
  --dpkgopt='path-exclude=/usr/share/doc/*'
  --dpkgopt='path-include=/usr/share/doc/*/copyright'
  --dpkgopt='path-exclude=/usr/share/man/*'
  --dpkgopt='path-exclude=/usr/share/info/*'
  --dpkgopt='path-exclude=/usr/share/locale/*'
  --dpkgopt='path-include=/usr/share/locale/locale.alias'
  --dpkgopt='path-exclude=/usr/share/lintian/*'
  --skip=essential/unlink
  --setup-hook='mkdir -p "$1/var/cache/apt/archives"'
  --setup-hook="sync-in $cache/debs /var/cache/apt/archives/"
)
sync_out=(--customize-hook="sync-out /var/cache/apt/archives $cache/debs")
# The cnb user and group the way jam adds them (group 1000, a login shell, HOME /home/cnb).
cnb_user() { # uid
  printf '%s' "chroot \"\$1\" groupadd --gid 1000 cnb && chroot \"\$1\" useradd --uid $1 --gid 1000 --no-create-home --home-dir /home/cnb --shell /bin/bash cnb && install -d -m 0750 -o $1 -g 1000 \"\$1/home/cnb\""
}
locale_hook='echo "en_US.UTF-8 UTF-8" >"$1/etc/locale.gen" && chroot "$1" locale-gen >/dev/null && chroot "$1" update-locale LANG=en_US.UTF-8 LANGUAGE=en_US.UTF-8 LC_ALL=en_US.UTF-8'
tmp_hook='chmod 1777 "$1/tmp"'
# Last: what sync-in brought and apt's caches would otherwise stay in the tarball (~140 MB).
clean_hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/cache/apt/*.bin "$1"/var/lib/apt/lists/* "$1"/var/log/apt/* "$1"/var/log/dpkg.log "$1"/var/cache/debconf/*-old "$1"/tmp/*'

# What both stack images get after their user: the locale, /tmp, and no caches.
stack_hooks=(--customize-hook="$locale_hook" --customize-hook="$tmp_hook" --customize-hook="$clean_hook")

# build: stack.toml's [build] packages minus build-essential (see the header). bash, coreutils,
# tar and gzip are Essential in Debian, so every minbase has them; zlib1g comes with zlib1g-dev.
build_packages=ca-certificates,curl,git,jq,libexpat1,libgmp-dev,libssl3,libyaml-0-2,netbase,openssl,tzdata,xz-utils,zlib1g-dev,locales
# shellcheck disable=SC2034 # used through the nameref in rootfs()
build_opts=(
  --include="$build_packages"
  "${sync_out[@]}"
  --customize-hook="$(cnb_user 1001)"
  --customize-hook='for p in /workspace /workspace/source-ws /workspace/source; do chroot "$1" git config --system --add safe.directory "$p"; done'
  "${stack_hooks[@]}"
)
# run: stack.toml's [run] packages (libc6 is in every minbase), plus locales as Paketo installs it.
run_packages=ca-certificates,libexpat1,libssl3,libyaml-0-2,netbase,openssl,tzdata,zlib1g,locales
# shellcheck disable=SC2034 # used through the nameref in rootfs()
run_opts=(
  --include="$run_packages"
  "${sync_out[@]}"
  --customize-hook="$(cnb_user 1002)"
  "${stack_hooks[@]}"
)
# postgres: the postgres user gets the official image's 999:999 (written before postgresql-common
# runs adduser, which then keeps it), and postgresql-common is told not to create the "main"
# cluster: the entrypoint initdb's $PGDATA itself.
pg_packages=postgresql-15,ca-certificates,tzdata
# shellcheck disable=SC2034 # used through the nameref in rootfs()
pg_opts=(
  --include="$pg_packages"
  --essential-hook='echo "postgres:x:999:999:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash" >>"$1/etc/passwd" && echo "postgres:x:999:" >>"$1/etc/group"'
  --essential-hook='mkdir -p "$1/etc/postgresql-common/createcluster.d" && echo "create_main_cluster = false" >"$1/etc/postgresql-common/createcluster.d/no-main-cluster.conf"'
  "${sync_out[@]}"
  # /run/postgresql, the socket directory, must survive: mmdebstrap empties /run unless told not
  # to, so this image skips that step and empties /run itself but for it and /run/lock.
  --skip=cleanup/run
  --customize-hook='install -d -m 0700 -o 999 -g 999 "$1/var/lib/postgresql/data" && install -d -m 0755 "$1/docker-entrypoint-initdb.d"'
  --customize-hook='find "$1/run" -mindepth 1 -maxdepth 1 ! -name lock -exec rm -rf {} + && install -d -m 2775 -o 999 -g 999 "$1/run/postgresql"'
  --customize-hook='chroot "$1" id postgres | grep -q "^uid=999(postgres) gid=999(postgres)" || { echo "postgres is not 999:999: $(chroot "$1" id postgres)" >&2; exit 1; }'
  --customize-hook="$tmp_hook"
  --customize-hook="$clean_hook"
)

human() { numfmt --to=si --suffix=B --format='%.1f' "$1"; }
image_size() { podman image inspect --format '{{.Size}}' "$1"; }

# rootfs NAME OPTS_ARRAY_NAME: prints the path of the cached tarball, building it if needed.
rootfs() {
  local name=$1 key tar log
  local -n opts=$2
  key=$(sum "$script_sum" "$mirror_sum" "$name")
  tar=$cache/rootfs/$name-${key:0:16}.tar
  if ((force == 0)) && [[ -s $tar ]]; then
    say "$name: cached root file system $tar ($(human "$(stat -c %s "$tar")"))" >&2
  else
    log=$cache/logs/$name.log
    say "$name: mmdebstrap --variant=minbase ${opts[0]} bookworm (log $log)" >&2
    if ! mmdebstrap "${common_opts[@]}" "${opts[@]}" bookworm "$tar.part" "$mirror_arg" >"$log" 2>&1; then
      tail -n 30 "$log" | sed 's/^/stack:   | /' >&2
      rm -f "$tar.part"
      die "$name: mmdebstrap failed (full log: $log)"
    fi
    mv "$tar.part" "$tar"
    # Older tarballs of this image (other inputs) are of no further use.
    find "$cache/rootfs" -maxdepth 1 -name "$name-*.tar" ! -path "$tar" -delete
    say "$name: root file system $tar ($(human "$(stat -c %s "$tar")"))" >&2
  fi
  printf '%s\n' "$tar"
}

# up_to_date IMAGE INPUTS: is IMAGE there with the label for these inputs?
up_to_date() {
  local have
  ((force == 0)) || return 1
  have=$(podman image inspect --format "{{index .Labels \"$input_label\"}}" "$1" 2>/dev/null) || return 1
  [[ $have == "$2" ]]
}

# stack_labels KIND UPSTREAM: the buildah config --label options of a build or run image.
stack_labels() {
  local description="Local stand-in for $2, made from Debian 12 (bookworm) packages by scripts/builder-local/stack.sh: not Ubuntu, not Paketo's image"
  printf '%s\n' \
    "--label=io.buildpacks.stack.id=$stack_id" \
    "--label=io.buildpacks.stack.description=$description" \
    "--label=io.buildpacks.stack.distro.name=debian" \
    "--label=io.buildpacks.stack.distro.version=12" \
    "--label=io.buildpacks.stack.maintainer=$maintainer" \
    "--label=io.buildpacks.stack.metadata={}" \
    "--label=io.buildpacks.stack.released=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    "--label=io.buildpacks.base.distro.name=debian" \
    "--label=io.buildpacks.base.distro.version=12" \
    "--label=io.buildpacks.base.maintainer=$maintainer" \
    "--label=io.buildpacks.base.description=$description" \
    "--label=org.opencontainers.image.description=$description"
}

# image NAME OPTS_ARRAY_NAME INPUTS CONFIG_FN: build IMAGE from the rootfs unless up to date.
image() {
  local image=$1 name=$2 inputs=$4 configure=$5 start tar ctr
  start=$SECONDS
  if up_to_date "$image" "$inputs"; then
    say "$image: up to date (inputs ${inputs:0:16}), skipped; $(human "$(image_size "$image")")"
    return
  fi
  say "$image: building (inputs ${inputs:0:16})"
  tar=$(rootfs "$name" "$3")
  ctr=$(bh from --quiet scratch)
  # shellcheck disable=SC2064 # the container's name is known now
  trap "buildah --log-level=error rm '$ctr' >/dev/null 2>&1 || true" EXIT
  say "$image: buildah add $(basename "$tar") /"
  bh add --quiet "$ctr" "$tar" / >/dev/null
  "$configure" "$ctr"
  bh config --os=linux --arch=amd64 --label="$input_label=$inputs" "$ctr"
  say "$image: buildah commit"
  bh commit --quiet --rm "$ctr" "$image" >/dev/null
  trap - EXIT
  say "$image: built in $((SECONDS - start))s; $(human "$(image_size "$image")")"
}

configure_build() {
  local labels
  mapfile -t labels < <(stack_labels build paketobuildpacks/build-jammy-base)
  say "build: USER 1001:1000, ENV CNB_USER_ID=1001 CNB_GROUP_ID=1000 CNB_STACK_ID=$stack_id, labels"
  bh config --user=1001:1000 --workingdir=/ --cmd='["/bin/bash"]' \
    --env="$path_env" --env=CNB_USER_ID=1001 --env=CNB_GROUP_ID=1000 --env="CNB_STACK_ID=$stack_id" \
    "${labels[@]}" "$1"
}
configure_run() {
  local labels
  mapfile -t labels < <(stack_labels run paketobuildpacks/run-jammy-base)
  say "run: USER 1002:1000, no CNB_* env (as Paketo's run image), labels"
  bh config --user=1002:1000 --workingdir=/ --cmd='["/bin/bash"]' --env="$path_env" \
    "${labels[@]}" "$1"
}
configure_postgres() {
  say "postgres: buildah copy postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh"
  bh copy --quiet --chmod=0755 "$1" "$entrypoint" /usr/local/bin/docker-entrypoint.sh >/dev/null
  say "postgres: USER 999:999, ENTRYPOINT docker-entrypoint.sh, CMD postgres, EXPOSE 5432, STOPSIGNAL SIGINT"
  bh config --user=999:999 --workingdir=/var/lib/postgresql \
    --env=PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env=PG_MAJOR=15 --env=PGDATA=/var/lib/postgresql/data --env=LANG=C.UTF-8 \
    --entrypoint='["docker-entrypoint.sh"]' --cmd='["postgres"]' --port=5432 --stop-signal=SIGINT \
    --label="org.opencontainers.image.description=PostgreSQL 15 from Debian 12 (bookworm) packages, with an entrypoint like the official postgres image's, for Testcontainers: not the official image" \
    --label=org.opencontainers.image.version=15 "$1"
}

build_image=localhost/api-stack/build:bookworm
run_image=localhost/api-stack/run:bookworm
pg_image=localhost/api-stack/postgres:15

total=$SECONDS
image "$build_image" build build_opts "$(sum "$script_sum" "$mirror_sum" build)" configure_build
image "$run_image" run run_opts "$(sum "$script_sum" "$mirror_sum" run)" configure_run
image "$pg_image" postgres pg_opts "$(sum "$script_sum" "$mirror_sum" postgres "$entrypoint_sum")" configure_postgres
say "images done in $((SECONDS - total))s"

if ((verify == 0)); then
  say "verification skipped (--no-verify)"
  exit 0
fi

# expect_id IMAGE UID GID
expect_id() {
  local out
  out=$(podman run --rm "$1" id)
  say "verify: podman run --rm $1 id: $out"
  [[ $out == "uid=$2(cnb) gid=$3(cnb) groups=$3(cnb)" ]] || die "$1: expected uid=$2(cnb) gid=$3(cnb)"
}
expect_id "$build_image" 1001 1000
expect_id "$run_image" 1002 1000
out=$(podman run --rm --user 0 "$run_image" stat -c '%n %a %u:%g' /tmp /home/cnb | paste -sd, -)
say "verify: run image modes: $out"
[[ $out == "/tmp 1777 0:0,/home/cnb 750 1002:1000" ]] || die "$run_image: expected /tmp 1777 0:0 and /home/cnb 750 1002:1000"
out=$(podman run --rm "$build_image" sh -c 'echo "$CNB_USER_ID:$CNB_GROUP_ID:$CNB_STACK_ID $HOME"; ! command -v unzip')
say "verify: build image env: $out (no unzip)"
[[ $out == "1001:1000:$stack_id /home/cnb" ]] || die "$build_image: unexpected CNB_* env or HOME: $out"
out=$(podman run --rm "$run_image" sh -c 'echo "${CNB_USER_ID-unset} $HOME"')
[[ $out == "unset /home/cnb" ]] || die "$run_image: expected no CNB_USER_ID and HOME /home/cnb, got: $out"

command -v psql >/dev/null 2>&1 || {
  say "verify: installing postgresql-client on the host for psql"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
}
pg=api-stack-verify-postgres-$$
say "verify: podman run -d --name $pg -e POSTGRES_PASSWORD=x -e POSTGRES_USER=u -e POSTGRES_DB=d -p 127.0.0.1::5432 $pg_image postgres -c fsync=off"
podman run -d --name "$pg" -e POSTGRES_PASSWORD=x -e POSTGRES_USER=u -e POSTGRES_DB=d \
  -p 127.0.0.1::5432 "$pg_image" postgres -c fsync=off >/dev/null
trap 'podman rm -f "$pg" >/dev/null 2>&1 || true' EXIT
pg_start=$SECONDS
ready=0
until ((ready >= 2)); do
  ((SECONDS - pg_start < 60)) || { podman logs "$pg" 2>&1 | tail -n 20 | sed 's/^/stack:   | /'; die "$pg_image: not ready twice within 60s"; }
  [[ $(podman inspect --format '{{.State.Running}}' "$pg") == true ]] ||
    { podman logs "$pg" 2>&1 | tail -n 20 | sed 's/^/stack:   | /'; die "$pg_image: the container exited"; }
  sleep 0.5
  ready=$(podman logs "$pg" 2>&1 | grep -c 'database system is ready to accept connections' || true)
done
port=$(podman port "$pg" 5432/tcp | head -n 1)
port=${port##*:}
say "verify: 'database system is ready to accept connections' twice after $((SECONDS - pg_start))s; port 127.0.0.1:$port"
out=$(PGPASSWORD=x psql -h 127.0.0.1 -p "$port" -U u -d d -tAc 'select 1')
say "verify: psql -h 127.0.0.1 -p $port -U u -d d -c 'select 1': $out"
[[ $out == 1 ]] || die "$pg_image: select 1 returned '$out'"
auth=$(podman exec "$pg" sh -c 'tail -n 1 "$PGDATA/pg_hba.conf"')
say "verify: pg_hba.conf ends with: $auth"
podman rm -f "$pg" >/dev/null
trap - EXIT
say "verified $build_image, $run_image and $pg_image in $((SECONDS - total))s in all"
