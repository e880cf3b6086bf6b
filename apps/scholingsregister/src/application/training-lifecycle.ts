// A training's lifecycle as people decide it: change, withdraw (provider), flag "not available for STAP" (provider
// or keeper), exclude and lift an exclusion (reviewer, with a reason and decision). History is kept, nothing is
// deleted. Sources: DOMAIN.md §1 (Toetsingskamer), §2.1 anti-abuse [pub], §3 statuses and flag.
import { exclusionReasonCodeFromJSON } from '@stap/contracts/stap/register/v1/register';
import type { PrismaClient, TransactionClient } from '../infrastructure/prisma/client';
import { emit, trainingEvents } from '../infrastructure/messaging/register-events';
import { lockTraining, recordHistory, rederive } from '../infrastructure/training-store';
import { checkProgramme, lifecycleRules, type Lifecycle, type ProgrammeInput } from '../domain/training';
import { invalid, preconditionFailed } from './errors';
import { conflict } from '@stap/platform/errors';
import { requireProviderActor, requireScope, SCOPES, type Actor } from './actor';
import { bumpVersion } from './manage-start-moments';

const EXCLUSION_REASONS = [
  'EXCLUSION_REASON_CODE_NOT_LABOUR_MARKET_ORIENTED', 'EXCLUSION_REASON_CODE_NOT_MARKET_PRICED', 'EXCLUSION_REASON_CODE_OFFERS_GIFTS_OR_PERKS',
  'EXCLUSION_REASON_CODE_GIVEN_ABROAD', 'EXCLUSION_REASON_CODE_NOT_OCW_RECOGNISED', 'EXCLUSION_REASON_CODE_MISLEADING_INFORMATION', 'EXCLUSION_REASON_CODE_OTHER',
];
const CHANGEABLE: (keyof ProgrammeInput)[] = ['name', 'description', 'studyLoadHours', 'nlqfLevel', 'eqfLevel', 'sector', 'language', 'deliveryMode', 'leadsToCertificate'];

export type TrainingChanges = Partial<Omit<ProgrammeInput, 'providerProgrammeCode'>>;

/** Applies descriptive changes; returns the changed field names (none: nothing written, no event). */
export async function applyProgrammeChanges(tx: TransactionClient, actor: string, trainingId: string, changes: TrainingChanges, now: Date): Promise<string[]> {
  const training = await lockTraining(tx, trainingId);
  const merged = { ...training, ...changes } as unknown as ProgrammeInput;
  const violations = checkProgramme(merged);
  if (violations.length > 0) throw invalid(violations);
  const changed = CHANGEABLE.filter((field) => changes[field as keyof TrainingChanges] !== undefined && changes[field as keyof TrainingChanges] !== (training as unknown as ProgrammeInput)[field]);
  if (changed.length === 0) return [];
  const refused = lifecycleRules.change(training.lifecycle as Lifecycle);
  if (refused) throw preconditionFailed(refused, 'TRAINING_NOT_ACTIVE');
  const data = Object.fromEntries(changed.map((field) => [field, merged[field]]));
  await tx.training.update({ where: { id: trainingId }, data });
  const version = await bumpVersion(tx, trainingId);
  const snake = changed.map((field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  await emit(tx, [trainingEvents.changed(trainingId, version, snake)]);
  await recordHistory(tx, [{ trainingId, kind: 'CHANGED', detail: { fields: snake }, actor }]);
  await rederive(tx, trainingId, actor, now);
  return snake;
}

export async function updateTraining(prisma: PrismaClient, actor: Actor, trainingId: string, expectedVersion: number | null, changes: TrainingChanges, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const training = await lockTraining(tx, trainingId);
    await requireProviderActor(tx, actor, training.providerId);
    if (expectedVersion !== null && expectedVersion !== training.version) throw conflict(`expected version ${expectedVersion}, the training is at version ${training.version}`);
    await applyProgrammeChanges(tx, actor.subject, trainingId, changes, now);
  });
}

export async function withdrawTraining(prisma: PrismaClient, actor: Actor, trainingId: string, reason: string, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const training = await lockTraining(tx, trainingId);
    await requireProviderActor(tx, actor, training.providerId);
    const refused = lifecycleRules.withdraw(training.lifecycle as Lifecycle);
    if (refused) throw preconditionFailed(refused, 'ALREADY_WITHDRAWN');
    await tx.training.update({ where: { id: trainingId }, data: { lifecycle: 'WITHDRAWN', withdrawnReason: reason?.trim() || null } });
    await bumpVersion(tx, trainingId);
    await emit(tx, [trainingEvents.withdrawn(trainingId, reason ?? '')]);
    await recordHistory(tx, [{ trainingId, kind: 'WITHDRAWN', detail: { reason: reason ?? '' }, actor: actor.subject }]);
    await rederive(tx, trainingId, actor.subject, now);
  });
}

