// Imports a bulk feed (EDU-DEX-like, domain/feed-format.ts) and answers with a processing report: INFO or FOUT rows
// per provider, programme, start moment and location, with identifiers (DOMAIN.md §3). Each item is checked on its
// own before anything is written, so a bad record never blocks the good ones; an item with a FOUT row is not applied
// at all. Re-importing the same content plans nothing (INFO "UNCHANGED"), and the same feed reference twice returns
// the first processing. New programmes are written in bulk (the common case of a large feed); changes to existing
// ones go through the same use-case functions as manual entry, so they emit the same events and history.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { invalid, notFoundError, type Violation } from '@stap/platform/errors';
import { feedStatusFromJSON, locationKindFromJSON, trainingStatusFromJSON } from '@stap/contracts/stap/register/v1/register';
import { feedEnvelopeSchema, feedProgrammeSchema, type FeedEnvelope, type FeedProgramme } from '../domain/feed-format';
import { errorRows, INFO_MESSAGES, type ReportRow } from '../domain/processing-report';
import { planChangesAnything, planItem, startMomentFingerprint, type ItemPlan, type StoredTraining } from '../domain/feed-plan';
import { checkProgramme, checkStartMoment, deriveStatus, type CheckedStartMoment, type ProgrammeInput, type StartMomentInput } from '../domain/training';
import { grantLimitPerYearOn } from '../domain/grant-limit';
import type { PrismaClient, TransactionClient } from '../infrastructure/prisma/client';
import { emit, feedEvents, trainingEvents } from '../infrastructure/messaging/register-events';
import {
  emitInBulk, insertStartMoments, insertTrainings, isoDate, providerEligibility, recordHistory, recordHistoryInBulk, rederive, startMomentColumns, trainingsOfProvider,
  type HistoryRow, type NewStartMoment, type NewTraining,
} from '../infrastructure/training-store';
import { searchFacets } from '../domain/search-facets';
import type { DomainEvent } from '@stap/platform/kafka';
import { requireProviderActor, type Actor } from './actor';
import { scheduleStartMoment } from './create-training';
import { applyProgrammeChanges } from './training-lifecycle';
import { bumpVersion } from './manage-start-moments';

export interface FeedSummary {
  id: string;
  providerId: string;
  feedReference: string;
  mode: string;
  status: string;
  itemCount: number;
  appliedCount: number;
  failedCount: number;
  infoRowCount: number;
  errorRowCount: number;
  receivedAt: Date;
  processedAt: Date | null;
}

