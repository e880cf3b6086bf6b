// The hot spot of an opening burst: taking one place under the tranche cap. Every registration of a tranche
// serialises on the tranche's counter row, so the registration is ONE statement: it takes the adviser's daily place
// (where the regeling limits it), takes the tranche place with a conditional UPDATE only if that succeeded, stores the
// trajectory and writes its outbox events, all or nothing. The row lock is then held for that statement and the
// commit only. A duplicate person fails the statement on the (tranche, BSN) unique key and nothing is written.
//
// TrajectoryRegistered carries "registrations in the tranche including this one", known only inside the statement.
// Protobuf lets a field be appended to an encoded message (concatenation merges; the last value of a scalar wins),
// so the payload is encoded without field 6 and the statement appends field 6 (tranche_registered_count, varint):
// tag 0x30, then the count as a base-128 varint of up to four bytes (counts below 2^28; caps are far below).
import type { OutboxRecord } from '@stap/platform/kafka';
import { Prisma, type TransactionClient, type TrajectoryRow } from './client';

/** SQL for the protobuf bytes of field 6 (varint) holding the integer expression `n`. */
function varintField6(n: string): Prisma.Sql {
  const byte = (shift: number, more: boolean) => `((${n} >> ${shift}) & 127)${more ? ' | 128' : ''}`;
  return Prisma.raw(`CASE
    WHEN ${n} < 128 THEN set_byte(decode('3000', 'hex'), 1, ${n})
    WHEN ${n} < 16384 THEN set_byte(set_byte(decode('300000', 'hex'), 1, ${byte(0, true)}), 2, ${byte(7, false)})
    WHEN ${n} < 2097152 THEN set_byte(set_byte(set_byte(decode('30000000', 'hex'), 1, ${byte(0, true)}), 2, ${byte(7, true)}), 3, ${byte(14, false)})
    ELSE set_byte(set_byte(set_byte(set_byte(decode('3000000000', 'hex'), 1, ${byte(0, true)}), 2, ${byte(7, true)}), 3, ${byte(14, true)}), 4, ${byte(21, false)})
  END`);
}

/** Date columns travel as ISO dates: a Date would be cast in the server's time zone. */
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

const outboxValues = (e: OutboxRecord, payload: Prisma.Sql) =>
  Prisma.sql`${e.eventId}::uuid, ${e.topic}, ${e.messageKey}, ${e.type}, ${e.source}, ${e.subject}, ${e.dataschema}, ${payload}, ${e.traceparent}, ${e.tracestate}, ${e.occurredAt}`;

export type NewTrajectory = Omit<TrajectoryRow, 'completedOn' | 'labourMarketScanDone' | 'developmentPlanDelivered' | 'nextStep' | 'claimId' | 'cancelReason' | 'version'>;

export interface RegistrationStatement {
  trajectory: NewTrajectory;
  /** Amsterdam calendar day of the registration, for the adviser's daily limit. */
  day: string;
  dailyLimit: number | null;
  /** TrajectoryRegistered without field 6; the statement appends the count. */
  registeredEvent: OutboxRecord;
  /** TrancheCapReached, written only when this registration takes the last place. */
  capReachedEvent: OutboxRecord;
}

export type RegistrationOutcome = 'REGISTERED' | 'ADVISER_DAILY_LIMIT_REACHED' | 'CAP_REACHED';

/** Anything that runs a raw query: the client (the statement is then its own transaction) or a transaction. */
export type RawQueryRunner = Pick<TransactionClient, '$queryRaw'>;

export async function registerInOneStatement(tx: RawQueryRunner, s: RegistrationStatement): Promise<{ outcome: RegistrationOutcome; registered: number | null }> {
  const t = s.trajectory;
  const rows = await tx.$queryRaw<{ daily_ok: boolean; registered: number | null }[]>`
    WITH daily AS (
      INSERT INTO adviser_day_counter (career_adviser_id, day, registered)
      SELECT ${t.careerAdviserId}::uuid, ${s.day}::date, 1 WHERE ${s.dailyLimit}::int IS NOT NULL
      ON CONFLICT (career_adviser_id, day) DO UPDATE SET registered = adviser_day_counter.registered + 1
        WHERE adviser_day_counter.registered < ${s.dailyLimit}::int
      RETURNING 1),
    allowed AS (SELECT (${s.dailyLimit}::int IS NULL OR EXISTS (SELECT 1 FROM daily)) AS ok),
    place AS (
      UPDATE tranche_counter
         SET registered = registered + 1,
             cap_reached_at = CASE WHEN registered + 1 = registration_cap THEN ${t.registeredAt} ELSE cap_reached_at END
       WHERE tijdvak_id = ${t.tijdvakId} AND (registration_cap IS NULL OR registered < registration_cap) AND (SELECT ok FROM allowed)
      RETURNING registered, registration_cap),
    stored AS (
      INSERT INTO trajectory (id, regeling, tijdvak_id, adviser_organisation_id, career_adviser_id, participant_bsn, participant_birth_date,
                              participant_age, education_level, sector, employment_status, planned_start_date, status, price_cents,
                              parameters_version, registered_at, registered_by)
      SELECT ${t.id}::uuid, ${t.regeling}, ${t.tijdvakId}, ${t.adviserOrganisationId}::uuid, ${t.careerAdviserId}::uuid, ${t.participantBsn},
             ${isoDate(t.participantBirthDate)}::date, ${t.participantAge}, ${t.educationLevel}, ${t.sector}, ${t.employmentStatus}, ${isoDate(t.plannedStartDate)}::date,
             ${t.status}, ${t.priceCents}, ${t.parametersVersion}, ${t.registeredAt}, ${t.registeredBy}
        FROM place
      RETURNING id),
    registered_event AS (
      INSERT INTO outbox_event (event_id, topic, message_key, type, source, subject, dataschema, payload, traceparent, tracestate, occurred_at)
      SELECT ${outboxValues(s.registeredEvent, Prisma.sql`${Buffer.from(s.registeredEvent.payload)}::bytea || ${varintField6('place.registered')}`)}
        FROM place
      RETURNING 1),
    cap_event AS (
      INSERT INTO outbox_event (event_id, topic, message_key, type, source, subject, dataschema, payload, traceparent, tracestate, occurred_at)
      SELECT ${outboxValues(s.capReachedEvent, Prisma.sql`${Buffer.from(s.capReachedEvent.payload)}::bytea`)}
        FROM place WHERE place.registered = place.registration_cap
      RETURNING 1)
    SELECT (SELECT ok FROM allowed) AS daily_ok, (SELECT registered FROM place) AS registered,
           (SELECT count(*) FROM stored) + (SELECT count(*) FROM registered_event) + (SELECT count(*) FROM cap_event) AS written`;
  const [result] = rows;
  if (!result?.daily_ok) return { outcome: 'ADVISER_DAILY_LIMIT_REACHED', registered: null };
  if (result.registered === null) return { outcome: 'CAP_REACHED', registered: null };
  return { outcome: 'REGISTERED', registered: result.registered };
}

/** The same varint bytes for a given count, computed by PostgreSQL (for the test of the encoding). */
export async function varintField6Of(db: RawQueryRunner, count: number): Promise<Buffer> {
  const [row] = await db.$queryRaw<{ bytes: Buffer }[]>`SELECT ${varintField6(`${Math.trunc(count)}`)} AS bytes`;
  return Buffer.from(row?.bytes ?? []);
}
