#!/usr/bin/env bash
# Prints what the local stand-in builder has instead of paketobuildpacks/builder-jammy-base, and so
# which results only the real builder can confirm: the table of docs/builder-local.md, its one owner.
set -euo pipefail
cd "$(dirname "$0")/../.."

table=$(sed -n '/^<!-- differences: begin -->$/,/^<!-- differences: end -->$/p' docs/builder-local.md | sed '1d;$d')
[[ -n $table ]] || { echo "differences: no table between the markers in docs/builder-local.md" >&2; exit 1; }
echo "The local stand-in against paketobuildpacks/builder-jammy-base (docs/builder-local.md):"
printf '%s\n' "$table"
