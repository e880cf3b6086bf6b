#!/usr/bin/env bash
# Applies apps/<app>/prisma/migrations to the app's database, creating the database when needed.
# Database: $DATABASE_URL when set, else $POSTGRES_URL's server with the app's database name (tools/run/services.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node_modules/.bin/tsx tools/prisma/migrate.ts "$@"
