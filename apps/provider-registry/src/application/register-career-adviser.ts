// Use case: register a career adviser for an adviser organisation. The adviser must be registered with Noloc or CMI,
// work at HBO level and have the minimum years of experience (DOMAIN.md §1; the parameters live in libs/regelingen
// ADVISER_QUALIFICATION). An unmet requirement is FAILED_PRECONDITION naming it; the same registration number may
// not be active twice in one organisation at overlapping periods (ALREADY_EXISTS).
import { randomUUID } from 'node:crypto';
import { conflict, invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { AdviserRegister } from '@stap/contracts/stap/providers/v1/providers';
import { requireOwnOrganisationOrScope, SCOPES, type Actor } from '../domain/actor';
import { careerAdviserViolations, unmetQualifications, type CareerAdviserInput } from '../domain/career-adviser';
import { fromDbDate, fromDbDateOrNull, partsFromIso, toDbDate, type IsoDate } from '../domain/dates';
import { periodsOverlap } from '../domain/recognition';
import { careerAdviserRegisteredEvent } from '../infrastructure/messaging/provider-events';
import type { CareerAdviserRow, PrismaClient } from '../infrastructure/prisma/client';
import { recordChange } from './changes';
import { assertUuid } from './ids';

export const REGISTER_TO_PROTO: Record<string, AdviserRegister> = { NOLOC: AdviserRegister.ADVISER_REGISTER_NOLOC, CMI: AdviserRegister.ADVISER_REGISTER_CMI };

export async function registerCareerAdviser(prisma: PrismaClient, organisationId: string, input: CareerAdviserInput, actor: Actor): Promise<CareerAdviserRow> {
  assertUuid(organisationId, 'adviser_organisation_id');
  const violations = careerAdviserViolations(input);
  if (violations.length > 0) throw invalid(violations, 'the career adviser has invalid fields');
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ kvk_number: string }[]>`SELECT kvk_number FROM adviser_organisation WHERE id = ${organisationId}::uuid FOR UPDATE`;
    if (rows.length === 0) throw notFoundError('no adviser organisation with that id');
    requireOwnOrganisationOrScope(actor, rows[0].kvk_number, SCOPES.advisersWrite);
    const unmet = unmetQualifications(input);
    if (unmet.length > 0) throw preconditionFailed(unmet.map((u) => u.message).join('; '), unmet[0].reason);
    const period = { validFrom: input.activeFrom as IsoDate, validUntil: input.activeUntil ?? null };
    const sameNumber = await tx.careerAdviser.findMany({ where: { adviserOrganisationId: organisationId, registrationNumber: input.registrationNumber } });
    if (sameNumber.some((a) => periodsOverlap({ validFrom: fromDbDate(a.activeFrom), validUntil: fromDbDateOrNull(a.activeUntil) }, period))) {
      throw conflict('this registration number is already active for the organisation in that period', [
        { field: 'registration_number', description: 'is already active in an overlapping period' },
      ]);
    }
    const adviser = await tx.careerAdviser.create({
      data: {
        id: randomUUID(),
        adviserOrganisationId: organisationId,
        name: input.name.trim(),
        register: input.register,
        registrationNumber: input.registrationNumber,
        hboLevel: input.hboLevel,
        yearsOfExperience: input.yearsOfExperience,
        activeFrom: toDbDate(period.validFrom),
        activeUntil: period.validUntil ? toDbDate(period.validUntil) : null,
        createdBy: actor.subject,
      },
    });
    const activePeriod = { start: partsFromIso(period.validFrom), end: period.validUntil ? partsFromIso(period.validUntil) : undefined };
    const event = careerAdviserRegisteredEvent(adviser, activePeriod, REGISTER_TO_PROTO[adviser.register]);
    await recordChange(tx, actor, { aggregateType: 'career_adviser', aggregateId: adviser.id, action: 'REGISTERED' }, [event]);
    return adviser;
  });
}
