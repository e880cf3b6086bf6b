// UpdateStartMoment: a provider changes the dates, location, price or capacity of a start moment. The change is checked with
// the same rules as a new start moment (domain/training.ts checkStartMoment), written in place with a version bump,
// a START_MOMENT_CHANGED history row holding the values before and after, and a StartMomentChanged event; nothing is
// deleted. A cancelled start moment stays as it was (settlement needs it: DOMAIN.md §3).
import { conflict } from '@stap/platform/errors';
import type { PrismaClient, TransactionClient } from '../infrastructure/prisma/client';
import type { StartMoment as StartMomentRow } from '../infrastructure/prisma/generated/client';
import { emit, trainingEvents } from '../infrastructure/messaging/register-events';
import { isoDate, lockTraining, recordHistory, rederive, startMomentColumns } from '../infrastructure/training-store';
import { checkStartMoment, lifecycleRules, type Lifecycle, type StartMomentInput, type StartMomentStatus } from '../domain/training';
import { invalid, notFoundError, preconditionFailed } from './errors';
import { requireProviderActor, type Actor } from './actor';
import { bumpVersion } from './manage-start-moments';
import { isUuid } from '@stap/platform/ids';

/** What may change; an absent part stays as stored. A price replaces all components. */
export interface StartMomentChanges {
  startDate?: string;
  endDate?: string;
  location?: StartMomentInput['location'];
  price?: StartMomentInput['price'];
  capacity?: number | null;
}


/** The stored start moment as the input it would have been given with. */
export function startMomentInputOf(row: StartMomentRow): StartMomentInput {
  return {
    providerStartMomentCode: row.providerStartMomentCode,
    startDate: isoDate(row.startDate),
    endDate: isoDate(row.endDate),
    location: {
      kind: row.locationKind,
      address: row.street !== null
        ? { street: row.street, houseNumber: row.houseNumber ?? 0, houseNumberAddition: row.houseNumberAddition ?? '', postalCode: row.postalCode ?? '', city: row.city ?? '' }
        : undefined,
      countryCode: row.countryCode ?? undefined,
      venueName: row.venueName ?? undefined,
    },
    price: { courseTuitionCents: row.courseTuitionCents, examCents: row.examCents, literatureCents: row.literatureCents },
    capacity: row.capacity,
  };
}

async function lockForChange(tx: TransactionClient, actor: Actor, startMomentId: string) {
  const found = isUuid(startMomentId) ? await tx.startMoment.findUnique({ where: { id: startMomentId } }) : null;
  if (!found) throw notFoundError(`start moment ${startMomentId} does not exist`);
  const training = await lockTraining(tx, found.trainingId);
  await requireProviderActor(tx, actor, training.providerId);
  // Re-read under the training's lock: a concurrent change of this start moment has committed by now.
  return { sm: await tx.startMoment.findUniqueOrThrow({ where: { id: startMomentId } }), training };
}

export async function updateStartMoment(prisma: PrismaClient, actor: Actor, startMomentId: string, expectedVersion: number | null, changes: StartMomentChanges, now = new Date()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { sm, training } = await lockForChange(tx, actor, startMomentId);
    if (expectedVersion !== null && expectedVersion !== sm.version) throw conflict(`expected version ${expectedVersion}, the start moment is at version ${sm.version}`);
    const refusedTraining = lifecycleRules.change(training.lifecycle as Lifecycle);
    if (refusedTraining) throw preconditionFailed(refusedTraining, 'TRAINING_NOT_ACTIVE');
    const refused = lifecycleRules.changeStartMoment(sm.status as StartMomentStatus);
    if (refused) throw preconditionFailed(refused, 'START_MOMENT_CANCELLED');
    const before = startMomentInputOf(sm);
    const merged: StartMomentInput = { ...before, ...definedOnly(changes) };
    const { violations, checked } = checkStartMoment(merged);
    if (!checked) throw invalid(violations);
    // Capacity is kept beside the shared columns (feeds do not carry it, so the feed import never writes it).
    const columns = { ...startMomentColumns(checked), capacity: checked.capacity ?? null };
    const stored = sm as unknown as Record<string, unknown>;
    const changed = Object.entries(columns).filter(([key, value]) => comparable(value) !== comparable(stored[key])).map(([key]) => key);
    if (changed.length === 0) return;
    const row = await tx.startMoment.update({ where: { id: sm.id }, data: { ...columns, version: { increment: 1 } } });
    await emit(tx, [trainingEvents.startMomentChanged(sm.trainingId, { id: sm.id, startDate: isoDate(row.startDate), endDate: isoDate(row.endDate), totalCents: row.totalCents, version: row.version })]);
    await recordHistory(tx, [{ trainingId: sm.trainingId, startMomentId: sm.id, kind: 'START_MOMENT_CHANGED', detail: JSON.parse(JSON.stringify({ fields: changed, before, after: merged })), actor: actor.subject }]);
    await bumpVersion(tx, sm.trainingId);
    await rederive(tx, sm.trainingId, actor.subject, now);
  });
}

function definedOnly(changes: StartMomentChanges): Partial<StartMomentInput> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}

const comparable = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value ?? ''));