/** A zod path as the proto-style field name the report uses: startMoments.0.location → start_moments[0].location. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`))
    .join('')
    .replace(/^\./, '')
    .replace(/^programme_code/, 'provider_programme_code')
    .replace(/start_moment_code$/, 'provider_start_moment_code');
}

const zodViolations = (error: z.ZodError): Violation[] => error.issues.map((issue) => ({ field: fieldName(issue.path) || '(item)', description: issue.message }));

function toProgrammeInput(item: FeedProgramme): ProgrammeInput {
  return {
    providerProgrammeCode: item.programmeCode, name: item.name, description: item.description, studyLoadHours: item.studyLoadHours, nlqfLevel: item.nlqfLevel,
    eqfLevel: item.eqfLevel, sector: item.sector, language: item.language, deliveryMode: item.deliveryMode, leadsToCertificate: item.leadsToCertificate,
  };
}

function toStartMomentInput(sm: FeedProgramme['startMoments'][number]): StartMomentInput {
  return {
    providerStartMomentCode: sm.startMomentCode,
    startDate: sm.startDate,
    endDate: sm.endDate,
    location: { ...sm.location, address: sm.location.address && { ...sm.location.address, houseNumberAddition: sm.location.address.houseNumberAddition ?? '' } },
    price: { courseTuitionCents: sm.price.courseTuitionCents, examCents: sm.price.examCents ?? null, literatureCents: sm.price.literatureCents ?? null },
  };
}

const fingerprintOf = (sm: CheckedStartMoment) => {
  const c = startMomentColumns(sm);
  return startMomentFingerprint({ ...c, startDate: sm.startDate, endDate: sm.endDate });
};

interface CheckedItem {
  sequence: number;
  programmeCode: string;
  programme?: ProgrammeInput & { notAvailableForStap: boolean };
  startMoments: { checked: CheckedStartMoment; fingerprint: string }[];
  cancelledCodes: string[];
  rows: ReportRow[];
}

/** Checks one item on its own: structure, programme fields, start moments, duplicate codes. */
function checkItem(raw: unknown, sequence: number, seenCodes: Set<string>): CheckedItem {
  const rawCode = typeof (raw as { programmeCode?: unknown })?.programmeCode === 'string' ? (raw as { programmeCode: string }).programmeCode : '';
  const parsed = feedProgrammeSchema.safeParse(raw);
  if (!parsed.success) {
    const rawStartMoments = (raw as { startMoments?: unknown })?.startMoments;
    const rawCodes = Array.isArray(rawStartMoments) ? rawStartMoments.map((sm) => String((sm as { startMomentCode?: unknown })?.startMomentCode ?? '')) : [];
    return { sequence, programmeCode: rawCode, startMoments: [], cancelledCodes: [], rows: errorRows(sequence, rawCode, rawCodes, zodViolations(parsed.error)) };
  }
  const item = parsed.data;
  const programme = toProgrammeInput(item);
  const smInputs = item.startMoments.map(toStartMomentInput);
  const smChecks = smInputs.map((sm, index) => checkStartMoment(sm, `start_moments[${index}].`));
  const violations = [...checkProgramme(programme), ...smChecks.flatMap((check) => check.violations)];
  const codes = smInputs.map((sm) => sm.providerStartMomentCode);
  codes.forEach((code, index) => codes.indexOf(code) !== index && violations.push({ field: `start_moments[${index}].provider_start_moment_code`, description: 'komt twee keer voor' }));
  if (seenCodes.has(item.programmeCode)) violations.push({ field: 'provider_programme_code', description: 'komt twee keer voor in deze levering' });
  seenCodes.add(item.programmeCode);
  const rows = errorRows(sequence, item.programmeCode, codes, violations);
  if (rows.length > 0) return { sequence, programmeCode: item.programmeCode, startMoments: [], cancelledCodes: [], rows };
  return {
    sequence,
    programmeCode: item.programmeCode,
    programme: { ...programme, notAvailableForStap: item.notAvailableForStap },
    startMoments: smChecks.map((check) => ({ checked: check.checked as CheckedStartMoment, fingerprint: fingerprintOf(check.checked as CheckedStartMoment) })),
    cancelledCodes: item.cancelledStartMomentCodes,
    rows: [],
  };
}

const info = (sequence: number, subject: ReportRow['subject'], programmeCode: string, smCode: string, trainingId: string | null, smId: string | null, code: keyof typeof INFO_MESSAGES): ReportRow => ({
  itemSequence: sequence, signal: 'INFO', subject, providerProgrammeCode: programmeCode, providerStartMomentCode: smCode, trainingId, startMomentId: smId, code, message: INFO_MESSAGES[code],
});

function parseEnvelope(raw: unknown): FeedEnvelope {
  const parsed = feedEnvelopeSchema.safeParse(raw);
  if (!parsed.success) throw invalid(zodViolations(parsed.error), 'the feed header is invalid');
  return parsed.data;
}

