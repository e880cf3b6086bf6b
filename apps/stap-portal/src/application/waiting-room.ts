// Use cases of the waiting room: join (one ticket per person per tijdvak: joining again, refreshing or a second
// device returns the same ticket and never a better place) and read a ticket (place, people ahead, estimated wait,
// admission token once admitted). Rules: domain/waiting-room.ts. Source: DOMAIN.md §2.1 [pub].
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { notFoundError, preconditionFailed } from '@stap/platform/errors';
import { ticketView, type TicketView } from '../domain/waiting-room';
import type { QueueTicketRow, TijdvakRow } from '../infrastructure/prisma/client';
import { signToken, verifyToken } from '../infrastructure/security/signed-token';
import { admissionUseOfClaims, type AdmissionUse } from './admission';
import type { PortalContext } from './context';
import { openTijdvak, recentTijdvak, statusOf } from './tijdvakken';
import { isUuid } from '@stap/platform/ids';
import type { Pool } from 'pg';
import { MicroBatcher, type BatchResult } from '../infrastructure/external/micro-batch';

export interface Ticket {
  row: QueueTicketRow;
  tijdvak: TijdvakRow;
  view: TicketView;
  /** Returned once, when the ticket is created; a re-join returns the same ticket with a fresh secret. */
  secret?: string;
  admissionToken?: string;
  admissionExpiresAt?: Date;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function joinQueue(ctx: PortalContext, tijdvakId: string, holderKey: string): Promise<Ticket> {
  const tijdvak = await recentTijdvak(ctx, tijdvakId);
  const status = statusOf(tijdvak, ctx.now());
  if (status === 'CLOSED') throw preconditionFailed(`tijdvak ${tijdvakId} is closed`, 'TIJDVAK_CLOSED');
  if (status === 'CEILING_REACHED') throw preconditionFailed(`the ceiling of tijdvak ${tijdvakId} is reached`, 'CEILING_REACHED');
  if (status === 'OPEN') await openTijdvak(ctx, tijdvakId);
  const secret = randomBytes(24).toString('base64url');
  const row = await placeTicket(ctx, tijdvakId, holderKey, hashSecret(secret));
  return { ...describe(ctx, row, tijdvak), secret };
}

interface TicketRecord {
  id: string;
  tijdvak_id: string;
  holder_key: string;
  secret_hash: string;
  arrival_seq: string;
  joined_at: Date;
  position: string | null;
}

/**
 * One ticket per holder: a re-join finds the same row (ON CONFLICT) and only renews the secret, so a new device can
 * poll it. Joining before the draw leaves the place open (drawn at opening); after the draw, the next place in line
 * is taken from the waiting room's counter in one statement (its row lock lasts only that statement, so joins do not
 * queue behind each other, and a join racing the draw either is in the draw or sees it and gets a place after it).
 */
async function placeTicket(ctx: PortalContext, tijdvakId: string, holderKey: string, secretHash: string): Promise<QueueTicketRow> {
  const upserted = await ctx.pool.query<TicketRecord>(
    `INSERT INTO queue_ticket (id, tijdvak_id, holder_key, secret_hash, joined_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tijdvak_id, holder_key) DO UPDATE SET secret_hash = EXCLUDED.secret_hash RETURNING *`,
    [randomUUID(), tijdvakId, holderKey, secretHash, ctx.now()],
  );
  let record = upserted.rows[0];
  if (record.position === null) {
    const placed = await ctx.pool.query<TicketRecord>(
      `WITH next AS (UPDATE waiting_room SET queue_length = queue_length + 1 WHERE tijdvak_id = $1 AND drawn_at IS NOT NULL RETURNING queue_length)
       UPDATE queue_ticket q SET position = next.queue_length FROM next WHERE q.id = $2 AND q.position IS NULL RETURNING q.*`,
      [tijdvakId, record.id],
    );
    record = placed.rows[0] ?? record;
  }
  return toTicketRow(record);
}

function toTicketRow(record: TicketRecord): QueueTicketRow {
  return {
    id: record.id, tijdvakId: record.tijdvak_id, holderKey: record.holder_key, secretHash: record.secret_hash, arrivalSeq: BigInt(record.arrival_seq),
    joinedAt: record.joined_at, position: record.position === null ? null : BigInt(record.position),
  };
}

/**
 * The ticket by id, for GetQueueTicket: every applicant polls it until admitted, so at an opening this is the portal's
 * most frequent read. Raw SQL on the pg pool, not Prisma (whose query engine round trip and result mapping cost more
 * CPU than the statement), and the polls arriving together are read with ONE named statement (MicroBatcher): per
 * statement, the pg client's socket write, protocol parsing and pool queueing cost more than the rows.
 */
function readTicket(ctx: PortalContext, ticketId: string): Promise<TicketRecord | undefined> {
  let batcher = ticketBatchers.get(ctx.pool);
  if (!batcher) ticketBatchers.set(ctx.pool, (batcher = new MicroBatcher((ids) => readTickets(ctx.pool, ids), TICKET_BATCH_MAX)));
  return batcher.read(ticketId.toLowerCase());
}

/** Polls per statement at most. */
const TICKET_BATCH_MAX = 200;
const ticketBatchers = new WeakMap<Pool, MicroBatcher<string, TicketRecord | undefined>>();

async function readTickets(pool: Pool, ids: string[]): Promise<BatchResult<TicketRecord | undefined>[]> {
  const found = await pool.query<TicketRecord>({
    name: 'portal-queue-tickets-by-id',
    text: `SELECT id, tijdvak_id, holder_key, secret_hash, arrival_seq, joined_at, position FROM queue_ticket WHERE id = ANY($1::uuid[])`,
    values: [ids],
  });
  const byId = new Map(found.rows.map((record) => [record.id.toLowerCase(), record]));
  return ids.map((id) => ({ result: { $case: 'ticket', value: byId.get(id) } }));
}

export async function getQueueTicket(ctx: PortalContext, ticketId: string, secret: string): Promise<Ticket> {
  const record = isUuid(ticketId) ? await readTicket(ctx, ticketId) : undefined;
  const row = record && toTicketRow(record);
  // Unknown ticket and wrong secret are indistinguishable on purpose (the contract).
  if (!row || !sameHash(row.secretHash, hashSecret(secret))) throw notFoundError('no such ticket');
  return describe(ctx, row, await recentTijdvak(ctx, row.tijdvakId));
}

/** The ticket of a person for a tijdvak, for the web pages (the session identifies the holder). */
export async function ticketOfHolder(ctx: PortalContext, tijdvakId: string, holderKey: string): Promise<Ticket | undefined> {
  const row = await ctx.prisma.queueTicket.findUnique({ where: { tijdvakId_holderKey: { tijdvakId, holderKey } } });
  return row ? describe(ctx, row, await recentTijdvak(ctx, tijdvakId)) : undefined;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function describe(ctx: PortalContext, row: QueueTicketRow, tijdvak: TijdvakRow): Ticket {
  const now = ctx.now();
  const schedule = { opensAt: tijdvak.opensAt, ratePerSecond: ctx.admissionRatePerSecond };
  const view = ticketView(row.position === null ? null : Number(row.position), schedule, now, statusOf(tijdvak, now) === 'CEILING_REACHED');
  if (view.state !== 'ADMITTED' || !view.admittedAt) return { row, tijdvak, view };
  const admissionExpiresAt = new Date(Math.max(view.admittedAt.getTime(), now.getTime()) + ctx.admissionValidityMs);
  const admissionToken = signToken(ctx.secret, {
    purpose: 'admission', exp: admissionExpiresAt.getTime(), tijdvakId: tijdvak.id, ticketId: row.id, holderKey: row.holderKey, position: Number(row.position),
    // Each token handed out has its own id: submitting spends it (application/admission.ts), so it is single-use.
    tokenId: randomUUID(),
  });
  return { row, tijdvak, view, admissionToken, admissionExpiresAt };
}

export interface Admission {
  tijdvakId: string;
  holderKey: string;
  position: number;
  /** The token's use, which the submission spends. */
  use: AdmissionUse;
}

/** The admission behind a token, when it is genuine, unexpired, single-use (has a token id) and for this tijdvak and person. */
export function verifyAdmission(ctx: PortalContext, token: string, tijdvakId: string, holderKey: string): Admission | undefined {
  const claims = verifyToken(ctx.secret, token, 'admission', ctx.now().getTime());
  const use = admissionUseOfClaims(claims);
  if (!claims || claims['tijdvakId'] !== tijdvakId || claims['holderKey'] !== holderKey || !use) return undefined;
  return { tijdvakId, holderKey, position: Number(claims['position']), use };
}
