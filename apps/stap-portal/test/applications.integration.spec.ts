// The application rules end to end through gRPC, on the real database and broker: the waiting room, grants and
// every rejection reason at its boundary, the amount cap, the certificate used once, the counter reserve, the
// ceiling ("plafond bereikt": no later application overtakes), the partner look-up with its audit record, "Mijn
// STAP-budget", and closing with roll-over. Errors: INVALID_ARGUMENT with field violations, and nothing recorded.
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import {
  ApplicationChannel,
  ApplicationStatus,
  LookupPurpose,
  QueueTicketState,
  RejectionReason,
  type Application,
  type QueueTicket,
} from '@stap/contracts/stap/portal/v1/portal';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import {
  asPerson, bearer, call, COUNTER_TOKEN, eur, feed, PARTNER_TOKEN, PROVIDER_KVK, PROVIDER_TOKEN, providerRegisteredEvent, registerEvents,
  STAFF_TOKEN, stapRef, startHarness, waitForAdmission, type Harness, grpcError
} from './harness';

jest.setTimeout(60_000);

const PROVIDER_ID = randomUUID();
const TIJDVAK = 'STAP-2026-11';
const NEXT_TIJDVAK = 'STAP-2027-01';
const today = amsterdamDateOf(new Date());
const EXCEL = { trainingId: 'excel', startMomentId: 'excel-1', name: 'Excel', priceEuros: 650, startDate: addDays(today, 42), endDate: addDays(today, 90) };
const LASSEN = { trainingId: 'lassen', startMomentId: 'lassen-1', name: 'Lassen', priceEuros: 1_450, startDate: addDays(today, 42), endDate: addDays(today, 90) };
const SOON = { trainingId: 'soon', startMomentId: 'soon-1', name: 'Te vroeg', priceEuros: 500, startDate: addDays(today, 27), endDate: addDays(today, 60) };

let h: Harness;

async function certificate(training: typeof EXCEL, person: { initials: string; surname: string; birthDate: string }, amountEuros = training.priceEuros) {
  return call(h, h.client.issueEnrolmentCertificate, {
    providerId: PROVIDER_ID, trainingId: training.trainingId, startMomentId: training.startMomentId,
    holder: { initials: person.initials, surname: person.surname, birthDate: toDateParts(person.birthDate) }, amount: eur(amountEuros),
  }, bearer(PROVIDER_TOKEN));
}

const tickets = new Map<string, QueueTicket>();
async function admission(bsn: string): Promise<string> {
  const ticket = tickets.get(bsn) ?? (await call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(bsn)));
  tickets.set(bsn, ticket);
  return (await waitForAdmission(h, ticket)).admissionToken;
}

async function applyOnline(bsn: string, certificateNumber: string): Promise<Application> {
  return call(h, h.client.submitApplication, {
    tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: await admission(bsn),
    enrolmentCertificateNumber: certificateNumber, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
  }, asPerson(bsn));
}

const person = (bsn: string) => {
  const found = h.persons.find((candidate) => candidate.bsn === bsn);
  if (!found) throw new Error(`no test person ${bsn}`);
  return found;
};
const reasonsOf = (application: Application) => application.decision?.reasons ?? [];

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 20 });
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...[EXCEL, LASSEN, SOON].flatMap((t) => registerEvents({ providerId: PROVIDER_ID, ...t }))]);
  const opensAt = new Date(Date.now() + 2_000);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Aanvraagtijdvak test', opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + 30 * 86_400_000).toISOString(), baseBudget: eur(5_000), counterReserve: eur(1_000), counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(NEXT_TIJDVAK), displayName: 'Volgend tijdvak', opensAt: new Date(opensAt.getTime() + 40 * 86_400_000).toISOString(),
    closesAt: new Date(opensAt.getTime() + 80 * 86_400_000).toISOString(), baseBudget: eur(10_000), counterReserve: undefined, counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
});

afterAll(async () => {
  await h?.stop();
});

test('the waiting room: a place is drawn at opening; joining again or from another device never changes it', async () => {
  const bsn = '999990019';
  const first = await call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(bsn));
  expect(first.state).toBe(QueueTicketState.QUEUE_TICKET_STATE_WAITING_FOR_OPENING);
  expect(first.position).toBe('0');
  const again = await call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(bsn));
  expect(again.ticketId).toBe(first.ticketId);
  const admitted = await waitForAdmission(h, again);
  expect(Number(admitted.position)).toBeGreaterThan(0);
  const afterOpening = await call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(bsn));
  expect(afterOpening.ticketId).toBe(first.ticketId);
  expect(afterOpening.position).toBe(admitted.position);
  // The old device's secret no longer reads the ticket; the newest does.
  await expect(call(h, h.client.getQueueTicket, { ticketId: first.ticketId, ticketSecret: first.ticketSecret })).rejects.toMatchObject({ code: status.NOT_FOUND });
  // An unknown or malformed ticket id reads as not found too, like a wrong secret (the contract), never as an error.
  for (const ticketId of [randomUUID(), '-'.repeat(36), 'x']) {
    await expect(call(h, h.client.getQueueTicket, { ticketId, ticketSecret: afterOpening.ticketSecret })).rejects.toMatchObject({ code: status.NOT_FOUND });
  }
  tickets.set(bsn, afterOpening);
});

