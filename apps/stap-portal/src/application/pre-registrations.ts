// Use cases of pre-registration (vooraanmelding) by a provider for a tijdvak: the bulk upload (HTTP, CSV or XML), one
// at a time (gRPC CreatePreRegistration) and the provider's list (gRPC ListPreRegistrations). Both ways of recording
// go through the same checks and the same insert: the tijdvak must exist, every row must name a start moment of a
// training of this provider in the register read model, and all rows are recorded or none. It reserves NOTHING: no
// budget row is touched and no place or priority is given (DOMAIN.md §2.1 [pub]).
import { randomUUID } from 'node:crypto';
import { forbidden, invalid, notFoundError, type Violation } from '@stap/platform/errors';
import { holderViolations, type Holder } from '../domain/certificate';
import { parsePreRegistrations, type PreRegistrationRow } from '../domain/pre-registration';
import type { Prisma } from '../infrastructure/prisma/client';
import type { PortalContext } from './context';

export type PreRegistrationRecord = Prisma.PreRegistrationModel;

async function requireTijdvak(ctx: PortalContext, tijdvakId: string): Promise<void> {
  if (!(await ctx.prisma.tijdvak.findUnique({ where: { id: tijdvakId } }))) throw notFoundError(`tijdvak ${tijdvakId} does not exist`);
}

/** Indexes of the rows that do not name a start moment of a training of this provider. */
async function rowsNotOfProvider(ctx: PortalContext, providerId: string, rows: PreRegistrationRow[]): Promise<number[]> {
  const moments = await ctx.prisma.startMoment.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.startMomentId))] } } });
  const trainings = await ctx.prisma.training.findMany({ where: { providerId, id: { in: [...new Set(rows.map((row) => row.trainingId))] } } });
  const own = new Set(trainings.map((t) => t.id));
  const momentOf = new Map(moments.map((m) => [m.id, m.trainingId]));
  return rows.flatMap((row, index) => (own.has(row.trainingId) && momentOf.get(row.startMomentId) === row.trainingId ? [] : [index]));
}

function record(ctx: PortalContext, providerId: string, tijdvakId: string, rows: PreRegistrationRow[]): Promise<PreRegistrationRecord[]> {
  const createdAt = ctx.now();
  return ctx.prisma.preRegistration.createManyAndReturn({
    data: rows.map((row) => ({
      id: randomUUID(), tijdvakId, providerId, trainingId: row.trainingId, startMomentId: row.startMomentId,
      holderInitials: row.initials, holderSurname: row.surname, holderBirthDate: row.birthDate, createdAt,
    })),
  });
}

/** HTTP bulk upload: every row valid or nothing recorded; the count recorded. */
export async function uploadPreRegistrations(ctx: PortalContext, providerId: string, tijdvakId: string, body: string, contentType: string): Promise<number> {
  await requireTijdvak(ctx, tijdvakId);
  const { rows, violations } = parsePreRegistrations(body, contentType);
  for (const index of await rowsNotOfProvider(ctx, providerId, rows)) {
    if (rows[index].trainingId) violations.push({ field: `rows[${index + 1}].start_moment_id`, description: 'is not a start moment of a training of this provider' });
  }
  if (violations.length > 0) throw invalid(violations, 'the pre-registrations have invalid rows; nothing was recorded');
  return (await record(ctx, providerId, tijdvakId, rows)).length;
}

export interface CreatePreRegistrationInput {
  tijdvakId: string;
  providerId: string;
  trainingId: string;
  startMomentId: string;
  holder: Holder;
}

/** gRPC, one person: the same checks and insert as the upload; an unknown training or start moment is NOT_FOUND. */
export async function createPreRegistration(ctx: PortalContext, callerProviderId: string, input: CreatePreRegistrationInput): Promise<PreRegistrationRecord> {
  const violations: Violation[] = holderViolations(input.holder);
  if (!input.tijdvakId) violations.push({ field: 'tijdvak.tijdvak_id', description: 'is required' });
  if (!input.trainingId) violations.push({ field: 'training_id', description: 'is required' });
  if (!input.startMomentId) violations.push({ field: 'start_moment_id', description: 'is required' });
  if (violations.length > 0) throw invalid(violations, 'the pre-registration has invalid fields');
  if (input.providerId !== callerProviderId) throw forbidden('a provider pre-registers for its own trainings only');
  await requireTijdvak(ctx, input.tijdvakId);
  const row: PreRegistrationRow = {
    trainingId: input.trainingId, startMomentId: input.startMomentId,
    initials: input.holder.initials.trim(), surname: input.holder.surname.trim(), birthDate: input.holder.birthDate as string,
  };
  if ((await rowsNotOfProvider(ctx, callerProviderId, [row])).length > 0) throw notFoundError('no such training and start moment of this provider');
  const [created] = await record(ctx, callerProviderId, input.tijdvakId, [row]);
  return created;
}

/** The provider's own pre-registrations for a tijdvak, oldest first (stable for paging), and the total. */
export async function listPreRegistrations(
  ctx: PortalContext,
  callerProviderId: string,
  filter: { providerId: string; tijdvakId: string },
  page: { skip: number; take: number },
): Promise<{ rows: PreRegistrationRecord[]; total: number }> {
  const violations: Violation[] = [];
  if (!filter.tijdvakId) violations.push({ field: 'tijdvak.tijdvak_id', description: 'is required' });
  if (violations.length > 0) throw invalid(violations, 'the list request has invalid fields');
  if (filter.providerId && filter.providerId !== callerProviderId) throw forbidden('a provider lists its own pre-registrations only');
  const where = { providerId: callerProviderId, tijdvakId: filter.tijdvakId };
  const [rows, total] = await Promise.all([
    ctx.prisma.preRegistration.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: page.skip, take: page.take }),
    ctx.prisma.preRegistration.count({ where }),
  ]);
  return { rows, total };
}
