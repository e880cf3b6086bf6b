// Loads the demo population into an empty database, with the same rows, audit records and outbox events the use
// cases would write, in bulk (one transaction per chunk) so `tools/stap up` starts in seconds. Other services learn
// the demo providers and adviser organisations through the ordinary events.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { outboxRecord, type DomainEvent } from '@stap/platform/kafka';
import { AdviserRegister } from '@stap/contracts/stap/providers/v1/providers';
import { routeToProto } from '../application/proto-enums';
import { partsFromIso, toDbDate } from '../domain/dates';
import * as Events from '../infrastructure/messaging/provider-events';
import type { Prisma, PrismaClient } from '../infrastructure/prisma/client';
import { generatePopulation, type DemoOrganisation, type DemoPopulation } from './generator';

export const SEED_ACTOR = 'provider-registry:demo-seed';
const CHUNK = 250;

export async function seedDemoDataIfEmpty(prisma: PrismaClient, logger: Logger): Promise<void> {
  if ((await prisma.provider.count()) > 0) return;
  const started = Date.now();
  const counts = await seedPopulation(prisma, generatePopulation());
  logger.info({ ...counts, ms: Date.now() - started }, 'demo data loaded');
}

function organisationRow(o: DemoOrganisation, createdAt: Date) {
  return {
    id: randomUUID(),
    kvkNumber: o.kvkNumber,
    legalName: o.legalName,
    communicationName: o.communicationName,
    contactEmail: o.email,
    contactPhone: o.phone,
    website: o.website,
    street: o.street,
    houseNumber: o.houseNumber,
    postalCode: o.postalCode,
    city: o.city,
    createdBy: SEED_ACTOR,
    createdAt,
    updatedAt: createdAt,
  };
}

interface Batch {
  providers: Prisma.ProviderCreateManyInput[];
  recognitions: Prisma.RecognitionCreateManyInput[];
  decisions: Prisma.StatusDecisionCreateManyInput[];
  organisations: Prisma.AdviserOrganisationCreateManyInput[];
  advisers: Prisma.CareerAdviserCreateManyInput[];
  accounts: Prisma.BankAccountCreateManyInput[];
  audits: Prisma.AuditRecordCreateManyInput[];
  events: DomainEvent[];
}

const emptyBatch = (): Batch => ({ providers: [], recognitions: [], decisions: [], organisations: [], advisers: [], accounts: [], audits: [], events: [] });

export async function seedPopulation(prisma: PrismaClient, population: DemoPopulation) {
  const now = new Date();
  for (let i = 0; i < population.providers.length; i += CHUNK) {
    const batch = emptyBatch();
    for (const demo of population.providers.slice(i, i + CHUNK)) addProvider(batch, demo, now);
    await write(prisma, batch);
  }
  for (let i = 0; i < population.adviserOrganisations.length; i += CHUNK) {
    const batch = emptyBatch();
    for (const demo of population.adviserOrganisations.slice(i, i + CHUNK)) addAdviserOrganisation(batch, demo, now);
    await write(prisma, batch);
  }
  return { providers: population.providers.length, adviserOrganisations: population.adviserOrganisations.length };
}

function audit(batch: Batch, aggregateType: string, aggregateId: string, action: string): void {
  batch.audits.push({ aggregateType, aggregateId, action, actorSubject: SEED_ACTOR, actorKind: 'service' });
}

function addProvider(batch: Batch, demo: DemoPopulation['providers'][number], now: Date): void {
  const provider = { ...organisationRow(demo, now), status: demo.status, version: BigInt(2 + demo.recognitions.length) };
  batch.providers.push(provider);
  batch.events.push(Events.providerRegisteredEvent({ ...provider, contactPhone: provider.contactPhone, houseNumberAddition: null }));
  audit(batch, 'provider', provider.id, 'REGISTERED');
  for (const r of demo.recognitions) {
    const id = randomUUID();
    batch.recognitions.push({
      id, providerId: provider.id, route: r.route, issuingBody: r.issuingBody, externalReference: r.externalReference,
      validFrom: toDbDate(r.validFrom), validUntil: r.validUntil ? toDbDate(r.validUntil) : null,
      revokedFrom: r.revokedFrom ? toDbDate(r.revokedFrom) : null, revocationReason: r.revokedFrom ? 'Kwaliteitseisen niet meer gehaald' : null,
      grantedBy: SEED_ACTOR, grantedAt: now,
    });
    audit(batch, 'recognition', id, 'GRANTED');
    batch.events.push(Events.recognitionGrantedEvent({
      providerId: provider.id, recognitionId: id, route: routeToProto(r.route), issuingBody: r.issuingBody,
      validPeriod: { start: partsFromIso(r.validFrom), end: r.validUntil ? partsFromIso(r.validUntil) : undefined }, grantedAt: now.toISOString(),
    }));
    if (r.revokedFrom) {
      batch.events.push(Events.recognitionRevokedEvent({
        providerId: provider.id, recognitionId: id, route: routeToProto(r.route), issuingBody: r.issuingBody,
        effectiveDate: partsFromIso(r.revokedFrom), reason: 'Kwaliteitseisen niet meer gehaald', revokedAt: now.toISOString(),
      }));
    }
  }
  if (demo.status !== 'ACTIVE') addDecision(batch, provider.id, demo.status, now);
  addAccount(batch, { providerId: provider.id }, demo, now);
}

