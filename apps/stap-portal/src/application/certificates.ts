// Use cases of the enrolment certificate (STAP-aanmeldingsbewijs), issued by the provider through gRPC.
import { randomInt } from 'node:crypto';
import { forbidden, invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { outboxRecord } from '@stap/platform/kafka';
import { certificateAmounts, certificateNumber, holderViolations, type Holder } from '../domain/certificate';
import { rulesForOpening } from '../domain/rules-version';
import type { CertificateRow } from '../infrastructure/prisma/client';
import { certificateIssuedEvent, certificateRevokedEvent, EVENT_SOURCE } from '../infrastructure/messaging/portal-events';
import type { PortalContext } from './context';

export interface IssueCertificateInput {
  providerId: string;
  trainingId: string;
  startMomentId: string;
  holder: Holder;
  amountCents: number;
}

/** The provider an organisation login (KVK) acts for, from the provider-registry read model. */
export async function providerOfKvk(ctx: PortalContext, kvkNumber: string | undefined): Promise<string> {
  const provider = kvkNumber ? await ctx.prisma.provider.findUnique({ where: { kvkNumber } }) : null;
  if (!provider) throw forbidden('the caller does not act for a known provider');
  return provider.id;
}

export async function issueCertificate(ctx: PortalContext, callerProviderId: string, input: IssueCertificateInput): Promise<CertificateRow> {
  const violations = holderViolations(input.holder);
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) violations.push({ field: 'amount.amount_cents', description: 'must be a positive amount of cents' });
  if (!input.trainingId) violations.push({ field: 'training_id', description: 'is required' });
  if (!input.startMomentId) violations.push({ field: 'start_moment_id', description: 'is required' });
  if (violations.length > 0) throw invalid(violations, 'the certificate has invalid fields');
  if (input.providerId !== callerProviderId) throw forbidden('a provider issues certificates for its own trainings only');
  const training = await ctx.prisma.training.findUnique({ where: { id: input.trainingId } });
  const moment = await ctx.prisma.startMoment.findUnique({ where: { id: input.startMomentId } });
  if (!training || training.providerId !== callerProviderId || !moment || moment.trainingId !== training.id) throw notFoundError('no such training and start moment of this provider');
  if (training.status !== 'PUBLISHED' || training.notAvailableForStap || training.excluded || moment.cancelled) {
    throw preconditionFailed('the training is not applyable for STAP', 'TRAINING_NOT_APPLYABLE');
  }
  const rules = rulesForOpening(ctx.now());
  const amounts = certificateAmounts(input.amountCents, Number(moment.priceCents), rules.parameters.maxAmountPerApplicationCents.value);
  if (amounts === 'ABOVE_REGISTER_PRICE') throw preconditionFailed('the amount is above the register price', 'AMOUNT_ABOVE_REGISTER_PRICE');
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.enrolmentCertificate.create({
      data: {
        number: certificateNumber(randomInt),
        providerId: callerProviderId,
        trainingId: training.id,
        startMomentId: moment.id,
        holderInitials: input.holder.initials.trim(),
        holderSurname: input.holder.surname.trim(),
        holderBirthDate: input.holder.birthDate as string,
        amountCents: BigInt(amounts.stapCents),
        paidByOthersCents: BigInt(amounts.paidByOthersCents),
        // Usable until the training starts: a started training cannot be applied for (DOMAIN.md §2.1).
        validUntil: moment.startDate,
        issuedAt: ctx.now(),
      },
    });
    await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, certificateIssuedEvent(row)) });
    return row;
  });
}

export async function getCertificate(ctx: PortalContext, number: string): Promise<CertificateRow> {
  const row = await ctx.prisma.enrolmentCertificate.findUnique({ where: { number: number.trim().toUpperCase() } });
  if (!row) throw notFoundError('no such enrolment certificate');
  return row;
}

export const MAX_REVOCATION_REASON_LENGTH = 500;

/**
 * The issuing provider revokes a certificate that no application used. One guarded UPDATE (status ISSUED and not used)
 * and the EnrolmentCertificateRevoked event in one transaction. A revoked certificate named in an application is a
 * REJECTED decision with CERTIFICATE_INVALID ("revoked, expired or already used": domain/assessment.ts, which only
 * accepts status ISSUED); it is never granted.
 */
export async function revokeCertificate(ctx: PortalContext, callerProviderId: string, numberText: string, reasonText: string): Promise<CertificateRow> {
  const number = numberText.trim().toUpperCase();
  const reason = reasonText.trim();
  const violations = [];
  if (!number) violations.push({ field: 'number', description: 'is required' });
  if (!reason || reason.length > MAX_REVOCATION_REASON_LENGTH) violations.push({ field: 'reason', description: `is required (at most ${MAX_REVOCATION_REASON_LENGTH} characters)` });
  if (violations.length > 0) throw invalid(violations, 'the revocation has invalid fields');
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.enrolmentCertificate.findUnique({ where: { number } });
    // Another provider's certificate is indistinguishable from none.
    if (!row || row.providerId !== callerProviderId) throw notFoundError('no such enrolment certificate');
    const revokedAt = ctx.now();
    const revoked = await tx.enrolmentCertificate.updateMany({
      where: { number, providerId: callerProviderId, status: 'ISSUED', usedByApplicationId: null },
      data: { status: 'REVOKED', revokedAt, revocationReason: reason },
    });
    if (revoked.count !== 1) {
      const current = await tx.enrolmentCertificate.findUniqueOrThrow({ where: { number } });
      if (current.status === 'REVOKED') throw preconditionFailed('the certificate was already revoked', 'CERTIFICATE_REVOKED');
      throw preconditionFailed('the certificate was used in an application and cannot be revoked', 'CERTIFICATE_USED');
    }
    await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, certificateRevokedEvent({ number, providerId: callerProviderId, reason, revokedAt })) });
    return tx.enrolmentCertificate.findUniqueOrThrow({ where: { number } });
  });
}
