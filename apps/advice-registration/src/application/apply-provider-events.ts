// Effects of provider-registry's events on this service's projection of adviser organisations and career advisers
// (it never reads that service's tables). Run inside the consumer's transaction next to the inbox row, so each event
// takes effect once. Upserts: a replay of the topic rebuilds the same projection.
import type { AdviserOrganisationRegistered, CareerAdviserRegistered } from '@stap/contracts/stap/providers/events/v1/events';
import type { DateMessage } from '@stap/contracts/google/type/date';
import type { TransactionClient } from '../infrastructure/prisma/client';

const dateOrNull = (date: DateMessage | undefined): Date | null =>
  date && date.year > 0 ? new Date(Date.UTC(date.year, date.month - 1, date.day)) : null;

export async function applyAdviserOrganisationRegistered(tx: TransactionClient, event: AdviserOrganisationRegistered): Promise<void> {
  const fields = {
    kvkNumber: event.kvkNumber?.value ?? '',
    legalName: event.legalName,
    communicationName: event.communicationName || event.legalName,
    registeredAt: new Date(event.registeredAt ?? Date.now()),
  };
  await tx.adviserOrganisation.upsert({ where: { id: event.adviserOrganisationId }, create: { id: event.adviserOrganisationId, ...fields }, update: fields });
}

export async function applyCareerAdviserRegistered(tx: TransactionClient, event: CareerAdviserRegistered): Promise<void> {
  const fields = {
    adviserOrganisationId: event.adviserOrganisationId,
    name: event.name,
    hboLevel: event.hboLevel,
    yearsOfExperience: event.yearsOfExperience,
    activeFrom: dateOrNull(event.activePeriod?.start),
    activeUntil: dateOrNull(event.activePeriod?.end),
    registeredAt: new Date(event.registeredAt ?? Date.now()),
  };
  await tx.careerAdviser.upsert({ where: { id: event.careerAdviserId }, create: { id: event.careerAdviserId, ...fields }, update: fields });
}