function addDecision(batch: Batch, providerId: string, status: 'UNDER_INVESTIGATION' | 'SUSPENDED', now: Date): void {
  const kind = status === 'SUSPENDED' ? 'SUSPENDED' : 'INVESTIGATION_OPENED';
  const reference = `UWV-STAP-2023-${String(batch.decisions.length + 1).padStart(6, '0')}`;
  const reason = status === 'SUSPENDED' ? 'Schorsing na onderzoek naar onjuiste facturatie' : 'Signaal: veel aanvragen van precies €1.000';
  batch.decisions.push({ providerId, kind, effectiveDate: toDbDate('2023-03-01'), reference, reason, recordedBy: SEED_ACTOR, recordedAt: now });
  audit(batch, 'provider', providerId, kind);
  batch.events.push(
    kind === 'SUSPENDED'
      ? Events.providerSuspendedEvent({ providerId, decision: { reference, reason, decidedOn: partsFromIso('2023-02-27') }, effectiveDate: partsFromIso('2023-03-01'), suspendedAt: now.toISOString() })
      : Events.investigationOpenedEvent({ providerId, caseReference: reference, openedAt: now.toISOString() }),
  );
}

function addAccount(batch: Batch, owner: { providerId: string } | { adviserOrganisationId: string }, demo: DemoOrganisation, now: Date): void {
  const id = randomUUID();
  batch.accounts.push({ id, ...owner, iban: demo.iban, holderName: demo.holderName, effectiveFrom: now, createdBy: SEED_ACTOR });
  audit(batch, 'bank_account', id, 'BANK_ACCOUNT_CHANGED');
  const ownerMessage = 'providerId' in owner ? { $case: 'providerId' as const, value: owner.providerId } : { $case: 'adviserOrganisationId' as const, value: owner.adviserOrganisationId };
  batch.events.push(Events.bankAccountChangedEvent({ owner: { owner: ownerMessage }, accountReference: id, ibanLast4: demo.iban.slice(-4), previousAccountReference: '', changedAt: now.toISOString() }));
}

function addAdviserOrganisation(batch: Batch, demo: DemoPopulation['adviserOrganisations'][number], now: Date): void {
  const organisation = { ...organisationRow(demo, now), version: 2n };
  batch.organisations.push(organisation);
  batch.events.push(Events.adviserOrganisationRegisteredEvent({ ...organisation, houseNumberAddition: null }));
  audit(batch, 'adviser_organisation', organisation.id, 'REGISTERED');
  addAccount(batch, { adviserOrganisationId: organisation.id }, demo, now);
  for (const a of demo.advisers) {
    const adviser = {
      id: randomUUID(), adviserOrganisationId: organisation.id, name: a.name, register: a.register, registrationNumber: a.registrationNumber,
      hboLevel: true, yearsOfExperience: a.yearsOfExperience, activeFrom: toDbDate(a.activeFrom), activeUntil: null, createdBy: SEED_ACTOR, createdAt: now,
    };
    batch.advisers.push(adviser);
    audit(batch, 'career_adviser', adviser.id, 'REGISTERED');
    const register = a.register === 'NOLOC' ? AdviserRegister.ADVISER_REGISTER_NOLOC : AdviserRegister.ADVISER_REGISTER_CMI;
    batch.events.push(Events.careerAdviserRegisteredEvent(adviser, { start: partsFromIso(a.activeFrom), end: undefined }, register));
  }
}

async function write(prisma: PrismaClient, batch: Batch): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.provider.createMany({ data: batch.providers });
    await tx.adviserOrganisation.createMany({ data: batch.organisations });
    await tx.recognition.createMany({ data: batch.recognitions });
    await tx.recognitionChange.createMany({
      data: batch.recognitions.map((r) => ({ recognitionId: r.id, kind: 'GRANTED', validUntilAfter: r.validUntil ?? null, recordedBy: SEED_ACTOR })),
    });
    await tx.statusDecision.createMany({ data: batch.decisions });
    await tx.careerAdviser.createMany({ data: batch.advisers });
    await tx.bankAccount.createMany({ data: batch.accounts });
    await tx.auditRecord.createMany({ data: batch.audits });
    await tx.outboxEvent.createMany({ data: batch.events.map((event) => outboxRecord(Events.EVENT_SOURCE, event)) });
  }, { timeout: 60_000 });
}
