// CreateTraining: a provider registers a programme, optionally with start moments. It is PUBLISHED once its data set
// is complete, INCOMPLETE until then (DOMAIN.md §3). One transaction: training, start moments, history, events.
import { randomUUID } from 'node:crypto';
import { conflict, invalid, preconditionFailed, type Violation } from '@stap/platform/errors';
import { checkProgramme, checkStartMoment, type CheckedStartMoment, type ProgrammeInput, type StartMomentInput } from '../domain/training';
import { locationKindFromJSON, trainingStatusFromJSON } from '@stap/contracts/stap/register/v1/register';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { emit, trainingEvents } from '../infrastructure/messaging/register-events';
import { isoDate, providerEligibility, recordHistory, rederive, startMomentColumns } from '../infrastructure/training-store';
import { requireProviderActor, type Actor } from './actor';

export interface CreateTrainingInput extends ProgrammeInput {
  providerId: string;
  startMoments: StartMomentInput[];
}

export function checkStartMoments(inputs: StartMomentInput[], prefix = 'start_moments', earlier: Violation[] = []): CheckedStartMoment[] {
  const results = inputs.map((sm, index) => checkStartMoment(sm, `${prefix}[${index}].`));
  const violations = [...earlier, ...results.flatMap((result) => result.violations)];
  const codes = inputs.map((sm) => sm.providerStartMomentCode);
  codes.forEach((code, index) => codes.indexOf(code) !== index && violations.push({ field: `${prefix}[${index}].provider_start_moment_code`, description: 'is used twice' }));
  if (violations.length > 0) throw invalid(violations);
  return results.map((result) => result.checked as CheckedStartMoment);
}

export async function createTraining(prisma: PrismaClient, actor: Actor, input: CreateTrainingInput, now = new Date()): Promise<string> {
  const startMoments = checkStartMoments(input.startMoments ?? [], 'start_moments', checkProgramme(input));
  return prisma.$transaction(async (tx) => {
    const provider = await requireProviderActor(tx, actor, input.providerId);
    if (provider.suspended || provider.ended) throw preconditionFailed('the provider is suspended or ended', 'PROVIDER_NOT_ACTIVE');
    const existing = await tx.training.findUnique({ where: { providerId_providerProgrammeCode: { providerId: input.providerId, providerProgrammeCode: input.providerProgrammeCode } } });
    if (existing) throw conflict('provider_programme_code is already used by this provider', [{ field: 'provider_programme_code', description: 'already exists' }]);
    const id = randomUUID();
    await tx.training.create({
      data: {
        id, providerId: input.providerId, providerProgrammeCode: input.providerProgrammeCode, name: input.name.trim(), description: input.description.trim(),
        studyLoadHours: input.studyLoadHours, nlqfLevel: input.nlqfLevel, eqfLevel: input.eqfLevel, sector: input.sector, language: input.language,
        deliveryMode: input.deliveryMode, leadsToCertificate: input.leadsToCertificate, lifecycle: 'ACTIVE', status: 'TRAINING_STATUS_INCOMPLETE',
        providerEligible: await providerEligibility(tx, input.providerId),
      },
    });
    await emit(tx, [trainingEvents.registered({ trainingId: id, providerId: input.providerId, providerProgrammeCode: input.providerProgrammeCode, name: input.name, status: trainingStatusFromJSON('TRAINING_STATUS_INCOMPLETE') })]);
    await recordHistory(tx, [{ trainingId: id, kind: 'REGISTERED', detail: { providerProgrammeCode: input.providerProgrammeCode }, actor: actor.subject }]);
    for (const sm of startMoments) await scheduleStartMoment(tx, id, sm, actor.subject);
    await rederive(tx, id, actor.subject, now);
    return id;
  });
}

/** Inserts one checked start moment with its event and history row. */
export async function scheduleStartMoment(tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0], trainingId: string, sm: CheckedStartMoment, actor: string): Promise<string> {
  const id = randomUUID();
  const row = await tx.startMoment.create({ data: { id, trainingId, status: 'OPEN', ...startMomentColumns(sm), capacity: sm.capacity ?? null } });
  await emit(tx, [trainingEvents.startMomentScheduled(trainingId, { id, startDate: isoDate(row.startDate), endDate: isoDate(row.endDate), totalCents: row.totalCents, locationKind: locationKindFromJSON(row.locationKind) })]);
  await recordHistory(tx, [{ trainingId, startMomentId: id, kind: 'START_MOMENT_SCHEDULED', detail: { code: sm.providerStartMomentCode, totalCents: sm.totalCents }, actor }]);
  return id;
}
