// The hot spot of an opening burst: taking one place under the tranche cap. Every registration of the tranche
// serialises on the tranche's counter row, so the row lock is held as briefly as possible: ONE statement takes the
// place (conditional UPDATE) and writes the TrajectoryRegistered outbox row, and the transaction commits right after.
//
// The event carries "registrations in the tranche including this one", which is known only inside that statement.
// Protobuf lets a field be appended to an encoded message (concatenation merges; the last value of a scalar wins),
// so the payload is encoded without field 6 and the statement appends field 6 (tranche_registered_count, varint):
// tag 0x30, then the count as a base-128 varint of up to four bytes (counts below 2^28; caps are far below).
import type { OutboxRecord } from '@stap/platform/kafka';
import { Prisma, type TransactionClient } from './client';

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

export interface TakenPlace {
  registered: number;
  cap: number | null;
}

/**
 * Takes one place in the tranche and writes `event` (whose payload lacks field 6) to the outbox with the count
 * appended. Returns undefined when the tranche is full; nothing is written then.
 */
export async function takeTranchePlaceWithEvent(tx: TransactionClient, tijdvakId: string, at: Date, event: OutboxRecord): Promise<TakenPlace | undefined> {
  const rows = await tx.$queryRaw<{ registered: number; registration_cap: number | null }[]>`
    WITH place AS (
      UPDATE tranche_counter
         SET registered = registered + 1,
             cap_reached_at = CASE WHEN registered + 1 = registration_cap THEN ${at} ELSE cap_reached_at END
       WHERE tijdvak_id = ${tijdvakId} AND (registration_cap IS NULL OR registered < registration_cap)
      RETURNING registered, registration_cap),
    event AS (
      INSERT INTO outbox_event (event_id, topic, message_key, type, source, subject, dataschema, payload, traceparent, tracestate, occurred_at)
      SELECT ${event.eventId}::uuid, ${event.topic}, ${event.messageKey}, ${event.type}, ${event.source}, ${event.subject}, ${event.dataschema},
             ${Buffer.from(event.payload)}::bytea || ${varintField6('place.registered')}, ${event.traceparent}, ${event.tracestate}, ${event.occurredAt}
        FROM place
      RETURNING 1)
    SELECT registered, registration_cap, (SELECT count(*) FROM event) AS written FROM place`;
  const [place] = rows;
  return place ? { registered: place.registered, cap: place.registration_cap } : undefined;
}

/** The same varint bytes for a given count, computed by PostgreSQL (for the test of the encoding). */
export async function varintField6Of(db: { $queryRaw: TransactionClient['$queryRaw'] }, count: number): Promise<Buffer> {
  const [row] = await db.$queryRaw<{ bytes: Buffer }[]>`SELECT ${varintField6(`${Math.trunc(count)}`)} AS bytes`;
  return Buffer.from(row?.bytes ?? []);
}
