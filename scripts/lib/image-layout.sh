# shellcheck shell=bash
# target/api.jar laid out and started the way the Paketo image lays it out and starts it, for the
# measuring scripts: the jar unpacked into a workspace (the image's /workspace), buildpacks/processes
# run over it (it trains the startup cache with this JVM, as the image's build does with its JRE),
# and the web process's command read back from the launch.toml it wrote.
#   prepare_image_layout DIR JAVA   lays it out under DIR; sets IMAGE_WORKSPACE and WEB_COMMAND (an
#                                   array: java @<layer>/java-options <Start-Class>)
#   exec_web_process [JVM OPTION...]  execs the web process in IMAGE_WORKSPACE with CLASSPATH set,
#                                   as Paketo's executable-jar sets it; extra JVM options go first
#   image_java                      prints the java of the major version the image runs
#                                   (BP_JVM_VERSION in project.toml) when one is installed under
#                                   /usr/lib/jvm, else java

prepare_image_layout() {
  local dir=$1 java=$2 java_dir buildpack=$PWD/buildpacks/processes
  java_dir=$(dirname "$(readlink -f "$(command -v "$java")")")
  rm -rf "$dir" && mkdir -p "$dir/workspace" "$dir/layers/io.realworld.api_processes"
  unzip -q target/api.jar -d "$dir/workspace"
  IMAGE_WORKSPACE=$(cd "$dir/workspace" && pwd)
  local layer
  layer=$(cd "$dir/layers/io.realworld.api_processes" && pwd)
  echo "laying out target/api.jar as the image does, training its startup cache with $java_dir/java..."
  (cd "$IMAGE_WORKSPACE" && env -i PATH="$java_dir:/usr/bin:/bin" HOME="$dir" CNB_LAYERS_DIR="$layer" \
    CNB_BUILDPACK_DIR="$buildpack" "$buildpack/bin/build") >"$dir/build.log" 2>&1 || { echo "FAIL buildpacks/processes failed:" >&2; cat "$dir/build.log" >&2; return 1; }
  grep -m1 'startup cache' "$dir/build.log" || true
  local line
  line=$(awk '/^type = "web"/ { web = 1 } web && /^command = / { print; exit }' "$layer/launch.toml")
  line=${line#command = [\"}
  line=${line%\"]}
  IFS=$'\x1f' read -r -a WEB_COMMAND <<<"${line//\",\"/$'\x1f'}"
  WEB_COMMAND[0]=$java_dir/java
  export IMAGE_WORKSPACE
}

exec_web_process() {
  cd "$IMAGE_WORKSPACE" || return 1
  CLASSPATH=$PWD exec "${WEB_COMMAND[0]}" "$@" "${WEB_COMMAND[@]:1}"
}

image_java() {
  local version candidates
  version=$(awk '/name = "BP_JVM_VERSION"/ { getline; gsub(/[^0-9]/, ""); print; exit }' project.toml)
  shopt -s nullglob
  candidates=(/usr/lib/jvm/*-"$version"-*/bin/java /usr/lib/jvm/*-"$version"/bin/java)
  shopt -u nullglob
  if ((${#candidates[@]} > 0)); then
    echo "${candidates[0]}"
  else
    echo java
  fi
}
