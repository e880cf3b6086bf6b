// The hot path's read of everything an application needs from the portal's own read models, in ONE statement over
// the pg pool (no Prisma on the hot path): the certificate, its training and start moment (scholingsregister read
// model), the provider's recognitions and standing (provider-registry read model) and the person's exclusion.
// Under a window opening this replaces four or five round trips per application by one, and the reads of applications
// arriving together go out as ONE statement for all of them (MicroBatcher, as the register reads): per statement, the
// pg client's socket write, the protocol parsing and the pool's queueing cost more portal CPU than the rows do. The same
// statement also says whether the submission's admission token was spent before, so a replayed token is refused
// before the external registers are asked without a round trip of its own (application/admission.ts).
import type { Pool } from 'pg';
import { MicroBatcher, type BatchResult } from '../external/micro-batch';
import type { RecognitionRoute } from '@stap/regelingen';
import type { CertificateFacts, ProviderFacts, RecognitionFacts, TrainingFacts } from '../../domain/assessment';

export interface ApplicationFacts {
  certificate: CertificateFacts & { number: string; usedByApplicationId: string | null };
  training: TrainingFacts;
  trainingName: string;
  endDate: string;
  provider: ProviderFacts;
  excludedUntil: string | null;
}

interface FactsRow {
  /** Position of the read in its batch (1-based, from WITH ORDINALITY). */
  i: string;
  admission_spent: boolean;
  number: string | null;
  provider_id: string;
  training_id: string;
  start_moment_id: string;
  holder_initials: string;
  holder_surname: string;
  holder_birth_date: string;
  amount_cents: string;
  status: string;
  valid_until: string;
  used_by_application_id: string | null;
  t_found: boolean;
  t_provider_id: string | null;
  t_name: string | null;
  t_status: string | null;
  t_available: boolean;
  s_found: boolean;
  s_training_id: string | null;
  s_start_date: string | null;
  s_end_date: string | null;
  s_price_cents: string | null;
  s_cancelled: boolean | null;
  recognitions: { route: string; valid_from: string; valid_until: string | null; revoked_from: string | null }[] | null;
  suspended_from: string | null;
  reinstated_from: string | null;
  ended_after: string | null;
  excluded_until: string | null;
}

const FACTS_SQL = `
WITH wanted AS (
  SELECT w.i, w.number, w.bsn, w.token_id FROM unnest($1::text[], $2::bpchar[], $3::uuid[]) WITH ORDINALITY AS w(number, bsn, token_id, i))
SELECT w.i, EXISTS (SELECT 1 FROM admission_token_use u WHERE u.token_id = w.token_id) AS admission_spent,
       c.number, c.provider_id, c.training_id, c.start_moment_id, c.holder_initials, c.holder_surname, c.holder_birth_date,
       c.amount_cents, c.status, c.valid_until, c.used_by_application_id,
       t.id IS NOT NULL AS t_found, t.provider_id AS t_provider_id, t.name AS t_name, t.status AS t_status,
       COALESCE(NOT t.not_available_for_stap AND NOT t.excluded AND NOT t.application_closed, false) AS t_available,
       s.id IS NOT NULL AS s_found, s.training_id AS s_training_id, s.start_date AS s_start_date, s.end_date AS s_end_date,
       s.price_cents AS s_price_cents, s.cancelled AS s_cancelled,
       (SELECT json_agg(json_build_object('route', r.route, 'valid_from', r.valid_from, 'valid_until', r.valid_until, 'revoked_from', r.revoked_from))
          FROM provider_recognition r WHERE r.provider_id = c.provider_id) AS recognitions,
       ps.suspended_from, ps.reinstated_from, ps.ended_after,
       (SELECT e.excluded_until FROM person_exclusion e WHERE e.bsn = w.bsn) AS excluded_until
  FROM wanted w
  LEFT JOIN enrolment_certificate c ON c.number = w.number
  LEFT JOIN training t ON t.id = c.training_id
  LEFT JOIN start_moment s ON s.id = c.start_moment_id
  LEFT JOIN provider_standing ps ON ps.provider_id = c.provider_id
`;

function recognitionOf(row: NonNullable<FactsRow['recognitions']>[number]): RecognitionFacts {
  return { route: row.route as RecognitionRoute, validFrom: row.valid_from, validUntil: row.valid_until, revokedFrom: row.revoked_from };
}

export interface FactsRead {
  /** Undefined when no certificate has this number. */
  facts: ApplicationFacts | undefined;
  /** The admission token given with the read was used before (a replay); false without a token. */
  admissionSpent: boolean;
}

interface FactsRequest {
  certificateNumber: string;
  bsn: string;
  admissionTokenId: string | null;
}

/** Reads per statement at most; a window opening brings a few dozen per turn of the event loop. */
const FACTS_BATCH_MAX = 200;
const batchers = new WeakMap<Pool, MicroBatcher<FactsRequest, FactsRow>>();

/** The facts of one application (batched with the reads arriving in the same turn) and whether its token was spent. */
export async function readApplicationFacts(pool: Pool, certificateNumber: string, bsn: string, admissionTokenId?: string): Promise<FactsRead> {
  let batcher = batchers.get(pool);
  if (!batcher) batchers.set(pool, (batcher = new MicroBatcher((requests) => readFactsRows(pool, requests), FACTS_BATCH_MAX)));
  const row = await batcher.read({ certificateNumber, bsn, admissionTokenId: admissionTokenId ?? null });
  return { facts: row.number === null ? undefined : factsOf(row as FactsRow & { number: string }), admissionSpent: row.admission_spent };
}

async function readFactsRows(pool: Pool, requests: FactsRequest[]): Promise<BatchResult<FactsRow>[]> {
  // A named statement: PostgreSQL parses and plans it once per connection, not once per batch.
  const { rows } = await pool.query<FactsRow>({
    name: 'portal-application-facts-batch',
    text: FACTS_SQL,
    values: [requests.map((r) => r.certificateNumber), requests.map((r) => r.bsn), requests.map((r) => r.admissionTokenId)],
  });
  const byPosition = new Map(rows.map((row) => [Number(row.i), row]));
  return requests.map((_, index) => {
    const row = byPosition.get(index + 1);
    return { result: row ? { $case: 'row', value: row } : undefined };
  });
}

function factsOf(row: FactsRow & { number: string }): ApplicationFacts {
  return {
    certificate: {
      number: row.number,
      usedByApplicationId: row.used_by_application_id,
      status: row.status as CertificateFacts['status'],
      providerId: row.provider_id,
      trainingId: row.training_id,
      startMomentId: row.start_moment_id,
      holderInitials: row.holder_initials,
      holderSurname: row.holder_surname,
      holderBirthDate: row.holder_birth_date,
      amountCents: Number(row.amount_cents),
      validUntil: row.valid_until,
    },
    trainingName: row.t_name ?? '',
    endDate: row.s_end_date ?? '',
    training: {
      found: row.t_found,
      providerId: row.t_provider_id ?? '',
      published: row.t_status === 'PUBLISHED',
      availableForStap: row.t_found && row.t_available,
      startMomentFound: row.s_found && row.s_training_id === row.training_id,
      startMomentCancelled: row.s_cancelled ?? false,
      startDate: row.s_start_date ?? '',
      registerPriceCents: Number(row.s_price_cents ?? 0),
    },
    provider: { recognitions: (row.recognitions ?? []).map(recognitionOf), suspendedFrom: row.suspended_from, reinstatedFrom: row.reinstated_from, endedAfter: row.ended_after },
    excludedUntil: row.excluded_until,
  };
}