export async function setStapAvailability(prisma: PrismaClient, actor: Actor, trainingId: string, notAvailableForStap: boolean, reason: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const training = await lockTraining(tx, trainingId);
    await requireProviderActor(tx, actor, training.providerId);
    if (training.notAvailableForStap === notAvailableForStap) return;
    await tx.training.update({ where: { id: trainingId }, data: { notAvailableForStap } });
    await bumpVersion(tx, trainingId);
    await emit(tx, [trainingEvents.stapAvailabilityChanged(trainingId, notAvailableForStap)]);
    await recordHistory(tx, [{ trainingId, kind: 'STAP_AVAILABILITY_CHANGED', detail: { notAvailableForStap, reason: reason ?? '' }, actor: actor.subject }]);
  });
}

export interface ExclusionInput {
  reasonCode: string;
  explanation: string;
  decisionReference: string;
  decisionReason: string;
}

export async function excludeTraining(prisma: PrismaClient, actor: Actor, trainingId: string, input: ExclusionInput, now = new Date()): Promise<void> {
  requireScope(actor, SCOPES.review);
  const violations = [];
  if (!EXCLUSION_REASONS.includes(input.reasonCode)) violations.push({ field: 'reason_code', description: `must be one of ${EXCLUSION_REASONS.join(', ')}` });
  if (!input.decisionReference?.trim()) violations.push({ field: 'decision.reference', description: 'is required' });
  if (!input.explanation?.trim() && !input.decisionReason?.trim()) violations.push({ field: 'explanation', description: 'a reason is required' });
  if (violations.length > 0) throw invalid(violations);
  await prisma.$transaction(async (tx) => {
    const training = await lockTraining(tx, trainingId);
    const refused = lifecycleRules.exclude(training.lifecycle as Lifecycle);
    if (refused) throw preconditionFailed(refused, 'ALREADY_EXCLUDED');
    await tx.training.update({
      where: { id: trainingId },
      data: {
        lifecycle: 'EXCLUDED', exclusionReasonCode: input.reasonCode, exclusionExplanation: input.explanation?.trim() ?? '', exclusionDecisionRef: input.decisionReference.trim(),
        exclusionDecisionReason: input.decisionReason?.trim() ?? '', excludedAt: now, excludedBy: actor.subject, exclusionLiftedAt: null, exclusionLiftedBy: null,
      },
    });
    await bumpVersion(tx, trainingId);
    await emit(tx, [trainingEvents.excluded(trainingId, training.providerId, exclusionReasonCodeFromJSON(input.reasonCode), { reference: input.decisionReference, reason: input.decisionReason ?? '' })]);
    await recordHistory(tx, [{ trainingId, kind: 'EXCLUDED', detail: { ...input }, actor: actor.subject }]);
    await rederive(tx, trainingId, actor.subject, now);
  });
}

export async function liftExclusion(prisma: PrismaClient, actor: Actor, trainingId: string, decision: { reference: string; reason: string }, now = new Date()): Promise<void> {
  requireScope(actor, SCOPES.review);
  if (!decision.reference?.trim()) throw invalid([{ field: 'decision.reference', description: 'is required' }]);
  await prisma.$transaction(async (tx) => {
    const training = await lockTraining(tx, trainingId);
    const refused = lifecycleRules.lift(training.lifecycle as Lifecycle);
    if (refused) throw preconditionFailed(refused, 'NOT_EXCLUDED');
    // A lifted exclusion returns the training to ACTIVE; withdrawal before exclusion is not tracked separately.
    await tx.training.update({ where: { id: trainingId }, data: { lifecycle: 'ACTIVE', exclusionLiftedAt: now, exclusionLiftedBy: actor.subject } });
    await bumpVersion(tx, trainingId);
    await emit(tx, [trainingEvents.exclusionLifted(trainingId, decision)]);
    await recordHistory(tx, [{ trainingId, kind: 'EXCLUSION_LIFTED', detail: { ...decision }, actor: actor.subject }]);
    await rederive(tx, trainingId, actor.subject, now);
  });
}