test('a training dearer than €1,000 is granted €1,000; the rest is paid by others', async () => {
  const jansen = person('999990019');
  const cert = await certificate(LASSEN, jansen);
  expect(cert.amount?.amountCents).toBe('100000');
  expect(cert.amountPaidByOthers?.amountCents).toBe('45000');
  const application = await applyOnline(jansen.bsn, cert.number);
  expect(application.status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  expect(application.decision?.grantedAmount?.amountCents).toBe('100000');
  expect(application.receiptSequence).toBe('1');
});

test('one grant per person per calendar year; the certificate is used once', async () => {
  const jansen = person('999990019');
  const second = await applyOnline(jansen.bsn, (await certificate(EXCEL, jansen)).number);
  expect(second.status).toBe(ApplicationStatus.APPLICATION_STATUS_REJECTED);
  expect(reasonsOf(second)).toEqual([RejectionReason.REJECTION_REASON_ALREADY_GRANTED_THIS_YEAR]);
  const reused = await grpcError(applyOnline(jansen.bsn, second.enrolmentCertificateNumber));
  expect(reused.code).toBe(status.ALREADY_EXISTS);
});

test('eligibility from the external registers: student finance, AOW age, insurance', async () => {
  const cases: [string, RejectionReason][] = [
    ['999990044', RejectionReason.REJECTION_REASON_RECEIVES_STUDENT_FINANCE],
    ['999990056', RejectionReason.REJECTION_REASON_AGE_OUT_OF_RANGE],
    ['999990068', RejectionReason.REJECTION_REASON_INSUFFICIENT_INSURANCE],
  ];
  for (const [bsn, reason] of cases) {
    const application = await applyOnline(bsn, (await certificate(EXCEL, person(bsn))).number);
    expect(application.status).toBe(ApplicationStatus.APPLICATION_STATUS_REJECTED);
    expect(reasonsOf(application)).toEqual([reason]);
    expect(application.decision?.grantedAmount?.amountCents).toBe('0');
  }
});

test('training conditions: a start within 4 weeks, and a certificate for someone else', async () => {
  const [a, b] = h.persons.slice(4, 6);
  const soon = await applyOnline(a.bsn, (await certificate(SOON, a)).number);
  expect(reasonsOf(soon)).toEqual([RejectionReason.REJECTION_REASON_START_TOO_SOON]);
  const otherPersons = await applyOnline(b.bsn, (await certificate(EXCEL, { ...b, birthDate: '1970-01-01' })).number);
  expect(reasonsOf(otherPersons)).toEqual([RejectionReason.REJECTION_REASON_CERTIFICATE_MISMATCH]);
});

test('bad input: field violations, no admission, no login; nothing is recorded', async () => {
  const before = await h.portal.context.prisma.application.count();
  const bad = await grpcError(call(h, h.client.submitApplication, {
    tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: '', enrolmentCertificateNumber: 'nope',
    applicantBsn: { value: '123' }, contactEmail: 'x', declaredTruthful: false,
  }, asPerson('999990019')));
  expect(bad.code).toBe(status.INVALID_ARGUMENT);
  expect(bad.fieldViolations.map((v) => v.field).sort()).toEqual(
    ['admission_token', 'applicant_bsn', 'contact_email', 'declared_truthful', 'enrolment_certificate_number'],
  );
  const [c] = h.persons.slice(6, 7);
  const cert = await certificate(EXCEL, c);
  const forged = await grpcError(call(h, h.client.submitApplication, {
    tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: `${await admission('999990019')}`,
    enrolmentCertificateNumber: cert.number, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
  }, asPerson(c.bsn)));
  expect(forged.code).toBe(status.PERMISSION_DENIED);
  const anonymous = await grpcError(call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }));
  expect(anonymous.code).toBe(status.UNAUTHENTICATED);
  const badSchedule = await grpcError(call(h, h.client.scheduleTijdvak, {
    ref: stapRef('x'), displayName: '', opensAt: undefined, closesAt: undefined, baseBudget: eur(-1), counterReserve: undefined, counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN)));
  expect(badSchedule.code).toBe(status.INVALID_ARGUMENT);
  expect(badSchedule.fieldViolations.map((v) => v.field).sort()).toEqual(['base_budget.amount_cents', 'closes_at', 'display_name', 'opens_at', 'ref.tijdvak_id']);
  expect(await h.portal.context.prisma.application.count()).toBe(before);
});

