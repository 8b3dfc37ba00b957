#!/usr/bin/env bash
# make builder-local: a local stand-in for paketobuildpacks/builder-jammy-base, for machines that
# reach no image registry. Everything is built here from the registries these machines reach:
#   - pack and the lifecycle, from their Go modules at the versions the Paketo builder uses;
#   - the JVM buildpack: Paketo's libjvm (the library all of bellsoft-liberica's behaviour lives
#     in) from its Go module, with a buildpack.toml whose JDK and JRE 25 are Temurin's;
#   - build and run images from Debian's packages (scripts/builder-local/stack.sh);
#   - the builder image, with pack's own `pack builder create`.
# What the stand-in lacks or has instead, and so which results only the real builder can
# confirm, is printed at the end and written in docs/builder-local.md.
#
# Warm runs (everything present and unchanged) only check and print. Work files live in
# $API_BUILDER_CACHE (default ~/.cache/api/builder-local); `--force` rebuilds everything.
set -euo pipefail
cd "$(dirname "$0")/.."

PACK_VERSION=0.40.6
LIFECYCLE_VERSION=0.21.14
LIBJVM_VERSION=$(awk '$1 == "github.com/paketo-buildpacks/libjvm" {print $2}' scripts/builder-local/jvm/go.mod)
# The id and version of the buildpack the stand-in replaces (paketo-buildpacks/java 22.2.0 pins it),
# so that layer paths (/layers/paketo-buildpacks_bellsoft-liberica/jre) are those of the real image.
JVM_BUILDPACK_ID=paketo-buildpacks/bellsoft-liberica
JVM_BUILDPACK_VERSION=11.7.6
JAVA_HOME_25=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}

BUILDER_IMAGE=${BUILDER_LOCAL_IMAGE:-api-builder-local:latest}
BUILD_IMAGE=localhost/api-stack/build:bookworm
RUN_IMAGE=localhost/api-stack/run:bookworm
LIFECYCLE_IMAGE=docker.io/buildpacksio/lifecycle:$LIFECYCLE_VERSION

cache=${API_BUILDER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/api/builder-local}
bin=$cache/bin
force=false
[[ ${1:-} == --force ]] && force=true

say() { printf 'builder-local: %s\n' "$*"; }
die() { say "$*" >&2; exit 1; }
elapsed() { printf '%ss' $((SECONDS - $1)); }

started=$SECONDS
mkdir -p "$bin"
missing=()
for tool in mmdebstrap buildah; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  ((EUID == 0)) || die "the stack images need ${missing[*]} (Debian packages): install them or run as root"
  say "installing ${missing[*]} from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v go >/dev/null || die "Go is needed (pack, the lifecycle and the JVM buildpack are built from Go modules)"
[[ -x $JAVA_HOME_25/bin/jlink ]] || die "a JDK 25 is needed for the JDK and JRE of the stand-in: set JAVA_HOME_25 (looked in $JAVA_HOME_25)"
docker info >/dev/null 2>&1 || die "no container engine answers: run 'make engine'"

