#!/usr/bin/env bash
# buf breaking: compares the working tree's proto/ with proto/ on a git branch (default main; override with
# BREAKING_AGAINST=<ref>). Run on main itself it compares the working tree with main's last commit, so it
# catches breaking edits before they are committed; on a clean main it compares main with itself and passes.
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

AGAINST="${BREAKING_AGAINST:-main}"

if ! git cat-file -e "$AGAINST:proto" 2>/dev/null; then
  # Nothing can break before the first contracts are committed; say so rather than fail or pretend.
  echo "contracts: $AGAINST has no proto/ yet, so there is no baseline to check breaking changes against"
  exit 0
fi

BASELINE="$(mktemp -d)"
trap 'rm -rf "$BASELINE"' EXIT
git archive "$AGAINST" proto | tar -x -C "$BASELINE"
copy_third_party "$ROOT" "$BASELINE/proto/third_party"
buf breaking proto --against "$BASELINE/proto"
echo "contracts: no breaking changes against $AGAINST"
