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
import { isoDate, providerEligibility, recordHistory, rederive, refreshSearchVectors, startMomentColumns } from '../infrastructure/training-store';
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
  const provider = await prisma.$transaction((tx) => requireProviderActor(tx, actor, providerId));
  if (provider.kvkNumber !== feed.provider.kvkNumber) throw invalid([{ field: 'provider.kvkNumber', description: 'does not match the provider' }]);
  if (previous) return previous;
  const seen = new Set<string>();
  const items = feed.programmes.map((item, index) => checkItem(item, index + 1, seen));
  return prisma.$transaction(
    async (tx) => {
      const id = randomUUID();
      await tx.feedSubmission.create({ data: { id, providerId, feedReference: feed.feedReference, mode: feed.mode, status: 'PROCESSING', itemCount: items.length, receivedAt: now } });
      const events: DomainEvent[] = [feedEvents.received(id, providerId, items.length)];
      const result = provider.suspended || provider.ended
        ? rejectedFeed(provider.suspended ? 'aanbieder is geschorst' : 'registratie van de aanbieder is beëindigd')
        : await processItems(tx, actor.subject, providerId, items, feed.mode === 'FULL', now);
      const rows = result.rows.map((row, index) => ({ ...row, feedId: id, rowNumber: index + 1, providerKvkNumber: provider.kvkNumber }));
      for (let start = 0; start < rows.length; start += 5_000) await tx.feedReportRow.createMany({ data: rows.slice(start, start + 5_000) });
      const summary = await tx.feedSubmission.update({
        where: { id },
        data: {
          status: result.status, appliedCount: result.applied, failedCount: result.failed, processedAt: new Date(),
          infoRowCount: rows.filter((r) => r.signal === 'INFO').length, errorRowCount: rows.filter((r) => r.signal === 'FOUT').length,
        },
      });
      events.push(feedEvents.processed(id, providerId, feedStatusFromJSON(`FEED_STATUS_${result.status}`), result.applied, result.failed));
      await emit(tx, events);
      return summary;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

interface ProcessResult {
  status: 'PROCESSED' | 'REJECTED';
  rows: ReportRow[];
  applied: number;
  failed: number;
}

function rejectedFeed(message: string): ProcessResult {
  return { status: 'REJECTED', applied: 0, failed: 0, rows: [{ itemSequence: 0, signal: 'FOUT', subject: 'PROVIDER', providerProgrammeCode: '', providerStartMomentCode: '', trainingId: null, startMomentId: null, code: 'PROVIDER_NOT_ACTIVE', message }] };
}

async function storedTrainings(tx: TransactionClient, providerId: string): Promise<Map<string, StoredTraining>> {
  const trainings = await tx.training.findMany({ where: { providerId }, include: { startMoments: true } });
  return new Map(
    trainings.map((t) => [
      t.providerProgrammeCode,
      {
        id: t.id, lifecycle: t.lifecycle, notAvailableForStap: t.notAvailableForStap,
        programme: { name: t.name, description: t.description, studyLoadHours: t.studyLoadHours, nlqfLevel: t.nlqfLevel, eqfLevel: t.eqfLevel, sector: t.sector, language: t.language, deliveryMode: t.deliveryMode, leadsToCertificate: t.leadsToCertificate },
        startMoments: t.startMoments.map((sm) => ({ id: sm.id, providerStartMomentCode: sm.providerStartMomentCode, status: sm.status, fingerprint: startMomentFingerprint({ ...sm, startDate: isoDate(sm.startDate), endDate: isoDate(sm.endDate) }) })),
      },
    ]),
  );
}

async function processItems(tx: TransactionClient, actor: string, providerId: string, items: CheckedItem[], fullMode: boolean, now: Date): Promise<ProcessResult> {
  const stored = await storedTrainings(tx, providerId);
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
  rows.push(...(await createInBulk(tx, actor, providerId, creates, now)));
  applied += creates.length;
  if (fullMode) rows.push(...(await withdrawMissing(tx, actor, stored, new Set(items.map((i) => i.programmeCode)), now)));
  rows.sort((a, b) => a.itemSequence - b.itemSequence);
  return { status: 'PROCESSED', rows, applied, failed };
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

/** New programmes in a few multi-row statements: trainings, start moments, history, events, search vectors. */
async function createInBulk(tx: TransactionClient, actor: string, providerId: string, items: CheckedItem[], now: Date): Promise<ReportRow[]> {
  if (items.length === 0) return [];
  const eligible = await providerEligibility(tx, providerId);
  const limit = grantLimitPerYearOn(now);
  const trainings = [];
  const startMoments = [];
  const history = [];
  const events: DomainEvent[] = [];
  const rows: ReportRow[] = [];
  for (const item of items) {
    const programme = item.programme as NonNullable<CheckedItem['programme']>;
    const trainingId = randomUUID();
    const { status, closedReason } = deriveStatus({ lifecycle: 'ACTIVE', description: programme.description, startMomentStatuses: item.startMoments.map(() => 'OPEN'), grantsThisYear: 0, grantLimitPerYear: limit });
    const open = item.startMoments.map((sm) => sm.checked);
    trainings.push({
      id: trainingId, providerId, providerProgrammeCode: programme.providerProgrammeCode, name: programme.name.trim(), description: programme.description.trim(), studyLoadHours: programme.studyLoadHours,
      nlqfLevel: programme.nlqfLevel, eqfLevel: programme.eqfLevel, sector: programme.sector, language: programme.language, deliveryMode: programme.deliveryMode,
      leadsToCertificate: programme.leadsToCertificate, notAvailableForStap: programme.notAvailableForStap, lifecycle: 'ACTIVE', status, applicationClosedReason: closedReason, providerEligible: eligible,
      minPriceCents: open.length > 0 ? Math.min(...open.map((sm) => sm.totalCents)) : null,
      firstStartDate: open.length > 0 ? new Date(`${open.map((sm) => sm.startDate).sort()[0]}T00:00:00Z`) : null,
    });
    events.push(trainingEvents.registered({ trainingId, providerId, providerProgrammeCode: programme.providerProgrammeCode, name: programme.name, status: trainingStatusFromJSON(status) }));
    history.push({ trainingId, kind: 'REGISTERED', detail: { via: 'feed' }, actor });
    rows.push(info(item.sequence, 'PROGRAMME', item.programmeCode, '', trainingId, null, 'CREATED'));
    for (const { checked } of item.startMoments) {
      const id = randomUUID();
      startMoments.push({ id, trainingId, status: 'OPEN', ...startMomentColumns(checked) });
      events.push(trainingEvents.startMomentScheduled(trainingId, { id, startDate: checked.startDate, endDate: checked.endDate, totalCents: checked.totalCents, locationKind: locationKindFromJSON(checked.location.kind) }));
      history.push({ trainingId, startMomentId: id, kind: 'START_MOMENT_SCHEDULED', detail: { code: checked.providerStartMomentCode, via: 'feed' }, actor });
      rows.push(info(item.sequence, 'START_MOMENT', item.programmeCode, checked.providerStartMomentCode, trainingId, id, 'CREATED'));
    }
    if (status === 'TRAINING_STATUS_PUBLISHED') events.push(trainingEvents.published(trainingId, providerId, programme.notAvailableForStap));
    if (status !== 'TRAINING_STATUS_INCOMPLETE') history.push({ trainingId, kind: `STATUS_${status.replace('TRAINING_STATUS_', '')}`, detail: { from: 'TRAINING_STATUS_INCOMPLETE', to: status }, actor });
  }
  const chunk = 2_000;
  for (let i = 0; i < trainings.length; i += chunk) await tx.training.createMany({ data: trainings.slice(i, i + chunk) });
  for (let i = 0; i < startMoments.length; i += chunk) await tx.startMoment.createMany({ data: startMoments.slice(i, i + chunk) });
  for (let i = 0; i < history.length; i += chunk) await recordHistory(tx, history.slice(i, i + chunk));
  for (let i = 0; i < events.length; i += chunk) await emit(tx, events.slice(i, i + chunk));
  const ids = trainings.map((t) => t.id);
  for (let i = 0; i < ids.length; i += chunk) await refreshSearchVectors(tx, ids.slice(i, i + chunk));
  return rows;
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