# A Go module built inside its own downloaded folder: `go install mod@version` refuses modules
# with replace directives, as pack's go.mod has.
module_dir() {
  local dir
  dir=$(go mod download -json "$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [[ -n $dir ]] || die "the Go module proxy did not serve $1"
  printf '%s' "$dir"
}

stamp_ok() { [[ $force == false && -f $1 && $(cat "$1") == "$2" ]]; }

build_pack() {
  local t=$SECONDS
  if stamp_ok "$bin/pack.version" "$PACK_VERSION" && [[ -x $bin/pack ]]; then
    say "pack $PACK_VERSION: present"
    return
  fi
  say "pack $PACK_VERSION: building github.com/buildpacks/pack@v$PACK_VERSION"
  (cd "$(module_dir "github.com/buildpacks/pack@v$PACK_VERSION")" &&
    CGO_ENABLED=0 go build -trimpath -o "$bin/pack" \
      -ldflags "-s -w -X 'github.com/buildpacks/pack/pkg/client.Version=$PACK_VERSION'" .)
  printf '%s' "$PACK_VERSION" >"$bin/pack.version"
  say "pack $PACK_VERSION: built in $(elapsed "$t")"
}

# The lifecycle's release archive, laid out as its Makefile and tools/packager lay it out.
build_lifecycle() {
  local t=$SECONDS out=$cache/lifecycle archive=$cache/lifecycle-v$LIFECYCLE_VERSION+linux.x86-64.tgz
  if stamp_ok "$out.version" "$LIFECYCLE_VERSION" && [[ -f $archive ]]; then
    say "lifecycle $LIFECYCLE_VERSION: present"
    return
  fi
  say "lifecycle $LIFECYCLE_VERSION: building github.com/buildpacks/lifecycle@v$LIFECYCLE_VERSION"
  local dir ldflags
  dir=$(module_dir "github.com/buildpacks/lifecycle@v$LIFECYCLE_VERSION")
  ldflags="-s -w -X 'github.com/buildpacks/lifecycle/cmd.Version=$LIFECYCLE_VERSION'"
  ldflags+=" -X 'github.com/buildpacks/lifecycle/cmd.SCMRepository=github.com/buildpacks/lifecycle'"
  rm -rf "$out" && mkdir -p "$out"
  (cd "$dir" &&
    CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -trimpath -ldflags "$ldflags" -o "$out/lifecycle" ./cmd/lifecycle &&
    CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go build -trimpath -ldflags "$ldflags" -o "$out/launcher" ./cmd/launcher)
  for phase in detector analyzer restorer builder exporter rebaser creator extender; do
    ln -sf lifecycle "$out/$phase"
  done
  (cd "$dir" && go run ./tools/packager/main.go -inputDir "$out" -archivePath "$archive" \
    -descriptorPath lifecycle.toml -version "$LIFECYCLE_VERSION")
  printf '%s' "$LIFECYCLE_VERSION" >"$out.version"
  say "lifecycle $LIFECYCLE_VERSION: built in $(elapsed "$t")"
}

# pack runs the analyze, restore and export phases in the lifecycle image when a build adds
# buildpacks of its own (as project.toml's group does); the lifecycle's tools/image builds it.
build_lifecycle_image() {
  local t=$SECONDS
  if [[ $force == false ]] && docker image inspect "$LIFECYCLE_IMAGE" >/dev/null 2>&1 &&
    [[ $(docker image inspect -f '{{index .Config.Labels "io.buildpacks.lifecycle.version"}}' "$LIFECYCLE_IMAGE" 2>/dev/null) == "$LIFECYCLE_VERSION" ]]; then
    say "lifecycle image $LIFECYCLE_IMAGE: present"
    return
  fi
  say "lifecycle image $LIFECYCLE_IMAGE: building with the lifecycle's tools/image on $RUN_IMAGE"
  (cd "$(module_dir "github.com/buildpacks/lifecycle@v$LIFECYCLE_VERSION")" &&
    go run ./tools/image/main.go -daemon -baseImage "$RUN_IMAGE" \
      -lifecyclePath "$cache/lifecycle-v$LIFECYCLE_VERSION+linux.x86-64.tgz" \
      -os linux -arch amd64 -tag "$LIFECYCLE_IMAGE")
  say "lifecycle image: built in $(elapsed "$t")"
}

# The JDK and the JRE the JVM buildpack installs. The real buildpack downloads BellSoft Liberica
# from GitHub, which these machines cannot reach; the stand-in's are Temurin's, packed as Liberica's
# archives are (one top folder), and entered in its buildpack.toml with their own sha256, which
# libpak checks as it checks every download.
build_java_archives() {
  local t=$SECONDS deps=$cache/jvm-deps version inputs
  version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$JAVA_HOME_25/release")
  inputs="$(sha256sum <"$JAVA_HOME_25/release" | cut -c1-64) $(sha256sum <"$0" | cut -c1-64)"
  if stamp_ok "$deps/inputs" "$inputs" && [[ -f $deps/jdk.tar.gz && -f $deps/jre.tar.gz ]]; then
    say "JDK and JRE $version (Temurin, from $JAVA_HOME_25): present"
    return
  fi
  say "JDK and JRE $version: packing $JAVA_HOME_25 and a JRE made from it with jlink"
  rm -rf "$deps" && mkdir -p "$deps"
  # --dereference: a JDK installed from a package links lib/security/cacerts to the host's store.
  tar -C "$(dirname "$JAVA_HOME_25")" --transform "s|^$(basename "$JAVA_HOME_25")|jdk-$version|" \
    --dereference --owner=0 --group=0 -czf "$deps/jdk.tar.gz" "$(basename "$JAVA_HOME_25")"
  # A JRE holds the runtime modules, not the development tools (compiler, jshell, jlink, ...).
  local modules
  modules=$("$JAVA_HOME_25/bin/java" --list-modules | sed 's/@.*//' |
    grep -vxE 'jdk\.(incubator\..*|compiler|javadoc|jshell|jlink|jdeps|jartool|jpackage|jconsole|hotspot\.agent|jstatd|internal\.(ed|le|opt|jvmstat|md)|editpad|jdi|jcmd)' |
    paste -sd, -)
  "$JAVA_HOME_25/bin/jlink" --add-modules "$modules" --output "$deps/jre-$version" \
    --no-man-pages --no-header-files --strip-debug --generate-cds-archive
  tar -C "$deps" --owner=0 --group=0 -czf "$deps/jre.tar.gz" "jre-$version"
  rm -rf "$deps/jre-$version"
  printf '%s' "$version" >"$deps/java.version"
  printf '%s' "$inputs" >"$deps/inputs"
  say "JDK and JRE $version: packed in $(elapsed "$t") (JDK $(du -m "$deps/jdk.tar.gz" | cut -f1) MB, JRE $(du -m "$deps/jre.tar.gz" | cut -f1) MB)"
}

build_jvm_buildpack() {
  local t=$SECONDS dir=$cache/buildpacks/jvm deps=$cache/jvm-deps java_version inputs
  java_version=$(cat "$deps/java.version")
  inputs="$(cat "$deps/inputs") $(cat scripts/builder-local/jvm/* | sha256sum | cut -c1-64)"
  if stamp_ok "$dir.inputs" "$inputs" && [[ -x $dir/bin/main ]]; then
    say "JVM buildpack (libjvm $LIBJVM_VERSION): present"
    return
  fi
  say "JVM buildpack: building libjvm $LIBJVM_VERSION's buildpack and exec.d helper"
  rm -rf "$dir" && mkdir -p "$dir/bin" "$dir/deps"
  (cd scripts/builder-local/jvm &&
    CGO_ENABLED=0 go build -trimpath -ldflags '-s -w' -o "$dir/bin/main" . &&
    CGO_ENABLED=0 go build -trimpath -ldflags '-s -w' -o "$dir/bin/helper" github.com/paketo-buildpacks/libjvm/cmd/helper)
  ln -s main "$dir/bin/build"
  ln -s main "$dir/bin/detect"
  cp "$deps/jdk.tar.gz" "$deps/jre.tar.gz" "$dir/deps/"
  local installed=/cnb/buildpacks/${JVM_BUILDPACK_ID//\//_}/$JVM_BUILDPACK_VERSION/deps
  sed -e "s|@VERSION@|$JVM_BUILDPACK_VERSION|g" -e "s|@JAVA_VERSION@|$java_version|g" \
    -e "s|@LIBJVM_VERSION@|$LIBJVM_VERSION|g" \
    -e "s|@JDK_URI@|file://$installed/jdk.tar.gz|" -e "s|@JRE_URI@|file://$installed/jre.tar.gz|" \
    -e "s|@JDK_SHA256@|$(sha256sum "$deps/jdk.tar.gz" | cut -c1-64)|" \
    -e "s|@JRE_SHA256@|$(sha256sum "$deps/jre.tar.gz" | cut -c1-64)|" \
    scripts/builder-local/jvm/buildpack.toml.in >"$dir/buildpack.toml"
  printf '%s' "$inputs" >"$dir.inputs"
  say "JVM buildpack: built in $(elapsed "$t")"
}

create_builder() {
  local t=$SECONDS toml=$cache/builder.toml inputs
  sed -e "s|@LIFECYCLE_ARCHIVE@|$cache/lifecycle-v$LIFECYCLE_VERSION+linux.x86-64.tgz|" \
    -e "s|@JVM_BUILDPACK@|$cache/buildpacks/jvm|" \
    -e "s|@JVM_BUILDPACK_ID@|$JVM_BUILDPACK_ID|g" -e "s|@JVM_BUILDPACK_VERSION@|$JVM_BUILDPACK_VERSION|g" \
    -e "s|@BUILD_IMAGE@|$BUILD_IMAGE|" -e "s|@RUN_IMAGE@|$RUN_IMAGE|" \
    scripts/builder-local/builder.toml.in >"$toml"
  inputs="$(sha256sum <"$toml" | cut -c1-64) $(cat "$cache/buildpacks/jvm.inputs") $(docker image inspect -f '{{.Id}}' "$BUILD_IMAGE" "$RUN_IMAGE" | paste -sd' ')"
  if [[ $force == false ]] && docker image inspect "$BUILDER_IMAGE" >/dev/null 2>&1 && stamp_ok "$cache/builder.inputs" "$inputs"; then
    say "builder $BUILDER_IMAGE: present"
    return
  fi
  say "builder $BUILDER_IMAGE: pack builder create"
  "$bin/pack" builder create "$BUILDER_IMAGE" --config "$toml" --pull-policy never
  printf '%s' "$inputs" >"$cache/builder.inputs"
  say "builder: created in $(elapsed "$t")"
}

stack() { if [[ $force == true ]]; then scripts/builder-local/stack.sh --force; else scripts/builder-local/stack.sh; fi; }
# BUILDER_LOCAL_STEPS runs some steps only, in the order given (for working on one of them).
for step in ${BUILDER_LOCAL_STEPS:-build_pack build_lifecycle stack build_lifecycle_image build_java_archives build_jvm_buildpack create_builder}; do
  "$step"
done
say "ready in $(elapsed "$started"): $BUILDER_IMAGE (pack: $bin/pack)"
scripts/builder-local/differences.sh
