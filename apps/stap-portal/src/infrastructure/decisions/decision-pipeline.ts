// The decision pipeline: complete applications enter in order of receipt and are decided in batches, one database
// transaction per batch. The transaction locks the tijdvak's budget row (SELECT ... FOR UPDATE), so every portal
// instance decides against the same committed figures one batch at a time; within a batch, decideInOrder applies
// the ceiling, one grant per person per year and the training limit in receipt order. The budget UPDATE repeats the
// ceiling as a guard (WHERE committed + granted <= ceiling) and the unique (bsn, grant_year) index refuses a second
// grant in a year, so even a bug above could not overspend or double-grant: the transaction would roll back.
// Applications, certificate use, admission token use, counters, budget and outbox events commit together
// (transactional outbox).
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { ApplicationError, conflict, forbidden, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { outboxRecord, type OutboxRecord } from '@stap/platform/kafka';
import { amsterdamDateOf, yearOf } from '@stap/regelingen';
import { decideInOrder, newlyExhausted, reserveReleaseInstant, type Decision, type DecisionState } from '../../domain/decide-in-order';
import type { RejectionReason } from '../../domain/reasons';
import { rulesByVersion } from '../../domain/rules-version';
import { effectiveStatus, type TijdvakStatus } from '../../domain/tijdvak';
import { ADMISSION_TOKEN_ALREADY_USED, giveBackAdmissionTokens, spendAdmissionTokens, type AdmissionUse } from './admission-token-use';
import { applicationEvents, ceilingReachedEvent, EVENT_SOURCE, type DecidedApplication } from '../messaging/portal-events';

export interface CompleteApplication {
  tijdvakId: string;
  channel: 'ONLINE' | 'COUNTER';
  bsn: string;
  certificateNumber: string;
  providerId: string;
  trainingId: string;
  startMomentId: string;
  trainingName: string;
  trainingStartDate: string;
  trainingEndDate: string;
  requestedCents: number;
  queuePosition: number | null;
  contactEmail: string | null;
  /** Reasons from assessApplication and the amount it set. */
  reasons: RejectionReason[];
  amountCents: number;
  /** Online: the admission token this submission spends (single use); counter: none. */
  admission?: AdmissionUse;
}

export interface DecidedRecord extends DecidedApplication {
  bsn: string;
  certificateNumber: string;
  trainingName: string;
  requestedCents: number;
  queuePosition: number | null;
  rulesVersion: string;
  contactEmail: string | null;
}

interface Item {
  application: CompleteApplication;
  id: string;
  receivedAt: Date;
  resolve: (record: DecidedRecord) => void;
  reject: (error: unknown) => void;
}

const UNIQUE_VIOLATION = '23505';
const MAX_ATTEMPTS = 3;

export class DecisionPipeline {
  private pending: Item[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
    private readonly batchMax: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Takes a complete application in the order of receipt and resolves with its decision once committed. */
  decide(application: CompleteApplication): Promise<DecidedRecord> {
    return new Promise((resolve, reject) => {
      this.pending.push({ application, id: randomUUID(), receivedAt: this.now(), resolve, reject });
      this.running ??= this.drain().finally(() => (this.running = undefined));
    });
  }

  /** Waits for the applications already taken in. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.batchMax);
      for (const group of groupByTijdvakAndYear(batch)) await this.decideGroup(group);
    }
  }

  private async decideGroup(items: Item[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const outcome = await this.decideInTransaction(client, items);
        await client.query('COMMIT');
        outcome.forEach((result, index) => (result instanceof Error ? items[index].reject(result) : items[index].resolve(result)));
        return;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        // A grant to the same person committed meanwhile through another tijdvak: decide again on the new facts.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION && attempt < MAX_ATTEMPTS) continue;
        this.logger.error({ err: error, size: items.length }, 'decision batch failed');
        items.forEach((item) => item.reject(error));
        return;
      } finally {
        client.release();
      }
    }
  }

  private async decideInTransaction(client: PoolClient, items: Item[]): Promise<(DecidedRecord | ApplicationError)[]> {
    const tijdvakId = items[0].application.tijdvakId;
    const tijdvak = (await client.query(`SELECT * FROM tijdvak WHERE id = $1 FOR UPDATE`, [tijdvakId])).rows[0] as TijdvakRecord | undefined;
    if (!tijdvak) return items.map(() => notFoundError(`tijdvak ${tijdvakId} does not exist`));
    const status = effectiveStatus(tijdvak.status as TijdvakStatus, tijdvak.opens_at, tijdvak.closes_at, items[0].receivedAt);
    if (status !== 'OPEN' && status !== 'CEILING_REACHED') {
      return items.map(() => preconditionFailed(`tijdvak ${tijdvakId} is not open for applications`, 'TIJDVAK_NOT_OPEN'));
    }
    // The token first: a token used before decides nothing and claims no certificate.
    const spent = await spendAdmissionTokens(client, items.map((item) => item.application.admission), this.now());
    const admitted = items.filter((_, index) => spent[index]);
    const { accepted, revoked } = await claimCertificates(client, admitted);
    // Refused with an error (certificate claimed by another application): the token is given back, not spent.
    await giveBackAdmissionTokens(client, admitted.flatMap((item, index) => (!accepted[index] && item.application.admission ? [item.application.admission.tokenId] : [])));
    const decidable = admitted.filter((_, index) => accepted[index]);
    const releaseAt = releaseInstantOf(tijdvak);
    const state = await this.decisionState(client, tijdvak, decidable, releaseAt);
    const decisions = decideInOrder(
      state,
      decidable.map(({ application: a, receivedAt }) => ({
        personKey: a.bsn, channel: a.channel, trainingId: a.trainingId, amountCents: a.amountCents,
        // Revoked after the application read it (before the claim): invalid, as assessApplication would have found.
        reasons: revoked.has(a.certificateNumber) ? [...new Set([...a.reasons, 'CERTIFICATE_INVALID' as const])] : a.reasons,
        reserveReleased: releaseAt !== null && receivedAt >= releaseAt,
      })),
    );
    const decidedAt = this.now();
    const records = decidable.map((item, index) => toRecord(item, decisions[index], Number(tijdvak.received_count) + index + 1, decidedAt, tijdvak.rules_version));
    const released = releaseAt !== null && decidable.some((item) => item.receivedAt >= releaseAt);
    await persist(client, tijdvak, records, state, decidedAt, released);
    const recordOf = new Map(decidable.map((item, index) => [item, records[index]]));
    return items.map((item, index) => {
      if (!spent[index]) return forbidden(ADMISSION_TOKEN_ALREADY_USED);
      return recordOf.get(item) ?? conflict(`enrolment certificate ${item.application.certificateNumber} was already used in an application`, [
        { field: 'enrolment_certificate_number', description: 'was already used in an application' },
      ]);
    });
  }

  private async decisionState(client: PoolClient, tijdvak: TijdvakRecord, items: Item[], releaseAt: Date | null): Promise<DecisionState> {
    const applicationDate = items.length > 0 ? amsterdamDateOf(items[0].receivedAt) : amsterdamDateOf(this.now());
    const year = yearOf(applicationDate);
    const rules = rulesByVersion(tijdvak.rules_version).parameters;
    const bsns = items.map((item) => item.application.bsn);
    const trainings = [...new Set(items.map((item) => item.application.trainingId))];
    const [granted, counts] = await Promise.all([
      client.query(`SELECT bsn FROM application WHERE grant_year = $1 AND bsn = ANY($2::text[])`, [year, bsns]),
      client.query(`SELECT training_id, granted FROM training_grant_count WHERE year = $1 AND training_id = ANY($2::text[])`, [year, trainings]),
    ]);
    return {
      budget: {
        ceilingCents: Number(tijdvak.ceiling_cents),
        counterReserveCents: Number(tijdvak.counter_reserve_cents),
        committedOnlineCents: Number(tijdvak.committed_online_cents),
        committedCounterCents: Number(tijdvak.committed_counter_cents),
      },
      onlineExhausted: tijdvak.status === 'CEILING_REACHED',
      exhaustedBeforeRelease: tijdvak.status === 'CEILING_REACHED' && releaseAt !== null && (tijdvak.ceiling_reached_at === null || tijdvak.ceiling_reached_at < releaseAt),
      reopenedByRelease: false,
      grantedPersons: new Set(granted.rows.map((row: { bsn: string }) => row.bsn)),
      trainingGrants: new Map(counts.rows.map((row: { training_id: string; granted: number }) => [row.training_id, row.granted])),
      trainingGrantLimit: rules.trainingGrantLimitPerYear.value,
      grantsPerCalendarYear: rules.grantsPerCalendarYear.value,
      applicationDate,
    };
  }
}

interface TijdvakRecord {
  id: string;
  status: string;
  opens_at: Date;
  closes_at: Date;
  ceiling_cents: string;
  counter_reserve_cents: string;
  committed_online_cents: string;
  committed_counter_cents: string;
  received_count: string;
  granted_count: string;
  rules_version: string;
  ceiling_reached_at: Date | null;
  counter_reserve_release_at: Date | null;
}

function releaseInstantOf(tijdvak: TijdvakRecord): Date | null {
  const hours = rulesByVersion(tijdvak.rules_version).parameters.counterReserveReleaseHoursBeforeClosing.value;
  return reserveReleaseInstant(tijdvak.closes_at, tijdvak.counter_reserve_release_at, hours);
}

function groupByTijdvakAndYear(items: Item[]): Item[][] {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = `${item.application.tijdvakId}|${yearOf(amsterdamDateOf(item.receivedAt))}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

/**
 * A certificate is named in one application only: the first in receipt order claims it, later ones are refused.
 * The claim also tells which certificates were revoked meanwhile (a revocation needs an unused certificate, so it can
 * only fall between the application's read and this claim): those applications are decided REJECTED.
 */
async function claimCertificates(client: PoolClient, items: Item[]): Promise<{ accepted: boolean[]; revoked: Set<string> }> {
  const firstClaim = new Map<string, Item>();
  for (const item of items) if (!firstClaim.has(item.application.certificateNumber)) firstClaim.set(item.application.certificateNumber, item);
  const numbers = [...firstClaim.keys()];
  const ids = numbers.map((number) => firstClaim.get(number)?.id ?? '');
  const claimed = await client.query(
    `UPDATE enrolment_certificate c
        SET used_by_application_id = v.app::uuid, status = CASE WHEN c.status = 'ISSUED' THEN 'USED' ELSE c.status END
       FROM unnest($1::text[], $2::text[]) AS v(num, app)
      WHERE c.number = v.num AND c.used_by_application_id IS NULL
      RETURNING c.number, c.status`,
    [numbers, ids],
  );
  const rows = claimed.rows as { number: string; status: string }[];
  const won = new Set(rows.map((row) => row.number));
  return {
    accepted: items.map((item) => won.has(item.application.certificateNumber) && firstClaim.get(item.application.certificateNumber) === item),
    revoked: new Set(rows.filter((row) => row.status === 'REVOKED').map((row) => row.number)),
  };
}

function toRecord(item: Item, decision: Decision, receiptSequence: number, decidedAt: Date, rulesVersion: string): DecidedRecord {
  const a = item.application;
  return {
    id: item.id,
    tijdvakId: a.tijdvakId,
    channel: a.channel,
    bsn: a.bsn,
    certificateNumber: a.certificateNumber,
    providerId: a.providerId,
    trainingId: a.trainingId,
    startMomentId: a.startMomentId,
    contactEmail: a.contactEmail,
    trainingName: a.trainingName,
    trainingStartDate: a.trainingStartDate,
    trainingEndDate: a.trainingEndDate,
    requestedCents: a.requestedCents,
    queuePosition: a.queuePosition,
    receiptSequence,
    receivedAt: item.receivedAt,
    decidedAt,
    granted: decision.granted,
    grantedCents: decision.grantedCents,
    reasons: decision.reasons,
    decisionReference: `STAP-${a.tijdvakId}-${String(receiptSequence).padStart(7, '0')}`,
    rulesVersion,
  };
}

async function persist(client: PoolClient, tijdvak: TijdvakRecord, records: DecidedRecord[], state: DecisionState, decidedAt: Date, released: boolean): Promise<void> {
  if (records.length === 0) return;
  const exhaustedNow = newlyExhausted(state, tijdvak.status === 'CEILING_REACHED');
  await insertApplications(client, records);
  await updateBudget(client, tijdvak, records, state, decidedAt, { released, exhaustedNow });
  await countTrainingGrants(client, records);
  const events = records.flatMap(applicationEvents);
  if (exhaustedNow) {
    const granted = records.filter((record) => record.granted);
    events.push(ceilingReachedEvent(tijdvak.id, state.budget.committedOnlineCents + state.budget.committedCounterCents,
      Number(tijdvak.granted_count) + granted.length, granted.length > 0 ? granted[granted.length - 1].receiptSequence : 0, decidedAt));
  }
  await insertOutbox(client, events.map((event) => outboxRecord(EVENT_SOURCE, event)));
}

async function insertApplications(client: PoolClient, records: DecidedRecord[]): Promise<void> {
  const column = <T>(pick: (record: DecidedRecord) => T) => records.map(pick);
  await client.query(
    `INSERT INTO application (id, tijdvak_id, channel, status, bsn, certificate_number, provider_id, training_id, start_moment_id,
                              training_name, training_start_date, training_end_date, requested_cents, granted_cents, reasons,
                              receipt_sequence, queue_position, received_at, decided_at, decision_reference, rules_version, grant_year,
                              contact_email)
     SELECT v.id::uuid, v.tijdvak_id, v.channel, v.status, v.bsn, v.certificate_number, v.provider_id, v.training_id, v.start_moment_id,
            v.training_name, v.training_start_date, v.training_end_date, v.requested_cents, v.granted_cents,
            string_to_array(v.reasons, ','), v.receipt_sequence, v.queue_position, v.received_at, v.decided_at, v.decision_reference,
            v.rules_version, v.grant_year, v.contact_email
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::text[], $13::bigint[], $14::bigint[], $15::text[], $16::bigint[], $17::bigint[],
                   $18::timestamptz[], $19::timestamptz[], $20::text[], $21::text[], $22::int[], $23::text[])
         AS v(id, tijdvak_id, channel, status, bsn, certificate_number, provider_id, training_id, start_moment_id, training_name,
              training_start_date, training_end_date, requested_cents, granted_cents, reasons, receipt_sequence, queue_position,
              received_at, decided_at, decision_reference, rules_version, grant_year, contact_email)`,
    [
      column((r) => r.id), column((r) => r.tijdvakId), column((r) => r.channel), column((r) => (r.granted ? 'GRANTED' : 'REJECTED')),
      column((r) => r.bsn), column((r) => r.certificateNumber), column((r) => r.providerId), column((r) => r.trainingId),
      column((r) => r.startMomentId), column((r) => r.trainingName), column((r) => r.trainingStartDate), column((r) => r.trainingEndDate),
      column((r) => r.requestedCents), column((r) => r.grantedCents), column((r) => r.reasons.join(',')), column((r) => r.receiptSequence),
      column((r) => r.queuePosition), column((r) => r.receivedAt), column((r) => r.decidedAt), column((r) => r.decisionReference),
      column((r) => r.rulesVersion), column((r) => (r.granted ? yearOf(amsterdamDateOf(r.receivedAt)) : null)), column((r) => r.contactEmail),
    ],
  );
}

async function updateBudget(
  client: PoolClient, tijdvak: TijdvakRecord, records: DecidedRecord[], state: DecisionState, decidedAt: Date,
  flags: { released: boolean; exhaustedNow: boolean },
): Promise<void> {
  const sum = (channel: 'ONLINE' | 'COUNTER') => records.filter((r) => r.channel === channel).reduce((total, r) => total + r.grantedCents, 0);
  const granted = records.filter((record) => record.granted);
  const updated = await client.query(
    `UPDATE tijdvak
        SET committed_online_cents = committed_online_cents + $2, committed_counter_cents = committed_counter_cents + $3,
            received_count = received_count + $4, granted_count = granted_count + $5, rejected_count = rejected_count + $6,
            last_granted_sequence = GREATEST(last_granted_sequence, $7), status = $8,
            ceiling_reached_at = CASE WHEN $11 THEN $9 ELSE ceiling_reached_at END
      WHERE id = $1
        AND committed_online_cents + $2 + committed_counter_cents + $3 <= ceiling_cents
        AND ($10 OR (committed_online_cents + $2 <= ceiling_cents - counter_reserve_cents AND committed_counter_cents + $3 <= counter_reserve_cents))`,
    [
      tijdvak.id, sum('ONLINE'), sum('COUNTER'), records.length, granted.length, records.length - granted.length,
      granted.length > 0 ? granted[granted.length - 1].receiptSequence : 0, state.onlineExhausted ? 'CEILING_REACHED' : 'OPEN', decidedAt,
      flags.released, flags.exhaustedNow,
    ],
  );
  // Unreachable while decideInOrder is right; if it were not, this refuses to commit a euro over the ceiling.
  if (updated.rowCount !== 1) throw new Error(`ceiling guard refused the batch for tijdvak ${tijdvak.id}`);
}

async function countTrainingGrants(client: PoolClient, records: DecidedRecord[]): Promise<void> {
  const counts = new Map<string, { trainingId: string; year: number; granted: number }>();
  for (const record of records.filter((r) => r.granted)) {
    const year = yearOf(amsterdamDateOf(record.receivedAt));
    const key = `${record.trainingId}|${year}`;
    const current = counts.get(key) ?? { trainingId: record.trainingId, year, granted: 0 };
    counts.set(key, { ...current, granted: current.granted + 1 });
  }
  if (counts.size === 0) return;
  const rows = [...counts.values()];
  await client.query(
    `INSERT INTO training_grant_count (training_id, year, granted)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[])
     ON CONFLICT (training_id, year) DO UPDATE SET granted = training_grant_count.granted + EXCLUDED.granted`,
    [rows.map((r) => r.trainingId), rows.map((r) => r.year), rows.map((r) => r.granted)],
  );
}

export async function insertOutbox(client: Pick<PoolClient, 'query'>, records: OutboxRecord[]): Promise<void> {
  if (records.length === 0) return;
  const column = <T>(pick: (record: OutboxRecord) => T) => records.map(pick);
  await client.query(
    `INSERT INTO outbox_event (event_id, topic, message_key, type, source, subject, dataschema, payload, traceparent, tracestate, occurred_at)
     SELECT v.event_id::uuid, v.topic, v.message_key, v.type, v.source, v.subject, v.dataschema, v.payload, v.traceparent, v.tracestate, v.occurred_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bytea[], $9::text[], $10::text[],
                   $11::timestamptz[]) AS v(event_id, topic, message_key, type, source, subject, dataschema, payload, traceparent, tracestate, occurred_at)`,
    [
      column((r) => r.eventId), column((r) => r.topic), column((r) => r.messageKey), column((r) => r.type), column((r) => r.source),
      column((r) => r.subject), column((r) => r.dataschema), column((r) => Buffer.from(r.payload)), column((r) => r.traceparent),
      column((r) => r.tracestate), column((r) => r.occurredAt),
    ],
  );
}