export async function importFeed(prisma: PrismaClient, actor: Actor, raw: unknown, now = new Date()): Promise<FeedSummary> {
  const feed = parseEnvelope(raw);
  const providerId = feed.provider.providerId;
  const previous = await prisma.feedSubmission.findUnique({ where: { providerId_feedReference: { providerId, feedReference: feed.feedReference } } });
  const provider = await requireProviderActor(prisma, actor, providerId);
  if (provider.kvkNumber !== feed.provider.kvkNumber) throw invalid([{ field: 'provider.kvkNumber', description: 'does not match the provider' }]);
  if (previous) return previous;
  const seen = new Set<string>();
  const items = feed.programmes.map((item, index) => checkItem(item, index + 1, seen));
  return prisma.$transaction(
    async (tx) => {
      const id = randomUUID();
      const result = provider.suspended || provider.ended
        ? rejectedFeed(provider.suspended ? 'aanbieder is geschorst' : 'registratie van de aanbieder is beëindigd')
        : await processItems(tx, actor.subject, provider, items, feed.mode === 'FULL', now);
      const rows = result.rows.map((row, index) => ({ ...row, rowNumber: index + 1 }));
      // The submission row is written once, when the outcome is known; PROCESSING is never visible outside this transaction.
      const summary = await tx.feedSubmission.create({
        data: {
          id, providerId, feedReference: feed.feedReference, mode: feed.mode, status: result.status, itemCount: items.length, receivedAt: now,
          appliedCount: result.applied, failedCount: result.failed, processedAt: new Date(),
          infoRowCount: rows.filter((r) => r.signal === 'INFO').length, errorRowCount: rows.filter((r) => r.signal === 'FOUT').length,
        },
      });
      await insertReportRows(tx, id, provider.kvkNumber, rows);
      await emitInBulk(tx, [
        feedEvents.received(id, providerId, items.length),
        ...result.events,
        feedEvents.processed(id, providerId, feedStatusFromJSON(`FEED_STATUS_${result.status}`), result.applied, result.failed),
      ]);
      return summary;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

/** The processing report of one feed in one statement. */
async function insertReportRows(tx: TransactionClient, feedId: string, kvkNumber: string, rows: (ReportRow & { rowNumber: number })[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <V>(value: (row: ReportRow & { rowNumber: number }) => V) => rows.map(value);
  await tx.$executeRaw`
    INSERT INTO feed_report_row (feed_id, row_number, item_sequence, signal, subject, provider_kvk_number, provider_programme_code,
                                 provider_start_moment_code, training_id, start_moment_id, code, message)
    SELECT ${feedId}::uuid, u.row_number, u.item_sequence, u.signal, u.subject, ${kvkNumber}, u.programme_code, u.start_moment_code, u.training_id,
           u.start_moment_id, u.code, u.message
      FROM unnest(${col((r) => r.rowNumber)}::int[], ${col((r) => r.itemSequence)}::int[], ${col((r) => r.signal)}::text[], ${col((r) => r.subject)}::text[],
                  ${col((r) => r.providerProgrammeCode)}::text[], ${col((r) => r.providerStartMomentCode)}::text[], ${col((r) => r.trainingId)}::uuid[],
                  ${col((r) => r.startMomentId)}::uuid[], ${col((r) => r.code)}::text[], ${col((r) => r.message)}::text[])
        AS u(row_number, item_sequence, signal, subject, programme_code, start_moment_code, training_id, start_moment_id, code, message)`;
}

interface ProcessResult {
  status: 'PROCESSED' | 'REJECTED';
  rows: ReportRow[];
  /** Events of the new programmes, written with the feed's own events in one statement. */
  events: DomainEvent[];
  applied: number;
  failed: number;
}

function rejectedFeed(message: string): ProcessResult {
  return { status: 'REJECTED', applied: 0, failed: 0, events: [], rows: [{ itemSequence: 0, signal: 'FOUT', subject: 'PROVIDER', providerProgrammeCode: '', providerStartMomentCode: '', trainingId: null, startMomentId: null, code: 'PROVIDER_NOT_ACTIVE', message }] };
}

async function storedTrainings(tx: TransactionClient, providerId: string): Promise<Map<string, StoredTraining>> {
  const trainings = await trainingsOfProvider(tx, providerId);
  return new Map(
    trainings.map((t) => [
      t.provider_programme_code,
      {
        id: t.id, lifecycle: t.lifecycle, notAvailableForStap: t.not_available_for_stap,
        programme: {
          name: t.name, description: t.description, studyLoadHours: t.study_load_hours, nlqfLevel: t.nlqf_level, eqfLevel: t.eqf_level, sector: t.sector,
          language: t.language, deliveryMode: t.delivery_mode, leadsToCertificate: t.leads_to_certificate,
        },
        startMoments: t.start_moments.map((sm) => ({ id: sm.id, providerStartMomentCode: sm.providerStartMomentCode, status: sm.status, fingerprint: startMomentFingerprint(sm) })),
      },
    ]),
  );
}

type FeedProvider = Awaited<ReturnType<typeof requireProviderActor>>;

async function processItems(tx: TransactionClient, actor: string, provider: FeedProvider, items: CheckedItem[], fullMode: boolean, now: Date): Promise<ProcessResult> {
  const stored = await storedTrainings(tx, provider.providerId);
  const rows: ReportRow[] = [];
  const creates: CheckedItem[] = [];
  let applied = 0;
  let failed = 0;
  for (const item of items) {
    if (!item.programme) {
      rows.push(...item.rows);
      failed += 1;
      continue;
    }
    const existing = stored.get(item.programmeCode);
    if (!existing) {
      creates.push(item);
      continue;
    }
    const plan = planItem(existing, item.programme, item.startMoments, item.cancelledCodes, fullMode);
    if (plan.refusals.length > 0) {
      failed += 1;
      rows.push(...plan.refusals.map((r) => ({ itemSequence: item.sequence, signal: 'FOUT' as const, subject: r.startMomentCode ? ('START_MOMENT' as const) : ('PROGRAMME' as const), providerProgrammeCode: item.programmeCode, providerStartMomentCode: r.startMomentCode, trainingId: existing.id, startMomentId: null, code: r.code, message: r.message })));
      continue;
    }
    if (planChangesAnything(plan)) applied += 1;
    rows.push(...(await applyPlan(tx, actor, item, existing.id, plan, now)));
  }
  const created = await createInBulk(tx, actor, provider, creates, now);
  rows.push(...created.rows);
  applied += creates.length;
  if (fullMode) rows.push(...(await withdrawMissing(tx, actor, stored, new Set(items.map((i) => i.programmeCode)), now)));
  rows.sort((a, b) => a.itemSequence - b.itemSequence);
  return { status: 'PROCESSED', rows, events: created.events, applied, failed };
}

async function applyPlan(tx: TransactionClient, actor: string, item: CheckedItem, trainingId: string, plan: ItemPlan, now: Date): Promise<ReportRow[]> {
  if (!planChangesAnything(plan)) {
    return [info(item.sequence, 'PROGRAMME', item.programmeCode, '', trainingId, null, 'UNCHANGED'), ...plan.startMoments.map((a) => info(item.sequence, 'START_MOMENT', item.programmeCode, a.kind === 'UNCHANGED' ? a.code : '', trainingId, a.kind === 'UNCHANGED' ? a.id : null, 'UNCHANGED'))];
  }
  const rows: ReportRow[] = [];
  const changed = await applyProgrammeChanges(tx, actor, trainingId, plan.programmeChanges, now);
  rows.push(info(item.sequence, 'PROGRAMME', item.programmeCode, '', trainingId, null, changed.length > 0 || plan.notAvailableForStap !== null ? 'CHANGED' : 'UNCHANGED'));
  if (plan.notAvailableForStap !== null) {
    await tx.training.update({ where: { id: trainingId }, data: { notAvailableForStap: plan.notAvailableForStap } });
    await emit(tx, [trainingEvents.stapAvailabilityChanged(trainingId, plan.notAvailableForStap)]);
    await recordHistory(tx, [{ trainingId, kind: 'STAP_AVAILABILITY_CHANGED', detail: { notAvailableForStap: plan.notAvailableForStap, via: 'feed' }, actor }]);
  }
  for (const action of plan.startMoments) rows.push(await applyStartMomentAction(tx, actor, item, trainingId, action));
  await bumpVersion(tx, trainingId);
  await rederive(tx, trainingId, actor, now);
  return rows;
}

async function applyStartMomentAction(tx: TransactionClient, actor: string, item: CheckedItem, trainingId: string, action: ItemPlan['startMoments'][number]): Promise<ReportRow> {
  switch (action.kind) {
    case 'UNCHANGED':
      return info(item.sequence, 'START_MOMENT', item.programmeCode, action.code, trainingId, action.id, 'UNCHANGED');
    case 'CREATE': {
      const id = await scheduleStartMoment(tx, trainingId, action.input, actor);
      return info(item.sequence, 'START_MOMENT', item.programmeCode, action.input.providerStartMomentCode, trainingId, id, 'CREATED');
    }
    case 'CHANGE': {
      const row = await tx.startMoment.update({ where: { id: action.id }, data: { ...startMomentColumns(action.input), version: { increment: 1 } } });
      await emit(tx, [trainingEvents.startMomentChanged(trainingId, { id: row.id, startDate: isoDate(row.startDate), endDate: isoDate(row.endDate), totalCents: row.totalCents, version: row.version })]);
      await recordHistory(tx, [{ trainingId, startMomentId: row.id, kind: 'START_MOMENT_CHANGED', detail: { via: 'feed' }, actor }]);
      return info(item.sequence, 'START_MOMENT', item.programmeCode, action.input.providerStartMomentCode, trainingId, row.id, 'CHANGED');
    }
    case 'CANCEL':
      await tx.startMoment.update({ where: { id: action.id }, data: { status: 'CANCELLED', cancellationReason: action.reason, version: { increment: 1 } } });
      await emit(tx, [trainingEvents.startMomentCancelled(trainingId, action.id, action.reason)]);
      await recordHistory(tx, [{ trainingId, startMomentId: action.id, kind: 'START_MOMENT_CANCELLED', detail: { reason: action.reason, via: 'feed' }, actor }]);
      return info(item.sequence, 'START_MOMENT', item.programmeCode, action.code, trainingId, action.id, 'CANCELLED');
  }
}

/**
 * New programmes, set-based: one INSERT for the trainings (with search vector and facets), one for their start
 * moments, one for the history rows; the events are returned to be written with the feed's own in one INSERT.
 * The same status, events and history as CreateTraining + rederive would give a complete new programme.
 */
async function createInBulk(tx: TransactionClient, actor: string, provider: FeedProvider, items: CheckedItem[], now: Date): Promise<{ rows: ReportRow[]; events: DomainEvent[] }> {
  if (items.length === 0) return { rows: [], events: [] };
  const providerId = provider.providerId;
  const eligible = await providerEligibility(tx, providerId);
  const limit = grantLimitPerYearOn(now);
  const trainings: NewTraining[] = [];
  const startMoments: NewStartMoment[] = [];
  const history: HistoryRow[] = [];
  const events: DomainEvent[] = [];
  const rows: ReportRow[] = [];
  for (const item of items) {
    const programme = item.programme as NonNullable<CheckedItem['programme']>;
    const trainingId = randomUUID();
    const { status, closedReason } = deriveStatus({ lifecycle: 'ACTIVE', description: programme.description, startMomentStatuses: item.startMoments.map(() => 'OPEN'), grantsThisYear: 0, grantLimitPerYear: limit });
    const facets = searchFacets(item.startMoments.map(({ checked }) => ({ status: 'OPEN', startDate: checked.startDate, cityKey: startMomentColumns(checked).cityKey, postalCode: checked.postalCode, totalCents: checked.totalCents })));
    trainings.push({
      id: trainingId, providerProgrammeCode: programme.providerProgrammeCode, name: programme.name.trim(), description: programme.description.trim(), studyLoadHours: programme.studyLoadHours,
      nlqfLevel: programme.nlqfLevel, eqfLevel: programme.eqfLevel, sector: programme.sector, language: programme.language, deliveryMode: programme.deliveryMode,
      leadsToCertificate: programme.leadsToCertificate, notAvailableForStap: programme.notAvailableForStap, status, applicationClosedReason: closedReason, facets,
    });
    events.push(trainingEvents.registered({ trainingId, providerId, providerProgrammeCode: programme.providerProgrammeCode, name: programme.name, status: trainingStatusFromJSON(status) }));
    history.push({ trainingId, kind: 'REGISTERED', detail: { via: 'feed' }, actor });
    rows.push(info(item.sequence, 'PROGRAMME', item.programmeCode, '', trainingId, null, 'CREATED'));
    for (const { checked } of item.startMoments) {
      const id = randomUUID();
      startMoments.push({ id, trainingId, startMoment: checked });
      events.push(trainingEvents.startMomentScheduled(trainingId, { id, startDate: checked.startDate, endDate: checked.endDate, totalCents: checked.totalCents, locationKind: locationKindFromJSON(checked.location.kind) }));
      history.push({ trainingId, startMomentId: id, kind: 'START_MOMENT_SCHEDULED', detail: { code: checked.providerStartMomentCode, via: 'feed' }, actor });
      rows.push(info(item.sequence, 'START_MOMENT', item.programmeCode, checked.providerStartMomentCode, trainingId, id, 'CREATED'));
    }
    if (status === 'TRAINING_STATUS_PUBLISHED') events.push(trainingEvents.published(trainingId, providerId, programme.notAvailableForStap));
    if (status !== 'TRAINING_STATUS_INCOMPLETE') history.push({ trainingId, kind: `STATUS_${status.replace('TRAINING_STATUS_', '')}`, detail: { from: 'TRAINING_STATUS_INCOMPLETE', to: status }, actor });
  }
  await insertTrainings(tx, { providerId, communicationName: provider.communicationName, eligible }, trainings);
  await insertStartMoments(tx, startMoments);
  await recordHistoryInBulk(tx, history);
  return { rows, events };
}

/** FULL mode: programmes of the provider that the feed no longer lists are withdrawn (history and start moments kept). */
async function withdrawMissing(tx: TransactionClient, actor: string, stored: Map<string, StoredTraining>, listed: Set<string>, now: Date): Promise<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (const [code, training] of stored) {
    if (listed.has(code) || training.lifecycle !== 'ACTIVE') continue;
    await tx.training.update({ where: { id: training.id }, data: { lifecycle: 'WITHDRAWN', withdrawnReason: INFO_MESSAGES.WITHDRAWN } });
    await bumpVersion(tx, training.id);
    await emit(tx, [trainingEvents.withdrawn(training.id, INFO_MESSAGES.WITHDRAWN)]);
    await recordHistory(tx, [{ trainingId: training.id, kind: 'WITHDRAWN', detail: { via: 'feed' }, actor }]);
    await rederive(tx, training.id, actor, now);
    rows.push(info(0, 'PROGRAMME', code, '', training.id, null, 'WITHDRAWN'));
  }
  return rows;
}

export async function listReportRows(prisma: PrismaClient, feedId: string, signal?: 'INFO' | 'FOUT', offset = 0, limit = 500) {
  const feed = await prisma.feedSubmission.findUnique({ where: { id: feedId } });
  if (!feed) throw notFoundError(`feed ${feedId} does not exist`);
  return prisma.feedReportRow.findMany({ where: { feedId, ...(signal ? { signal } : {}) }, orderBy: { rowNumber: 'asc' }, skip: offset, take: limit });
}
