// Query: is a provider eligible for a regeling on a date, with every reason. Reads the full history (recognitions,
// status decisions, bank accounts), so a past date is answered as it held on that day. A negative answer is not an
// error. Rules: src/domain/eligibility.ts.
import { invalid, notFoundError } from '@stap/platform/errors';
import { isRegelingCode } from '@stap/regelingen';
import { requireReadAccess, type Actor } from '../domain/actor';
import { fromDbDate, type IsoDate } from '../domain/dates';
import { checkEligibility, type EligibilityAnswer } from '../domain/eligibility';
import type { DecisionKind } from '../domain/provider-status';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { facts } from './expire-recognitions';
import { assertKvk, assertUuid } from './ids';
import type { ProviderKey } from './provider-view';

export interface EligibilityQuestion {
  key: ProviderKey;
  regeling: string;
  date: IsoDate | undefined;
}

export async function checkProviderEligibility(
  prisma: PrismaClient,
  question: EligibilityQuestion,
  actor: Actor,
): Promise<EligibilityAnswer & { providerId: string }> {
  const violations = [];
  if (!isRegelingCode(question.regeling)) violations.push({ field: 'regeling_code', description: 'must name a regeling' });
  if (!question.date) violations.push({ field: 'on_date', description: 'must be a calendar date' });
  if (violations.length > 0) throw invalid(violations, 'the question has invalid fields');
  if ('providerId' in question.key) assertUuid(question.key.providerId, 'provider_id');
  else assertKvk(question.key.kvkNumber, 'kvk_number.value');
  const where = 'providerId' in question.key ? { id: question.key.providerId } : { kvkNumber: question.key.kvkNumber };
  const provider = await prisma.provider.findUnique({
    where,
    include: { recognitions: true, statusDecisions: true, bankAccounts: { where: { supersededAt: null }, take: 1 } },
  });
  if (!provider) throw notFoundError('no provider with that identifier');
  requireReadAccess(actor, provider.kvkNumber);
  const answer = checkEligibility(question.regeling as Parameters<typeof checkEligibility>[0], question.date as IsoDate, {
    recognitions: provider.recognitions.map(facts),
    decisions: provider.statusDecisions.map((d) => ({ kind: d.kind as DecisionKind, effectiveDate: fromDbDate(d.effectiveDate), seq: Number(d.seq) })),
    hasBankAccount: provider.bankAccounts.length > 0,
  });
  return { ...answer, providerId: provider.id };
}
