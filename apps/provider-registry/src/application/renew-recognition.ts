// Use case: the body that granted a recognition extends it with a new end date (e.g. a renewed NRTO quality mark).
// The old end date stays in recognition_change, so the history is never lost.
import { invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { compareDates } from '@stap/regelingen';
import { requireRouteAuthority, type Actor } from '../domain/actor';
import { fromDbDate, fromDbDateOrNull, partsFromIso, toDbDate, type IsoDate } from '../domain/dates';
import type { RecognitionRouteName } from '../domain/recognition';
import { recognitionRenewedEvent } from '../infrastructure/messaging/provider-events';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { lockProvider, recordChange, touchProvider } from './changes';
import { assertUuid } from './ids';
import { loadProviderView, type ProviderView } from './provider-view';
import { routeToProto } from './proto-enums';

export async function renewRecognition(
  prisma: PrismaClient,
  ids: { providerId: string; recognitionId: string },
  newEnd: IsoDate | undefined,
  actor: Actor,
): Promise<ProviderView> {
  assertUuid(ids.providerId, 'provider_id');
  assertUuid(ids.recognitionId, 'recognition_id');
  if (!newEnd) throw invalid([{ field: 'new_end', description: 'must be a calendar date' }]);
  return prisma.$transaction(async (tx) => {
    await lockProvider(tx, ids.providerId);
    const recognition = await tx.recognition.findFirst({ where: { id: ids.recognitionId, providerId: ids.providerId } });
    if (!recognition) throw notFoundError('no recognition with that id for this provider');
    requireRouteAuthority(actor, recognition.route as RecognitionRouteName);
    if (recognition.revokedFrom !== null) throw preconditionFailed('a revoked recognition cannot be renewed', 'RECOGNITION_REVOKED');
    const currentEnd = fromDbDateOrNull(recognition.validUntil);
    if (currentEnd === null || compareDates(newEnd, currentEnd) <= 0) {
      throw invalid([{ field: 'new_end', description: `must be after the current end (${currentEnd ?? 'open-ended'})` }]);
    }
    // A renewal after the expiry sweep ran makes the recognition current again; expired_at is cleared for the sweep.
    const renewed = await tx.recognition.update({ where: { id: recognition.id }, data: { validUntil: toDbDate(newEnd), expiredAt: null } });
    await tx.recognitionChange.create({ data: { recognitionId: recognition.id, kind: 'RENEWED', validUntilAfter: toDbDate(newEnd), recordedBy: actor.subject } });
    await touchProvider(tx, ids.providerId);
    const event = recognitionRenewedEvent({
      providerId: ids.providerId,
      recognitionId: recognition.id,
      route: routeToProto(recognition.route as RecognitionRouteName),
      issuingBody: recognition.issuingBody,
      validPeriod: { start: partsFromIso(fromDbDate(renewed.validFrom)), end: partsFromIso(newEnd) },
      renewedAt: new Date().toISOString(),
    });
    const details = { previousEnd: currentEnd, newEnd };
    await recordChange(tx, actor, { aggregateType: 'recognition', aggregateId: recognition.id, action: 'RENEWED', details }, [event]);
    return loadProviderView(tx, { providerId: ids.providerId });
  });
}
