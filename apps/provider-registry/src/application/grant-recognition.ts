// Use case: a recognising body records a recognition it granted. Only the body of that route may do so (issue 4
// "a recognising body grants and revokes only its own route"); an overlapping grant of the same route and body is
// refused (use RenewRecognition). Source: DOMAIN.md §3 Provider registry.
import { randomUUID } from 'node:crypto';
import { conflict, invalid, preconditionFailed } from '@stap/platform/errors';
import { requireRouteAuthority, type Actor } from '../domain/actor';
import { fromDbDate, fromDbDateOrNull, partsFromIso, toDbDate, type IsoDate } from '../domain/dates';
import { grantViolations, periodsOverlap, type GrantInput, type RecognitionRouteName } from '../domain/recognition';
import { recognitionGrantedEvent } from '../infrastructure/messaging/provider-events';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { lockProvider, recordChange, touchProvider } from './changes';
import { assertUuid } from './ids';
import { loadProviderView, type ProviderView } from './provider-view';
import { routeToProto } from './proto-enums';

export async function grantRecognition(prisma: PrismaClient, providerId: string, input: GrantInput, actor: Actor): Promise<ProviderView> {
  assertUuid(providerId, 'provider_id');
  const violations = grantViolations(input);
  if (violations.length > 0) throw invalid(violations, 'the recognition has invalid fields');
  const route = input.route as RecognitionRouteName;
  requireRouteAuthority(actor, route);
  const validFrom = input.validFrom as IsoDate;
  const validUntil = input.validUntil ?? null;
  return prisma.$transaction(async (tx) => {
    const provider = await lockProvider(tx, providerId);
    if (provider.status === 'ENDED') throw preconditionFailed('the provider registration has ended', 'PROVIDER_ENDED');
    const existing = await tx.recognition.findMany({ where: { providerId, route, issuingBody: input.issuingBody.trim() } });
    const overlapping = existing.find(
      (r) => r.revokedFrom === null && periodsOverlap({ validFrom: fromDbDate(r.validFrom), validUntil: fromDbDateOrNull(r.validUntil) }, { validFrom, validUntil }),
    );
    if (overlapping) throw conflict(`recognition ${overlapping.id} of this route and body overlaps this period; renew it instead`);
    const recognition = await tx.recognition.create({
      data: {
        id: randomUUID(),
        providerId,
        route,
        issuingBody: input.issuingBody.trim(),
        externalReference: input.externalReference.trim(),
        validFrom: toDbDate(validFrom),
        validUntil: validUntil ? toDbDate(validUntil) : null,
        grantedBy: actor.subject,
      },
    });
    await tx.recognitionChange.create({
      data: { recognitionId: recognition.id, kind: 'GRANTED', validUntilAfter: recognition.validUntil, recordedBy: actor.subject },
    });
    await touchProvider(tx, providerId);
    const event = recognitionGrantedEvent({
      providerId,
      recognitionId: recognition.id,
      route: routeToProto(route),
      issuingBody: recognition.issuingBody,
      validPeriod: { start: partsFromIso(validFrom), end: validUntil ? partsFromIso(validUntil) : undefined },
      grantedAt: recognition.grantedAt.toISOString(),
    });
    await recordChange(tx, actor, { aggregateType: 'recognition', aggregateId: recognition.id, action: 'GRANTED', details: { providerId, route } }, [event]);
    return loadProviderView(tx, { providerId });
  });
}
