#!/usr/bin/env bash
# Prints project.toml's buildpack group, one entry a line, as the local stand-in builder can run it:
# paketo-buildpacks/java becomes the one member the stand-in has (its JVM buildpack), and the
# health-checker, which it lacks, is left out. Each change is said on stderr.
set -euo pipefail
cd "$(dirname "$0")/../.."

awk '/^\[\[io\.buildpacks\.group\]\]/ { in_group = 1; next }
     /^\[/ { in_group = 0 }
     in_group && /^uri = / { gsub(/^uri = "|"$/, ""); print }' project.toml |
  while IFS= read -r uri; do
    case $uri in
      urn:cnb:builder:paketo-buildpacks/java)
        echo "group: $uri -> urn:cnb:builder:paketo-buildpacks/bellsoft-liberica (the stand-in's JVM buildpack)" >&2
        echo "urn:cnb:builder:paketo-buildpacks/bellsoft-liberica"
        ;;
      docker://*paketobuildpacks/health-checker*)
        echo "group: $uri left out (not in the stand-in: its Go module is not served here)" >&2
        ;;
      *) echo "$uri" ;;
    esac
  done
