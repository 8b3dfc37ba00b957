#!/usr/bin/env bash
# make image / make image-maven: builds the image `api` with pack (`scripts/image.sh pack`) or
# with spring-boot:build-image (`scripts/image.sh maven`), on the real Paketo builder where the
# engine has it or can pull it, else on the local stand-in (make builder-local). BUILDER=<image>
# picks the builder explicitly. The choice, and what it means, is printed.
#
# On the real builder, pack builds from source with project.toml, and build-image sends the jar
# it packaged. The stand-in has no Maven, executable-jar or spring-boot buildpack (their Go
# modules are not served here, docs/builder-local.md), so both build from target/api.jar there,
# with project.toml's env and its group minus what the stand-in lacks.
# Extra arguments go to pack or Maven; IMAGE names the image (default api).
set -euo pipefail
cd "$(dirname "$0")/.."

tool=${1:?usage: scripts/image.sh pack|maven [args...]}
shift
image=${IMAGE:-api}
real_builder=$(sed -n 's/^builder = "\(.*\)"$/\1/p' project.toml)
standin_builder=api-builder-local:latest

say() { printf 'image: %s\n' "$*"; }
die() { say "$*" >&2; exit 1; }

docker info >/dev/null 2>&1 ||
  die "no Docker engine answers 'docker info': buildpacks build inside containers; run 'make engine' (podman) or start Docker"

builder=${BUILDER:-}
if [[ -z $builder ]]; then
  if docker image inspect "$real_builder" >/dev/null 2>&1 || timeout 60 docker pull -q "$real_builder" >/dev/null 2>&1; then
    builder=$real_builder
  elif docker image inspect "$standin_builder" >/dev/null 2>&1; then
    builder=$standin_builder
    say "$real_builder cannot be pulled here: using the local stand-in"
  else
    die "$real_builder cannot be pulled and the local stand-in is not built: run 'make builder-local' first"
  fi
fi

standin=false
if docker image inspect -f '{{index .Config.Labels "io.buildpacks.builder.metadata"}}' "$builder" 2>/dev/null |
  grep -q 'Local stand-in for paketobuildpacks'; then
  standin=true
fi

pack_bin=$(command -v pack || true)
local_pack=${API_BUILDER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/api/builder-local}/bin/pack
[[ -n $pack_bin ]] || pack_bin=$local_pack

if [[ $standin == false ]]; then
  say "builder: $builder (the real Paketo builder)"
  case $tool in
    pack)
      [[ -x $pack_bin ]] || die "'pack' is not installed: see https://buildpacks.io/docs/for-platform-operators/how-to/integrate-ci/pack/, or run 'make builder-local', which builds it"
      set -x
      exec "$pack_bin" build "$image" --builder "$builder" --path . "$@"
      ;;
    maven)
      set -x
      exec ./mvnw -B -ntp -DskipTests spring-boot:build-image -Dimage.name="$image" \
        -Dimage.builder="$builder" "$@"
      ;;
  esac
fi

say "builder: $builder (the local STAND-IN: Debian stack, Temurin JRE, no Paketo Maven, executable-jar, spring-boot, health-checker, syft; see docs/builder-local.md)"
case $tool in
  pack)
    say "building target/api.jar first: the stand-in builds from the jar's contents, as build-image does"
    ./mvnw -B -ntp -q -DskipTests package
    mapfile -t group < <(scripts/builder-local/group.sh)
    args=()
    for buildpack in "${group[@]}"; do args+=(--buildpack "$buildpack"); done
    say "group: ${group[*]}"
    set -x
    exec "$pack_bin" build "$image" --builder "$builder" --path target/api.jar --descriptor project.toml \
      --pull-policy never "${args[@]}" "$@"
    ;;
  maven)
    set -x
    exec ./mvnw -B -ntp -DskipTests -Pbuilder-local spring-boot:build-image \
      -Dimage.name="$image" -Dimage.builder="$builder" "$@"
    ;;
  *) die "usage: scripts/image.sh pack|maven [args...]" ;;
esac
