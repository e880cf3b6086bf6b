// Use case: a provider uploads pre-registrations (vooraanmeldingen) for a tijdvak. Reserves nothing: no budget row
// is touched. Every row must name a training and start moment of this provider in the register read model.
import { randomUUID } from 'node:crypto';
import { invalid, notFoundError } from '@stap/platform/errors';
import { parsePreRegistrations } from '../domain/pre-registration';
import type { PortalContext } from './context';

export async function uploadPreRegistrations(ctx: PortalContext, providerId: string, tijdvakId: string, body: string, contentType: string): Promise<number> {
  if (!(await ctx.prisma.tijdvak.findUnique({ where: { id: tijdvakId } }))) throw notFoundError(`tijdvak ${tijdvakId} does not exist`);
  const { rows, violations } = parsePreRegistrations(body, contentType);
  const moments = await ctx.prisma.startMoment.findMany({ where: { id: { in: [...new Set(rows.map((row) => row.startMomentId))] } } });
  const trainings = await ctx.prisma.training.findMany({ where: { providerId, id: { in: [...new Set(rows.map((row) => row.trainingId))] } } });
  const own = new Set(trainings.map((t) => t.id));
  const momentOf = new Map(moments.map((m) => [m.id, m.trainingId]));
  rows.forEach((row, index) => {
    if (row.trainingId && (!own.has(row.trainingId) || momentOf.get(row.startMomentId) !== row.trainingId)) {
      violations.push({ field: `rows[${index + 1}].start_moment_id`, description: 'is not a start moment of a training of this provider' });
    }
  });
  if (violations.length > 0) throw invalid(violations, 'the pre-registrations have invalid rows; nothing was recorded');
  await ctx.prisma.preRegistration.createMany({
    data: rows.map((row) => ({
      id: randomUUID(), tijdvakId, providerId, trainingId: row.trainingId, startMomentId: row.startMomentId,
      holderInitials: row.initials, holderSurname: row.surname, holderBirthDate: row.birthDate, createdAt: ctx.now(),
    })),
  });
  return rows.length;
}
