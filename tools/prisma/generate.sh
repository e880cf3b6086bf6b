#!/usr/bin/env bash
# Generates each service's Prisma client from its schema (tools/prisma/generate.sh --all | <app>...).
# Output: apps/<app>/src/infrastructure/prisma/generated (git-ignored). Prisma 7's client needs no native engine, but
# its CLI checks for a schema engine binary it would download from the internet; generate never runs it, so pointing
# PRISMA_SCHEMA_ENGINE_BINARY at any existing file keeps the CLI offline.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH" PRISMA_HIDE_UPDATE_MESSAGE=1
export PRISMA_SCHEMA_ENGINE_BINARY=${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/node_modules/prisma/build/index.js}

if [ "${1:-}" = "--all" ]; then
  apps=$(for schema in apps/*/prisma/schema.prisma; do basename "$(dirname "$(dirname "$schema")")"; done)
else
  apps="$*"
fi
[ -n "$apps" ] || { echo "usage: tools/prisma/generate.sh --all | <app>..." >&2; exit 2; }
for app in $apps; do
  prisma generate --schema "apps/$app/prisma/schema.prisma" >/dev/null
  echo "[prisma] generated the client of $app" >&2
done
