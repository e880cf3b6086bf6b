// PROVIDER_NOT_ELIGIBLE and PERSON_EXCLUDED through gRPC on the real database, with the
// provider-registry and payment events published to their topics on the REAL broker and read by the portal's own
// ConsumerRunner. Sources: DOMAIN.md §2.1 (eligibility at the moment of application; from Sept 2023 only OCW/RIO
// recognition; a person at fault excluded up to 2 years), §3 Provider registry.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { SettlementDecided } from '@stap/contracts/stap/payments/events/v1/events';
import { SettlementOutcome } from '@stap/contracts/stap/payments/v1/payments';
import {
  ProviderEnded, ProviderReinstated, ProviderSuspended, RecognitionRevoked,
} from '@stap/contracts/stap/providers/events/v1/events';
import { RecognitionRoute } from '@stap/contracts/stap/providers/v1/providers';
import { ApplicationChannel, ApplicationStatus, RejectionReason, type Application } from '@stap/contracts/stap/portal/v1/portal';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { toKafkaMessage, type CloudEvent } from '@stap/platform/kafka';
import { kafkaBrokers } from '@stap/platform/testing/infrastructure';
import { waitFor } from '@stap/platform/testing/service-process';
import { addDays, addMonthsClamped, amsterdamDateOf } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import {
  asPerson, bearer, call, eur, feed, PROVIDER_KVK, PROVIDER_TOKEN, providerRegisteredEvent, recognitionGrantedEvent, registerEvents,
  STAFF_TOKEN, stapRef, startHarness, waitForAdmission, type Harness,
} from './harness';

jest.setTimeout(180_000);

const kafka = new Kafka({ clientId: 'stap-portal-eligibility-test', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
const PROVIDER_ID = randomUUID();
const today = amsterdamDateOf(new Date());
const EXCEL = { trainingId: `elig-${randomUUID().slice(0, 8)}`, name: 'Excel', priceEuros: 650, startDate: addDays(today, 42), endDate: addDays(today, 90) };
const MOMENT = `${EXCEL.trainingId}-1`;
const TIJDVAK = 'STAP-2026-08-ELIG';

let h: Harness;
let producer: Producer;
let nextPerson = 0;

function cloudEvent(type: string, data: Uint8Array, subject: string): CloudEvent {
  return { id: randomUUID(), source: 'urn:nld:stap:test', type, subject, time: new Date().toISOString(), dataschema: '', datacontenttype: 'application/protobuf', data: Buffer.from(data) };
}

const providerEvent = (name: string, data: Uint8Array) => cloudEvent(`nl.stap.providers.${name}.v1`, data, PROVIDER_ID);

async function publishProviderEvents(...events: CloudEvent[]): Promise<void> {
  await producer.send({ topic: 'stap.providers.provider.v1', messages: events.map((event) => toKafkaMessage(event, PROVIDER_ID)) });
}

const db = () => h.portal.context.prisma;

async function scheduleOpenTijdvak(id: string, ceilingEuros: number, counterReserveEuros: number): Promise<void> {
  const opensAt = new Date(Date.now() + 1_000);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(id), displayName: id, opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 30 * 86_400_000).toISOString(),
    baseBudget: eur(ceilingEuros), counterReserve: eur(counterReserveEuros), counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
}

/** A fresh test person with a certificate for EXCEL applies online in the tijdvak. */
async function applyAsNextPerson(tijdvakId = TIJDVAK): Promise<Application> {
  const person = h.persons[h.persons.length - 1 - nextPerson++];
  const cert = await call(h, h.client.issueEnrolmentCertificate, {
    providerId: PROVIDER_ID, trainingId: EXCEL.trainingId, startMomentId: MOMENT,
    holder: { initials: person.initials, surname: person.surname, birthDate: toDateParts(person.birthDate) }, amount: eur(EXCEL.priceEuros),
  }, bearer(PROVIDER_TOKEN));
  const ticket = await waitForAdmission(h, await call(h, h.client.joinQueue, { tijdvak: stapRef(tijdvakId) }, asPerson(person.bsn)));
  return call(h, h.client.submitApplication, {
    tijdvak: stapRef(tijdvakId), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: ticket.admissionToken,
    enrolmentCertificateNumber: cert.number, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
  }, asPerson(person.bsn));
}

const reasonsOf = (application: Application) => application.decision?.reasons ?? [];

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 20 });
  producer = kafka.producer({ idempotent: true });
  await producer.connect();
  // The training arrives with an OCW/RIO recognition of its provider (registerEvents starts with RecognitionGranted).
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, startMomentId: MOMENT, ...EXCEL })]);
  await scheduleOpenTijdvak(TIJDVAK, 100_000, 0);
});

