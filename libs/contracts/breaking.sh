#!/usr/bin/env bash
# buf breaking: compares the working tree's proto/ with two baselines:
#   1. the released contracts: the commit named in proto/RELEASED (what partner agencies integrate against), so a
#      breaking change already committed on main fails CI on a fresh clone too;
#   2. main (override with BREAKING_AGAINST=<ref>): catches breaking edits before they are committed.
# A baseline commit that is not in this clone (a shallow clone) is reported and skipped, never silently passed.
#
# Why not plain `buf breaking proto --against '.git#branch=main,subdir=proto'`: proto/third_party/ is git-ignored
# (it is copied from node_modules), so the committed tree cannot compile on its own. Instead we take exactly that
# input, main's proto/ folder via `git archive` (read-only, no checkout), add the same third_party files and
# compare against that folder (a buf workspace with the same two modules as the working tree).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$PATH"
source libs/contracts/third-party.sh

check_against() {
  local against=$1 label=$2
  if ! git cat-file -e "$against:proto" 2>/dev/null; then
    # Nothing can break before the first contracts are committed, and a shallow clone lacks old commits; say so.
    echo "contracts: $label ($against) is not in this clone or has no proto/ yet: not checked against it"
    return 0
  fi
  local baseline
  baseline="$(mktemp -d)"
  git archive "$against" proto | tar -x -C "$baseline"
  copy_third_party "$ROOT" "$baseline/proto/third_party"
  local status=0
  buf breaking proto --against "$baseline/proto" || status=$?
  rm -rf "$baseline"
  [ "$status" -eq 0 ] || { echo "contracts: breaking changes against $label ($against)" >&2; return "$status"; }
  echo "contracts: no breaking changes against $label ($against)"
}

RELEASED="$(grep -v '^#' proto/RELEASED | head -1 | tr -d '[:space:]')"
check_against "$RELEASED" "the released contracts (proto/RELEASED)"
check_against "${BREAKING_AGAINST:-main}" "the branch"
