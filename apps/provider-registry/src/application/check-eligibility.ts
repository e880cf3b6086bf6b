// Query: is a provider eligible for a regeling on a date, with every reason. Reads the full history (recognitions,
// status decisions, bank accounts), so a past date is answered as it held on that day. A negative answer is not an
// error. Rules: src/domain/eligibility.ts.
import { invalid, notFoundError } from '@stap/platform/errors';
import { isRegelingCode } from '@stap/regelingen';
import { requireReadAccess, type Actor } from '../domain/actor';
import type { IsoDate } from '../domain/dates';
import { checkEligibility, type EligibilityAnswer, type EligibilityFacts } from '../domain/eligibility';
import type { RecognitionRouteName } from '../domain/recognition';
import type { DecisionKind } from '../domain/provider-status';
import { Prisma, type PrismaClient } from '../infrastructure/prisma/client';
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
  const provider = await loadEligibilityFacts(prisma, question.key);
  if (!provider) throw notFoundError('no provider with that identifier');
  requireReadAccess(actor, provider.kvkNumber);
  const answer = checkEligibility(question.regeling as Parameters<typeof checkEligibility>[0], question.date as IsoDate, provider.facts);
  return { ...answer, providerId: provider.id };
}

interface FactsRow {
  id: string;
  kvk_number: string;
  recognitions: { id: string; route: RecognitionRouteName; issuingBody: string; validFrom: string; validUntil: string | null; revokedFrom: string | null }[];
  decisions: { kind: DecisionKind; effectiveDate: string; seq: number }[];
  has_bank_account: boolean;
}

/**
 * Everything the rule needs in one round trip (eligibility is asked on every application, publication and payment):
 * the recognitions and dated decisions as JSON arrays (PostgreSQL renders `date` as YYYY-MM-DD, the domain's form).
 */
async function loadEligibilityFacts(prisma: PrismaClient, key: ProviderKey): Promise<{ id: string; kvkNumber: string; facts: EligibilityFacts } | undefined> {
  const where = 'providerId' in key ? Prisma.sql`p.id = ${key.providerId}::uuid` : Prisma.sql`p.kvk_number = ${key.kvkNumber}`;
  const rows = await prisma.$queryRaw<FactsRow[]>`
    SELECT p.id, p.kvk_number,
      COALESCE((SELECT json_agg(json_build_object('id', r.id, 'route', r.route, 'issuingBody', r.issuing_body,
                 'validFrom', r.valid_from, 'validUntil', r.valid_until, 'revokedFrom', r.revoked_from))
                FROM recognition r WHERE r.provider_id = p.id), '[]'::json) AS recognitions,
      COALESCE((SELECT json_agg(json_build_object('kind', d.kind, 'effectiveDate', d.effective_date, 'seq', d.seq))
                FROM status_decision d WHERE d.provider_id = p.id), '[]'::json) AS decisions,
      EXISTS (SELECT 1 FROM bank_account b WHERE b.provider_id = p.id AND b.superseded_at IS NULL) AS has_bank_account
    FROM provider p
    WHERE ${where}`;
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    kvkNumber: row.kvk_number,
    facts: { recognitions: row.recognitions, decisions: row.decisions.map((d) => ({ ...d, seq: Number(d.seq) })), hasBankAccount: row.has_bank_account },
  };
}
