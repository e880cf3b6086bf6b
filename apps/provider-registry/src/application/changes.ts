// What every change shares: the audit record (who changed what, when) and its events go into the same transaction
// as the change itself (transactional outbox, DESIGN.md §3), and optimistic concurrency on the aggregate's version.
import { outboxRecord, type DomainEvent } from '@stap/platform/kafka';
import { notFoundError } from '@stap/platform/errors';
import type { Actor } from '../domain/actor';
import { VersionConflict } from '../domain/errors';
import type { Prisma, Tx } from '../infrastructure/prisma/client';
import { EVENT_SOURCE } from '../infrastructure/messaging/provider-events';

export interface Change {
  aggregateType: 'provider' | 'recognition' | 'bank_account' | 'adviser_organisation' | 'career_adviser';
  aggregateId: string;
  action: string;
  details?: Prisma.InputJsonValue;
}

export async function recordChange(tx: Tx, actor: Actor, change: Change, events: readonly DomainEvent[]): Promise<void> {
  await tx.auditRecord.create({
    data: {
      aggregateType: change.aggregateType,
      aggregateId: change.aggregateId,
      action: change.action,
      actorSubject: actor.subject,
      actorKind: actor.kind,
      details: change.details ?? {},
    },
  });
  for (const event of events) await tx.outboxEvent.create({ data: outboxRecord(EVENT_SOURCE, event) });
}

/**
 * Locks the provider row for the rest of the transaction (changes to one provider are serialised) and checks the
 * caller's expected version. 0 means the caller did not send one (proto3 default), so no check.
 */
export async function lockProvider(tx: Tx, providerId: string, expectedVersion = 0n) {
  const rows = await tx.$queryRaw<{ version: bigint }[]>`SELECT version FROM provider WHERE id = ${providerId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFoundError('no provider with that id');
  const provider = await tx.provider.findUniqueOrThrow({ where: { id: providerId } });
  if (expectedVersion !== 0n && provider.version !== expectedVersion) throw new VersionConflict(provider.version);
  return provider;
}

/** Bumps the provider's version (every change to the aggregate, including its recognitions and bank account). */
export async function touchProvider(tx: Tx, providerId: string, data: Prisma.ProviderUpdateInput = {}) {
  return tx.provider.update({ where: { id: providerId }, data: { ...data, version: { increment: 1 } } });
}