afterAll(async () => {
  await producer?.disconnect();
  await h?.stop();
});

describe('PROVIDER_NOT_ELIGIBLE from provider-registry events on the broker', () => {
  const recognition = (id: string) => db().providerRecognition.findUnique({ where: { recognitionId: id } });
  const standing = () => db().providerStanding.findUnique({ where: { providerId: PROVIDER_ID } });

  test('a revocation counts from its effective date: the day before it the provider is still eligible', async () => {
    await publishProviderEvents(providerEvent('recognition_revoked', RecognitionRevoked.encode({
      providerId: PROVIDER_ID, recognitionId: `ocw-${PROVIDER_ID}`, route: RecognitionRoute.RECOGNITION_ROUTE_OCW_RIO, issuingBody: 'DUO/RIO',
      effectiveDate: toDateParts(addDays(today, 1)), reason: 'test', revokedAt: new Date().toISOString(),
    }).finish()));
    await waitFor(async () => (await recognition(`ocw-${PROVIDER_ID}`))?.revokedFrom === addDays(today, 1), 'revocation from tomorrow', 45_000);
    expect((await applyAsNextPerson()).status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);

    await publishProviderEvents(providerEvent('recognition_revoked', RecognitionRevoked.encode({
      providerId: PROVIDER_ID, recognitionId: `ocw-${PROVIDER_ID}`, route: RecognitionRoute.RECOGNITION_ROUTE_OCW_RIO, issuingBody: 'DUO/RIO',
      effectiveDate: toDateParts(today), reason: 'test', revokedAt: new Date().toISOString(),
    }).finish()));
    await waitFor(async () => (await recognition(`ocw-${PROVIDER_ID}`))?.revokedFrom === today, 'revocation from today', 45_000);
    expect(reasonsOf(await applyAsNextPerson())).toEqual([RejectionReason.REJECTION_REASON_PROVIDER_NOT_ELIGIBLE]);
  });

  test('an NRTO recognition does not count under the rules in force (from Sept 2023 only OCW/RIO); an OCW/RIO one does', async () => {
    await publishProviderEvents(recognitionGrantedEvent(PROVIDER_ID, { recognitionId: `nrto-${PROVIDER_ID}`, route: RecognitionRoute.RECOGNITION_ROUTE_NRTO }));
    await waitFor(async () => (await recognition(`nrto-${PROVIDER_ID}`)) !== null, 'NRTO recognition', 45_000);
    expect(reasonsOf(await applyAsNextPerson())).toEqual([RejectionReason.REJECTION_REASON_PROVIDER_NOT_ELIGIBLE]);

    await publishProviderEvents(recognitionGrantedEvent(PROVIDER_ID, { recognitionId: `ocw2-${PROVIDER_ID}`, from: today }));
    await waitFor(async () => (await recognition(`ocw2-${PROVIDER_ID}`)) !== null, 'second OCW recognition', 45_000);
    expect((await applyAsNextPerson()).status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  });

  test('suspended by decision: not eligible; reinstated: eligible again from the reinstatement\'s date; ended: not eligible after its last day', async () => {
    const decision = { reference: 'PR-TEST-1', decidedOn: toDateParts(today), reason: 'test' };
    await publishProviderEvents(providerEvent('provider_suspended', ProviderSuspended.encode({
      providerId: PROVIDER_ID, decision, effectiveDate: toDateParts(today), suspendedAt: new Date().toISOString(),
    }).finish()));
    await waitFor(async () => (await standing())?.suspendedFrom === today, 'suspension', 45_000);
    expect(reasonsOf(await applyAsNextPerson())).toEqual([RejectionReason.REJECTION_REASON_PROVIDER_NOT_ELIGIBLE]);

    // A reinstatement from tomorrow lifts nothing today (its effective date counts, not its arrival: DOMAIN.md §3).
    await publishProviderEvents(providerEvent('provider_reinstated', ProviderReinstated.encode({
      providerId: PROVIDER_ID, decision, effectiveDate: toDateParts(addDays(today, 1)), reinstatedAt: new Date().toISOString(),
    }).finish()));
    await waitFor(async () => (await standing())?.reinstatedFrom === addDays(today, 1), 'reinstatement from tomorrow', 45_000);
    expect(reasonsOf(await applyAsNextPerson())).toEqual([RejectionReason.REJECTION_REASON_PROVIDER_NOT_ELIGIBLE]);

    await publishProviderEvents(providerEvent('provider_reinstated', ProviderReinstated.encode({
      providerId: PROVIDER_ID, decision, effectiveDate: toDateParts(today), reinstatedAt: new Date().toISOString(),
    }).finish()));
    await waitFor(async () => (await standing())?.reinstatedFrom === today, 'reinstatement from today', 45_000);
    expect((await applyAsNextPerson()).status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);

    await publishProviderEvents(providerEvent('provider_ended', ProviderEnded.encode({ providerId: PROVIDER_ID, endDate: toDateParts(addDays(today, -1)), reason: 'test' }).finish()));
    await waitFor(async () => (await standing())?.endedAfter === addDays(today, -1), 'end', 45_000);
    expect(reasonsOf(await applyAsNextPerson())).toEqual([RejectionReason.REJECTION_REASON_PROVIDER_NOT_ELIGIBLE]);
  });
});

describe('PERSON_EXCLUDED from payment SettlementDecided (person at fault) on the broker', () => {
  /** A granted application of an earlier year, as the portal would have recorded it (setup outside this window). */
  async function earlierGrant(bsn: string): Promise<string> {
    const id = randomUUID();
    await h.portal.context.pool.query(
      `INSERT INTO application (id, tijdvak_id, channel, status, bsn, certificate_number, provider_id, training_id, start_moment_id, training_name,
                                training_start_date, training_end_date, requested_cents, granted_cents, reasons, receipt_sequence, received_at,
                                decided_at, rules_version, grant_year)
       VALUES ($1, 'STAP-2023-03', 'ONLINE', 'GRANTED', $2, $3, $4, 'old', 'old-1', 'Old', '2023-05-01', '2023-07-01', 65000, 65000, '{}', $5,
               '2023-03-17T10:00:00Z', '2023-03-17T10:00:00Z', $6, 2023)`,
      [id, bsn, `OLD-${id}`, PROVIDER_ID, Math.floor(Math.random() * 1e9), 'STAP/2023.1'],
    );
    return id;
  }

  const settlement = (applicationId: string, decidedOn: string, personAtFault: boolean) => cloudEvent('nl.stap.payments.settlement_decided.v1', SettlementDecided.encode({
    purchaseOrderId: randomUUID(), settlementId: randomUUID(), tijdvak: { regelingCode: RegelingCode.REGELING_CODE_STAP, tijdvakId: 'STAP-2023-03' },
    source: { source: { $case: 'applicationId', value: applicationId } }, outcome: SettlementOutcome.SETTLEMENT_OUTCOME_NIL,
    settledAmount: eur(0), personAtFault, decision: { reference: `UWV-STAP-${applicationId.slice(0, 8)}`, decidedOn: toDateParts(decidedOn), reason: 'test' },
  }).finish(), applicationId);

  test('excluded up to and including the last day of the 2-year exclusion (maxExclusionYears), not a day longer', async () => {
    // Undo the provider's end of the previous test (setup) so only the person's exclusion can reject.
    await h.portal.context.pool.query(`UPDATE provider_standing SET ended_after = NULL WHERE provider_id = $1`, [PROVIDER_ID]);
    const [stillExcluded, freeAgain, notAtFault] = [0, 1, 2].map((i) => h.persons[h.persons.length - 1 - nextPerson - i]);
    const twoYearsAgo = addMonthsClamped(today, -24);
    const apps = await Promise.all([stillExcluded, freeAgain, notAtFault].map((p) => earlierGrant(p.bsn)));
    // One key, so the broker keeps them in order: when the last one is applied, the others were too.
    const key = randomUUID();
    await producer.send({
      topic: 'stap.payments.purchase_order.v1',
      messages: [settlement(apps[2], addDays(twoYearsAgo, 1), false), settlement(apps[1], twoYearsAgo, true), settlement(apps[0], addDays(twoYearsAgo, 1), true)]
        .map((event) => toKafkaMessage(event, key)),
    });
    const row = await waitFor(() => db().personExclusion.findUnique({ where: { bsn: stillExcluded.bsn } }).then((r) => r ?? undefined), 'exclusion', 45_000);
    expect(row.excludedUntil).toBe(today);
    expect((await db().personExclusion.findUnique({ where: { bsn: freeAgain.bsn } }))?.excludedUntil).toBe(addDays(today, -1));
    expect(await db().personExclusion.findUnique({ where: { bsn: notAtFault.bsn } })).toBeNull();

    const decisions = [await applyAsNextPerson(), await applyAsNextPerson(), await applyAsNextPerson()];
    expect(decisions.map(reasonsOf)).toEqual([[RejectionReason.REJECTION_REASON_PERSON_EXCLUDED], [], []]);
    // "Mijn STAP-budget" tells the excluded person until when; the one excluded until yesterday sees no exclusion.
    const overviews = await Promise.all([stillExcluded, freeAgain].map((p) => call(h, h.client.getMyBudgetOverview, {}, asPerson(p.bsn))));
    expect(overviews.map((o) => o.excludedUntil)).toEqual([toDateParts(today), undefined]);
    expect(overviews[0].canApplyThisYear).toBe(false);
  });
});

describe('a certificate revoked between the application\'s read and the decision pipeline\'s claim', () => {
  test('is claimed and the application decided REJECTED with CERTIFICATE_INVALID, not granted', async () => {
    await h.portal.context.pool.query(`UPDATE provider_standing SET ended_after = NULL, suspended_from = NULL, reinstated_from = NULL WHERE provider_id = $1`, [PROVIDER_ID]);
    const person = h.persons[h.persons.length - 1 - nextPerson++];
    const cert = await call(h, h.client.issueEnrolmentCertificate, {
      providerId: PROVIDER_ID, trainingId: EXCEL.trainingId, startMomentId: MOMENT,
      holder: { initials: person.initials, surname: person.surname, birthDate: toDateParts(person.birthDate) }, amount: eur(EXCEL.priceEuros),
    }, bearer(PROVIDER_TOKEN));
    // The application was assessed (no reasons) while the certificate was ISSUED; the provider revokes it now.
    await call(h, h.client.revokeEnrolmentCertificate, { number: cert.number, reason: 'cursus vervallen' }, bearer(PROVIDER_TOKEN));
    const decided = await h.portal.context.decisions.decide({
      tijdvakId: TIJDVAK, channel: 'ONLINE', bsn: person.bsn, certificateNumber: cert.number, providerId: PROVIDER_ID, trainingId: EXCEL.trainingId,
      startMomentId: MOMENT, trainingName: EXCEL.name, trainingStartDate: EXCEL.startDate, trainingEndDate: EXCEL.endDate, requestedCents: 65_000,
      queuePosition: null, contactEmail: null, reasons: [], amountCents: 65_000,
    });
    expect({ granted: decided.granted, reasons: decided.reasons }).toEqual({ granted: false, reasons: ['CERTIFICATE_INVALID'] });
    expect((await db().enrolmentCertificate.findUniqueOrThrow({ where: { number: cert.number } })).status).toBe('REVOKED');
  });
});
