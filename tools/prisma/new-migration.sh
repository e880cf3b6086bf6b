#!/usr/bin/env bash
# tools/prisma/new-migration.sh <app> <name>: writes the SQL that takes the app's database from its last migration
# to the current schema.prisma, as apps/<app>/prisma/migrations/<UTC timestamp>_<name>/migration.sql.
# The schema as of the last migration is kept beside the migrations (schema-at-last-migration.prisma) because the
# offline schema engine can diff two schema files but cannot replay migrations. The schema-drift test proves that
# the committed migrations, applied in order, give exactly the database the schema describes.
set -euo pipefail
cd "$(dirname "$0")/../.."
app=${1:?usage: tools/prisma/new-migration.sh <app> <name>}
name=${2:?usage: tools/prisma/new-migration.sh <app> <name>}
[[ $name =~ ^[a-z0-9_]+$ ]] || { echo "name must be snake_case: $name" >&2; exit 2; }
dir=apps/$app/prisma/migrations
snapshot=$dir/schema-at-last-migration.prisma
[ -f .infra/env ] && { set -a; . .infra/env; set +a; }
mkdir -p "$dir"
sql=$(node_modules/.bin/tsx tools/prisma/sql-for.ts "apps/$app/prisma/schema.prisma" $( [ -f "$snapshot" ] && echo "$snapshot"))
if [ -z "$sql" ]; then echo "[prisma] $app: schema unchanged since the last migration; nothing written" >&2; exit 0; fi
target=$dir/$(date -u +%Y%m%d%H%M%S)_$name
mkdir -p "$target"
printf '%s\n' "$sql" > "$target/migration.sql"
cp "apps/$app/prisma/schema.prisma" "$snapshot"
echo "[prisma] wrote $target/migration.sql" >&2
