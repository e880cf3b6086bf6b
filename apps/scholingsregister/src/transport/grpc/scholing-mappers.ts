// Feed submissions and scholing applications as contract messages.
import * as R from '@stap/contracts/stap/register/v1/register';
import { RegelingCode, sectorFromJSON } from '@stap/contracts/stap/common/v1/common';
import { notFoundError } from '@stap/platform/errors';
import type { PrismaClient } from '../../infrastructure/prisma/client';
import type { FeedSummary } from '../../application/import-feed';

const money = (cents: number | bigint) => ({ amountCents: String(cents), currency: 'EUR' });

export function feedMessage(feed: FeedSummary): R.FeedSubmission {
  return {
    id: feed.id, providerId: feed.providerId, feedReference: feed.feedReference, mode: R.feedModeFromJSON(`FEED_MODE_${feed.mode}`), status: R.feedStatusFromJSON(`FEED_STATUS_${feed.status}`),
    itemCount: feed.itemCount, appliedCount: feed.appliedCount, failedCount: feed.failedCount, infoRowCount: feed.infoRowCount, errorRowCount: feed.errorRowCount,
    receivedAt: feed.receivedAt.toISOString(), processedAt: feed.processedAt?.toISOString(),
  };
}

export async function scholingMessage(prisma: PrismaClient, id: string): Promise<R.ScholingApplication> {
  const a = /^[0-9a-f-]{36}$/i.test(id) ? await prisma.scholingApplication.findUnique({ where: { id }, include: { activities: { orderBy: { position: 'asc' } } } }) : null;
  if (!a) throw notFoundError('scholing application not found');
  const partners = a.partners as { name: string; kvkNumber: string; kind: string; coFinancingCents: number }[];
  return {
    id: a.id, tijdvak: { regelingCode: RegelingCode.REGELING_CODE_NLLD_SCHOLING, tijdvakId: a.tijdvakId }, applicantType: R.scholingApplicantTypeFromJSON(a.applicantType),
    leadProviderId: a.leadProviderId, memberProviderIds: a.memberProviderIds, offeringName: a.offeringName,
    partners: partners.map((p) => ({ name: p.name, kvkNumber: { value: p.kvkNumber }, kind: R.partnerKindFromJSON(p.kind), coFinancing: money(p.coFinancingCents) })),
    activities: a.activities.map((x) => ({
      id: x.id, title: x.title, description: x.description, category: R.scholingCategoryFromJSON(x.category), contributionPerParticipant: money(x.contributionCents), plannedParticipants: x.plannedParticipants,
      nlqfLevel: R.nlqfLevelFromJSON(x.nlqfLevel), deliveryMode: R.deliveryModeFromJSON(x.deliveryMode), sector: sectorFromJSON(x.sector), leadsToCertificate: x.leadsToCertificate, guidance: x.guidance, providerId: x.providerId,
    })),
    requestedAmount: money(a.requestedCents),
    status: R.scholingApplicationStatusFromJSON(`SCHOLING_APPLICATION_STATUS_${a.status}`),
    receiptSequence: String(a.receiptSequence),
    receivedAt: a.receivedAt.toISOString(),
    decision: a.granted === null ? undefined : {
      granted: a.granted, grantedAmount: money(a.grantedCents ?? 0n), grantedActivityIds: a.activities.filter((x) => x.granted).map((x) => x.id),
      reasons: a.reasons.map(R.scholingRejectionReasonFromJSON), decision: { reference: a.decisionRef ?? '', reason: '', decidedOn: undefined },
      decided: a.decidedBy && a.decidedAt ? { actor: { type: 4, subject: a.decidedBy, organisationKvkNumber: undefined, displayName: '' }, at: a.decidedAt.toISOString() } : undefined,
    },
  };
}
