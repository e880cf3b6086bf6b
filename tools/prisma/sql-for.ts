// tools/prisma/sql-for.ts <schema> [from-schema]: prints the SQL from an empty database (or from-schema) to schema;
// prints nothing when there is no difference.
import { schemaDiffSql } from '../../libs/platform/src/prisma/schema-sql';

const [to, from] = process.argv.slice(2);
const sql = schemaDiffSql(from ?? 'empty', to);
if (sql) process.stdout.write(sql + '\n');