test('the counter reserve is for counter applications; online the ceiling is reached and nothing overtakes', async () => {
  // Everyone joins the waiting room first: once the ceiling is reached, the waiting room takes nobody new.
  for (const p of h.persons.slice(8, 15)) await admission(p.bsn);
  const officer = bearer(COUNTER_TOKEN);
  const counterPerson = h.persons[7];
  const counter = await call(h, h.client.submitApplication, {
    tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_COUNTER, admissionToken: '',
    enrolmentCertificateNumber: (await certificate(EXCEL, counterPerson)).number, applicantBsn: { value: counterPerson.bsn }, contactEmail: '', declaredTruthful: true,
  }, officer);
  expect(counter.status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  // Online part: €5,000 - €1,000 reserve = €4,000; €1,000 granted to Jansen, then €650 each: 4 fit (€3,600), the 5th not.
  const online: Application[] = [];
  for (const p of h.persons.slice(8, 14)) online.push(await applyOnline(p.bsn, (await certificate(EXCEL, p)).number));
  expect(online.map((a) => a.status)).toEqual([2, 2, 2, 2, 3, 3].map((s) => s as ApplicationStatus));
  expect(reasonsOf(online[4])).toEqual([RejectionReason.REJECTION_REASON_CEILING_REACHED]);
  // A cheaper later application does not overtake: the ceiling was reached ("plafond bereikt").
  const cheap = await certificate(EXCEL, h.persons[14], 100);
  expect(reasonsOf(await applyOnline(h.persons[14].bsn, cheap.number))).toEqual([RejectionReason.REJECTION_REASON_CEILING_REACHED]);
  const tijdvak = await call(h, h.client.getTijdvak, { ref: stapRef(TIJDVAK) });
  expect(tijdvak.committed?.amountCents).toBe(String((1_000 + 650 + 4 * 650) * 100));
  expect(tijdvak.onlineRemaining?.amountCents).toBe(String(40_000));
  expect(tijdvak.counterRemaining?.amountCents).toBe(String(35_000));
});

test('a partner look-up needs an allowed purpose and a case reference, and is audited', async () => {
  const partner = bearer(PARTNER_TOKEN);
  const found = await call(h, h.client.lookUpApplicantStatus, { bsn: { value: '999990019' }, purpose: LookupPurpose.LOOKUP_PURPOSE_REINTEGRATION, caseReference: 'ZAAK-1' }, partner);
  expect(found.applications.length).toBe(2);
  expect(found.applications[0].grantedAmount).toBeUndefined();
  const record = await h.portal.context.prisma.dataAccessRecord.findUnique({ where: { id: found.dataAccessRecordId } });
  expect(record).toMatchObject({ bsn: '999990019', purpose: 'REINTEGRATION', caseReference: 'ZAAK-1', accessorSubject: 'gemeente-1' });
  const notAllowed = await grpcError(call(h, h.client.lookUpApplicantStatus, { bsn: { value: '999990019' }, purpose: LookupPurpose.LOOKUP_PURPOSE_ENFORCEMENT, caseReference: 'ZAAK-2' }, partner));
  expect(notAllowed.code).toBe(status.PERMISSION_DENIED);
  const invalidBsn = await grpcError(call(h, h.client.lookUpApplicantStatus, { bsn: { value: '123456789' }, purpose: LookupPurpose.LOOKUP_PURPOSE_REINTEGRATION, caseReference: '' }, partner));
  expect(invalidBsn.fieldViolations.map((v) => v.field).sort()).toEqual(['bsn.value', 'case_reference']);
  expect(await h.portal.context.prisma.dataAccessRecord.count()).toBe(1);
});

test('"Mijn STAP-budget" shows the person\'s applications and whether they can apply again this year', async () => {
  const overview = await call(h, h.client.getMyBudgetOverview, {}, asPerson('999990019'));
  expect(overview.applications.map((a) => a.status)).toEqual([ApplicationStatus.APPLICATION_STATUS_REJECTED, ApplicationStatus.APPLICATION_STATUS_GRANTED]);
  expect(overview.canApplyThisYear).toBe(false);
  const none = await call(h, h.client.getMyBudgetOverview, {}, asPerson(h.persons[19].bsn));
  expect(none).toMatchObject({ applications: [], canApplyThisYear: true });
});

test('closing rolls the unused budget over to the next tijdvak', async () => {
  const closed = await call(h, h.client.closeTijdvak, { ref: stapRef(TIJDVAK), rollOverToTijdvakId: NEXT_TIJDVAK }, bearer(STAFF_TOKEN));
  const unused = 500_000 - (1_000 + 650 + 4 * 650) * 100;
  expect(closed.rolledOverOut?.amountCents).toBe(String(unused));
  const next = await call(h, h.client.getTijdvak, { ref: stapRef(NEXT_TIJDVAK) });
  expect(next.rolledOverIn?.amountCents).toBe(String(unused));
  expect(next.ceiling?.amountCents).toBe(String(1_000_000 + unused));
  const again = await grpcError(call(h, h.client.closeTijdvak, { ref: stapRef(TIJDVAK), rollOverToTijdvakId: '' }, bearer(STAFF_TOKEN)));
  expect(again.code).toBe(status.FAILED_PRECONDITION);
});
