// Use case: the body that granted a recognition revokes it from an effective date. From that day the provider's
// trainings that depended on it are no longer applyable (DOMAIN.md §3 "revocation makes the provider's trainings
// non-applyable"). The days before the effective date keep their answer.
import { invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { compareDates } from '@stap/regelingen';
import { requireRouteAuthority, type Actor } from '../domain/actor';
import { fromDbDateOrNull, partsFromIso, toDbDate, type IsoDate } from '../domain/dates';
import type { RecognitionRouteName } from '../domain/recognition';
import { recognitionRevokedEvent } from '../infrastructure/messaging/provider-events';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { lockProvider, recordChange, touchProvider } from './changes';
import { assertUuid } from './ids';
import { loadProviderView, type ProviderView } from './provider-view';
import { routeToProto } from './proto-enums';

export interface Revocation {
  effectiveDate: IsoDate | undefined;
  reason: string;
}

export async function revokeRecognition(
  prisma: PrismaClient,
  ids: { providerId: string; recognitionId: string },
  revocation: Revocation,
  actor: Actor,
): Promise<ProviderView> {
  assertUuid(ids.providerId, 'provider_id');
  assertUuid(ids.recognitionId, 'recognition_id');
  const violations = [];
  if (!revocation.effectiveDate) violations.push({ field: 'effective_date', description: 'must be a calendar date' });
  if (revocation.reason.trim() === '' || revocation.reason.length > 1000) violations.push({ field: 'reason', description: 'is required, at most 1000 characters' });
  if (violations.length > 0) throw invalid(violations, 'the revocation has invalid fields');
  const effectiveDate = revocation.effectiveDate as IsoDate;
  return prisma.$transaction(async (tx) => {
    await lockProvider(tx, ids.providerId);
    const recognition = await tx.recognition.findFirst({ where: { id: ids.recognitionId, providerId: ids.providerId } });
    if (!recognition) throw notFoundError('no recognition with that id for this provider');
    const route = recognition.route as RecognitionRouteName;
    requireRouteAuthority(actor, route);
    if (recognition.revokedFrom !== null) throw preconditionFailed('the recognition is already revoked', 'RECOGNITION_REVOKED');
    const end = fromDbDateOrNull(recognition.validUntil);
    if (end !== null && compareDates(effectiveDate, end) > 0) {
      throw preconditionFailed('the recognition has expired before the effective date', 'RECOGNITION_EXPIRED');
    }
    await tx.recognition.update({ where: { id: recognition.id }, data: { revokedFrom: toDbDate(effectiveDate), revocationReason: revocation.reason.trim() } });
    await tx.recognitionChange.create({
      data: { recognitionId: recognition.id, kind: 'REVOKED', effectiveDate: toDbDate(effectiveDate), reason: revocation.reason.trim(), recordedBy: actor.subject },
    });
    await touchProvider(tx, ids.providerId);
    const event = recognitionRevokedEvent({
      providerId: ids.providerId,
      recognitionId: recognition.id,
      route: routeToProto(route),
      issuingBody: recognition.issuingBody,
      effectiveDate: partsFromIso(effectiveDate),
      reason: revocation.reason.trim(),
      revokedAt: new Date().toISOString(),
    });
    const details = { effectiveDate, reason: revocation.reason.trim() };
    await recordChange(tx, actor, { aggregateType: 'recognition', aggregateId: recognition.id, action: 'REVOKED', details }, [event]);
    return loadProviderView(tx, { providerId: ids.providerId });
  });
}
