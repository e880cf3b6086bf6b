// Scheduled job: recognitions whose valid period ended without renewal are declared expired on the first day after
// the period, with a RecognitionExpired event (proto: "Emitted by the registry's daily job on the first day after the
// period"). Eligibility never depends on this job (it reads the dates), so a late run changes no answer; the event
// tells consumers (scholingsregister) to withdraw trainings. Safe to run concurrently: rows are claimed with
// FOR UPDATE SKIP LOCKED and marked in the same transaction as their event.
import { addDays } from '@stap/regelingen';
import type { Actor } from '../domain/actor';
import { fromDbDate, fromDbDateOrNull, partsFromIso, toDbDate, type IsoDate } from '../domain/dates';
import { isValidOn, type RecognitionFacts, type RecognitionRouteName } from '../domain/recognition';
import { recognitionExpiredEvent } from '../infrastructure/messaging/provider-events';
import type { PrismaClient, RecognitionRow } from '../infrastructure/prisma/client';
import { recordChange } from './changes';
import { routeToProto } from './proto-enums';

export const EXPIRY_SWEEP_ACTOR: Actor = { subject: 'provider-registry:expiry-sweep', kind: 'service', scopes: [] };
const BATCH = 200;

/** Expires every recognition due on `today`; returns how many it expired. */
export async function expireRecognitions(prisma: PrismaClient, today: IsoDate): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await expireBatch(prisma, today);
    total += expired;
    if (expired < BATCH) return total;
  }
}

async function expireBatch(prisma: PrismaClient, today: IsoDate): Promise<number> {
  const lastDayToExpire = toDbDate(addDays(today, -1));
  return prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM recognition
      WHERE expired_at IS NULL AND valid_until IS NOT NULL AND valid_until <= ${lastDayToExpire}
        AND (revoked_from IS NULL OR revoked_from > valid_until)
      ORDER BY valid_until, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    for (const { id } of due) {
      const recognition = await tx.recognition.update({ where: { id }, data: { expiredAt: new Date() } });
      await tx.recognitionChange.create({ data: { recognitionId: id, kind: 'EXPIRED', recordedBy: EXPIRY_SWEEP_ACTOR.subject } });
      const others = await tx.recognition.findMany({ where: { providerId: recognition.providerId, id: { not: id } } });
      const event = recognitionExpiredEvent({
        providerId: recognition.providerId,
        recognitionId: id,
        route: routeToProto(recognition.route as RecognitionRouteName),
        expiredAfter: partsFromIso(fromDbDate(recognition.validUntil as Date)),
        otherRecognitionValid: others.some((other) => isValidOn(facts(other), today)),
      });
      await recordChange(tx, EXPIRY_SWEEP_ACTOR, { aggregateType: 'recognition', aggregateId: id, action: 'EXPIRED' }, [event]);
    }
    return due.length;
  });
}

export function facts(row: RecognitionRow): RecognitionFacts {
  return {
    id: row.id,
    route: row.route as RecognitionRouteName,
    issuingBody: row.issuingBody,
    validFrom: fromDbDate(row.validFrom),
    validUntil: fromDbDateOrNull(row.validUntil),
    revokedFrom: fromDbDateOrNull(row.revokedFrom),
  };
}
