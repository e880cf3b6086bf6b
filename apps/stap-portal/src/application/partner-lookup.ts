// A partner agency looks up a person's STAP status for a stated purpose. The purpose must be one the partner is
// allowed (a scope per purpose), a case reference is required, every look-up writes an audit record (who, which BSN,
// which purpose) in the same transaction as the read, also when nothing is found, and the answer holds only what the
// purpose needs. Source: DESIGN.md §4; DOMAIN.md §1 (partner agency), §5 (purpose limitation).
import { randomUUID } from 'node:crypto';
import { forbidden, invalid, type Violation } from '@stap/platform/errors';
import type { Identity } from '@stap/platform/grpc';
import { isValidBsn } from '@stap/regelingen';
import type { ApplicationRow } from '../infrastructure/prisma/client';
import type { PortalContext } from './context';

export const LOOKUP_PURPOSES = ['REINTEGRATION', 'CO_FINANCING_CHECK', 'STUDENT_FINANCE_COORDINATION', 'LEERWERKLOKET_ADVICE', 'ENFORCEMENT'] as const;
export type LookupPurpose = (typeof LOOKUP_PURPOSES)[number];

/** Which fields each purpose may see (portal.proto PartnerApplicationView). */
export const PURPOSE_SEES = {
  amount: new Set<LookupPurpose>(['CO_FINANCING_CHECK', 'STUDENT_FINANCE_COORDINATION', 'ENFORCEMENT']),
  training: new Set<LookupPurpose>(['REINTEGRATION', 'CO_FINANCING_CHECK', 'LEERWERKLOKET_ADVICE', 'ENFORCEMENT']),
};

export const LOOKUP_SCOPE = 'portal:status:lookup';
export const purposeScope = (purpose: LookupPurpose) => `portal:purpose:${purpose.toLowerCase()}`;

export interface LookupResult {
  applications: ApplicationRow[];
  purpose: LookupPurpose;
  recordId: string;
}

export async function lookUpApplicantStatus(
  ctx: PortalContext,
  partner: Identity,
  input: { bsn: string; purpose: LookupPurpose | undefined; caseReference: string },
): Promise<LookupResult> {
  const violations: Violation[] = [];
  if (!isValidBsn(input.bsn)) violations.push({ field: 'bsn.value', description: 'must be a BSN of 9 digits passing the elfproef' });
  if (!input.purpose) violations.push({ field: 'purpose', description: 'is required' });
  if (input.caseReference.trim().length === 0 || input.caseReference.length > 100) violations.push({ field: 'case_reference', description: 'is required (at most 100 characters)' });
  if (violations.length > 0 || !input.purpose) throw invalid(violations, 'the look-up has invalid fields');
  if (!partner.scopes.includes(LOOKUP_SCOPE)) throw forbidden(`scope ${LOOKUP_SCOPE} is required`);
  const purpose = input.purpose;
  if (!partner.scopes.includes(purposeScope(purpose))) throw forbidden(`purpose ${purpose} is not allowed for this partner`);
  return ctx.prisma.$transaction(async (tx) => {
    const applications = await tx.application.findMany({ where: { bsn: input.bsn }, orderBy: { receivedAt: 'desc' } });
    const record = await tx.dataAccessRecord.create({
      data: {
        id: randomUUID(), accessorSubject: partner.subject, accessorKind: partner.kind, bsn: input.bsn, purpose,
        caseReference: input.caseReference.trim(), resultCount: applications.length, accessedAt: ctx.now(),
      },
    });
    return { applications, purpose, recordId: record.id };
  });
}
