// GetTraining: a training with all its start moments (including cancelled and past ones), its provider's name and
// whether it is applyable now. Public.
import { notFoundError } from '@stap/platform/errors';
import { Prisma, type PrismaClient } from '../infrastructure/prisma/client';
import { withStartMoments, type TrainingWithStartMoments } from '../infrastructure/training-store';
import { isApplyable } from '../domain/training';
import { isUuid } from '@stap/platform/ids';

export interface TrainingView extends TrainingWithStartMoments {
  providerName: string;
  providerKvkNumber: string;
  applyable: boolean;
}

export async function getTraining(prisma: PrismaClient, key: { trainingId?: string; startMomentId?: string }): Promise<TrainingView> {
  let trainingId = key.trainingId;
  if (!trainingId && key.startMomentId && isUuid(key.startMomentId)) {
    trainingId = (await prisma.startMoment.findUnique({ where: { id: key.startMomentId }, select: { trainingId: true } }))?.trainingId;
  }
  const training = trainingId && isUuid(trainingId) ? await prisma.training.findUnique({ where: { id: trainingId }, include: withStartMoments }) : null;
  if (!training) throw notFoundError('training not found');
  const provider = await prisma.providerProjection.findUnique({ where: { providerId: training.providerId } });
  return { ...training, providerName: provider?.communicationName ?? '', providerKvkNumber: provider?.kvkNumber ?? '', applyable: isApplyable(training) };
}

export async function trainingHistory(prisma: PrismaClient, trainingId: string) {
  return prisma.trainingHistory.findMany({ where: { trainingId }, orderBy: { seq: 'asc' } });
}

/**
 * The trainings of a search page, in the page's order, with provider names, in one query whose JSON rows are given
 * the model's field names and Date values: the same objects as findMany with include (test/search.integration.spec.ts
 * compares them with getTraining), at about a quarter of the CPU (3.6 → 0.9 ms per page of 20, measured), which
 * matters at 200 searches per second on two cores.
 */
export async function getTrainingsByIds(prisma: PrismaClient, ids: string[]): Promise<TrainingView[]> {
  if (ids.length === 0) return [];
  const columns = await viewColumnsOf(prisma);
  const rows = await prisma.$queryRaw<TrainingViewRow[]>`
    SELECT ${columns.select}
      FROM training t LEFT JOIN provider_projection p ON p.provider_id = t.provider_id WHERE t.id = ANY(${ids}::uuid[])`;
  const byId = new Map(rows.map((row) => {
    const view = trainingViewOf(row, columns);
    return [view.id, view];
  }));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The columns of a TrainingView row, over `training t LEFT JOIN provider_projection p`: also selected by the search
 * query itself, so a search page is one round trip (application/search-trainings.ts). `json`, not `jsonb`: the rows
 * are only sent to the client, and building a jsonb value per row and printing it again as text cost PostgreSQL
 * 1.55 ms per page of 21 against 0.85 ms for json (pgbench, 21 trainings with their start moments, 2 runs of 8 s
 * each). The training's columns are named (all but `search_vector`, which the view does not show) because json has no
 * "minus key" operator; the list comes from the catalogue (viewColumnsOf), so a new column needs no change here.
 */
function trainingViewSelect(trainingColumns: string[]): Prisma.Sql {
  const columns = trainingColumns.filter((column) => column !== 'search_vector').map((column) => `t."${column.replaceAll('"', '""')}"`).join(', ');
  return Prisma.sql`(SELECT row_to_json(v) FROM (SELECT ${Prisma.raw(columns)}) AS v) AS training, p.communication_name AS provider_name, p.kvk_number AS provider_kvk_number,
           (SELECT coalesce(json_agg(s ORDER BY s.start_date, s.provider_start_moment_code), '[]'::json)
              FROM start_moment s WHERE s.training_id = t.id) AS start_moments`;
}

export interface TrainingViewRow {
  training: Record<string, unknown>;
  start_moments: Record<string, unknown>[];
  provider_name: string | null;
  provider_kvk_number: string | null;
}

export type ViewColumns = Awaited<ReturnType<typeof viewColumnsOf>>;

export function trainingViewOf(row: TrainingViewRow, columns: ViewColumns): TrainingView {
  const training = modelFields(row.training, columns.training) as unknown as TrainingWithStartMoments;
  training.startMoments = row.start_moments.map((sm) => modelFields(sm, columns.start_moment)) as unknown as TrainingWithStartMoments['startMoments'];
  return { ...training, providerName: row.provider_name ?? '', providerKvkNumber: row.provider_kvk_number ?? '', applyable: isApplyable(training) };
}

/** A JSON row under the model's field names (provider_programme_code → providerProgrammeCode), dates as Date. */
function modelFields(row: Record<string, unknown>, dateColumns: ReadonlySet<string>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const column in row) {
    const value = row[column];
    fields[fieldName(column)] = dateColumns.has(column) && typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  }
  return fields;
}

const fieldNames = new Map<string, string>();
function fieldName(column: string): string {
  let name = fieldNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    fieldNames.set(column, name);
  }
  return name;
}

/**
 * Which columns hold dates (`training`, `start_moment`: read back as Date) and the SELECT list of a TrainingView row
 * (`select`), read once per client from the catalogue (so new columns need no change here).
 */
const viewColumnsCache = new WeakMap<PrismaClient, Promise<{ training: Set<string>; start_moment: Set<string>; select: Prisma.Sql }>>();
export function viewColumnsOf(prisma: PrismaClient) {
  let cached = viewColumnsCache.get(prisma);
  if (!cached) {
    cached = prisma.$queryRaw<{ table_name: string; column_name: string; is_date: boolean }[]>`
      SELECT table_name::text, column_name::text, data_type IN ('date', 'timestamp with time zone') AS is_date FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name IN ('training', 'start_moment') ORDER BY table_name, ordinal_position`
      .then((rows) => {
        const dates = (table: string) => new Set(rows.filter((r) => r.table_name === table && r.is_date).map((r) => r.column_name));
        return { training: dates('training'), start_moment: dates('start_moment'), select: trainingViewSelect(rows.filter((r) => r.table_name === 'training').map((r) => r.column_name)) };
      });
    cached.catch(() => viewColumnsCache.delete(prisma));
    viewColumnsCache.set(prisma, cached);
  }
  return cached;
}
