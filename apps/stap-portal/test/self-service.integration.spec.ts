// The individual's own calls through gRPC on the real database and broker: withdrawing a granted application before the training starts (ApplicationWithdrawn in
// the outbox; the amount stays committed until payment cancels the purchase order, see
// withdrawal-payment.integration.spec.ts; the grant still counting for the calendar year, refusals for someone else's,
// a rejected, an already withdrawn and a started one); "who looked up my data" (own partner look-up records only,
// newest first, paged); and ListTijdvakken with its regeling and status filters and paging.
import { randomUUID } from 'node:crypto';
import { status, type ServiceError } from '@grpc/grpc-js';
import { ActorType, RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { ApplicationWithdrawn } from '@stap/contracts/stap/portal/events/v1/events';
import {
  ApplicationChannel, ApplicationStatus, LookupPurpose, RejectionReason, TijdvakStatus, type Application, type QueueTicket,
} from '@stap/contracts/stap/portal/v1/portal';
import { decodeRichError } from '@stap/platform/grpc';
import { addDays, amsterdamDateOf, amsterdamToInstant } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import {
  asPerson, bearer, call, COUNTER_TOKEN, eur, feed, PARTNER_TOKEN, PROVIDER_KVK, PROVIDER_TOKEN, providerRegisteredEvent, registerEvents,
  STAFF_TOKEN, stapRef, startHarness, waitForAdmission, type Harness, grpcError
} from './harness';

jest.setTimeout(90_000);

const PROVIDER_ID = randomUUID();
const TIJDVAK = 'STAP-2027-03';
const LATER = ['STAP-2027-05', 'STAP-2027-07'];
const today = amsterdamDateOf(new Date());
const EXCEL = { trainingId: 'excel', startMomentId: 'excel-1', name: 'Excel', priceEuros: 650, startDate: addDays(today, 42), endDate: addDays(today, 90) };

let h: Harness;

const person = (index: number) => h.persons[index];

async function certificateFor(index: number, birthDate?: string): Promise<string> {
  const p = person(index);
  const certificate = await call(h, h.client.issueEnrolmentCertificate, {
    providerId: PROVIDER_ID, trainingId: EXCEL.trainingId, startMomentId: EXCEL.startMomentId,
    holder: { initials: p.initials, surname: p.surname, birthDate: toDateParts(birthDate ?? p.birthDate) }, amount: eur(EXCEL.priceEuros),
  }, bearer(PROVIDER_TOKEN));
  return certificate.number;
}

const tickets = new Map<number, QueueTicket>();
/** A fresh admission token of the person's (single) waiting-room ticket: every poll hands out a new one. */
async function admissionToken(index: number): Promise<string> {
  const ticket = tickets.get(index) ?? (await call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(person(index).bsn)));
  tickets.set(index, ticket);
  return (await waitForAdmission(h, ticket)).admissionToken;
}

function submit(index: number, certificateNumber: string, token: string): Promise<Application> {
  return call(h, h.client.submitApplication, {
    tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: token,
    enrolmentCertificateNumber: certificateNumber, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
  }, asPerson(person(index).bsn));
}

async function grantTo(index: number): Promise<Application> {
  const application = await submit(index, await certificateFor(index), await admissionToken(index));
  expect(application.status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  return application;
}

const tijdvak = () => call(h, h.client.getTijdvak, { ref: stapRef(TIJDVAK) });
const withdraw = (applicationId: string, metadata = asPerson(person(0).bsn), reason = '') =>
  call(h, h.client.withdrawApplication, { applicationId, reason }, metadata);

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 20 });
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, ...EXCEL })]);
  const opensAt = new Date(Date.now() + 1_500);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Zelfbediening', opensAt: opensAt.toISOString(),
    // Closes 60 days on, after the training's start (day 42): the withdrawal test moves the portal's clock to that start,
    // and the portal's scheduler (same clock) must then still see this tijdvak open.
    closesAt: new Date(opensAt.getTime() + 60 * 86_400_000).toISOString(), baseBudget: eur(100_000), counterReserve: eur(1_000), counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
});

afterAll(async () => {
  await h?.stop();
});

test('withdrawing a granted application emits ApplicationWithdrawn and keeps the amount committed until payment cancels the order; the grant still counts for the year', async () => {
  const application = await grantTo(6);
  const before = await tijdvak();
  const withdrawn = await withdraw(application.id, asPerson(person(6).bsn), 'Opleiding past toch niet');
  expect(withdrawn.status).toBe(ApplicationStatus.APPLICATION_STATUS_WITHDRAWN);
  const after = await tijdvak();
  // Nothing goes back to the tijdvak yet: payment may keep the order (invoiced), and the ceiling is law.
  expect(after.committed).toEqual(before.committed);
  expect(after.onlineRemaining).toEqual(before.onlineRemaining);
  expect(after.grantedCount).toEqual(before.grantedCount);

  const outbox = await h.portal.context.prisma.outboxEvent.findMany({ where: { type: 'nl.stap.portal.application_withdrawn.v1', subject: application.id } });
  expect(outbox.length).toBe(1);
  expect(outbox[0].topic).toBe('stap.portal.application.v1');
  expect(ApplicationWithdrawn.decode(outbox[0].payload)).toMatchObject({
    applicationId: application.id, wasGranted: true, releasedAmount: { amountCents: '65000', currency: 'EUR' }, tijdvak: stapRef(TIJDVAK),
  });
  const stored = await h.portal.context.prisma.application.findUniqueOrThrow({ where: { id: application.id } });
  expect(stored).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'Opleiding past toch niet', budgetReleasedAt: null });

  // withdrawnGrantCountsForTheYear (DOMAIN.md §2.1: "a granted one counts"): no second grant this calendar year.
  expect(stored.grantYear).not.toBeNull();
  expect((await call(h, h.client.getMyBudgetOverview, {}, asPerson(person(6).bsn))).canApplyThisYear).toBe(false);
  const second = await submit(6, await certificateFor(6), await admissionToken(6));
  expect(second.decision?.reasons).toEqual([RejectionReason.REJECTION_REASON_ALREADY_GRANTED_THIS_YEAR]);

  const twice = await grpcError(withdraw(application.id, asPerson(person(6).bsn)));
  expect(twice).toMatchObject({ code: status.FAILED_PRECONDITION });
  expect((await tijdvak()).committed).toEqual(after.committed);
});

test('only the applicant (or a counter officer) withdraws; someone else\'s is NOT_FOUND; rejected and bad input are refused', async () => {
  const application = await grantTo(7);
  const before = await tijdvak();
  expect((await grpcError(withdraw(application.id, asPerson(person(8).bsn)))).code).toBe(status.NOT_FOUND);
  expect((await grpcError(withdraw(application.id, bearer(PARTNER_TOKEN)))).code).toBe(status.UNAUTHENTICATED);
  expect((await grpcError(withdraw(randomUUID(), asPerson(person(7).bsn)))).code).toBe(status.NOT_FOUND);
  const bad = await grpcError(withdraw('not-a-uuid', asPerson(person(7).bsn), 'x'.repeat(501)));
  expect(bad.code).toBe(status.INVALID_ARGUMENT);
  expect(bad.fieldViolations.map((v) => v.field).sort()).toEqual(['application_id', 'reason']);
  const rejected = await submit(9, await certificateFor(9, '1970-01-01'), await admissionToken(9));
  expect(rejected.status).toBe(ApplicationStatus.APPLICATION_STATUS_REJECTED);
  expect((await grpcError(withdraw(rejected.id, asPerson(person(9).bsn)))).code).toBe(status.FAILED_PRECONDITION);
  expect((await tijdvak()).committed).toEqual(before.committed);

  const byOfficer = await withdraw(application.id, bearer(COUNTER_TOKEN), 'aan de balie');
  expect(byOfficer.status).toBe(ApplicationStatus.APPLICATION_STATUS_WITHDRAWN);
  expect((await tijdvak()).committed).toEqual(before.committed);
});

test('two withdrawals at the same moment: one withdraws, the other is FAILED_PRECONDITION; one ApplicationWithdrawn', async () => {
  const application = await grantTo(10);
  const before = await tijdvak();
  const results = await Promise.all([1, 2].map(() => withdraw(application.id, asPerson(person(10).bsn)).then((a) => a, (e: ServiceError) => decodeRichError(e))));
  expect(results.filter((r) => 'id' in r).length).toBe(1);
  expect(results.find((r) => !('id' in r))).toMatchObject({ code: status.FAILED_PRECONDITION });
  expect((await tijdvak()).committed).toEqual(before.committed);
  expect(await h.portal.context.prisma.outboxEvent.count({ where: { type: 'nl.stap.portal.application_withdrawn.v1', subject: application.id } })).toBe(1);
});

test('from the first day of the training a withdrawal is FAILED_PRECONDITION and changes nothing', async () => {
  const application = await grantTo(11);
  const before = await tijdvak();
  const clock = h.portal.context.now;
  // The portal's clock moves to the training's first day, 09:00 Amsterdam (every use case reads the time from it).
  h.portal.context.now = () => amsterdamToInstant(`${EXCEL.startDate}T09:00`);
  try {
    const started = await grpcError(withdraw(application.id, asPerson(person(11).bsn)));
    expect(started).toMatchObject({ code: status.FAILED_PRECONDITION });
    h.portal.context.now = () => amsterdamToInstant(`${addDays(EXCEL.startDate, -1)}T23:59`);
    expect((await withdraw(application.id, asPerson(person(11).bsn))).status).toBe(ApplicationStatus.APPLICATION_STATUS_WITHDRAWN);
  } finally {
    h.portal.context.now = clock;
  }
  expect((await tijdvak()).committed).toEqual(before.committed);
});

test('"who looked up my data": the person\'s own partner look-ups, newest first, paged', async () => {
  const looked = person(12);
  const partner = bearer(PARTNER_TOKEN);
  for (const caseReference of ['ZAAK-1', 'ZAAK-2', 'ZAAK-3']) {
    await call(h, h.client.lookUpApplicantStatus, { bsn: { value: looked.bsn }, purpose: LookupPurpose.LOOKUP_PURPOSE_REINTEGRATION, caseReference }, partner);
  }
  await call(h, h.client.lookUpApplicantStatus, { bsn: { value: person(13).bsn }, purpose: LookupPurpose.LOOKUP_PURPOSE_REINTEGRATION, caseReference: 'ANDER' }, partner);

  const first = await call(h, h.client.listMyDataAccessRecords, { page: { pageSize: 2, pageToken: '' } }, asPerson(looked.bsn));
  expect(first.records.map((r) => r.caseReference)).toEqual(['ZAAK-3', 'ZAAK-2']);
  expect(first.records[0]).toMatchObject({
    accessor: { type: ActorType.ACTOR_TYPE_PARTNER_AGENCY, subject: 'gemeente-1' }, purpose: LookupPurpose.LOOKUP_PURPOSE_REINTEGRATION,
  });
  expect(first.page).toMatchObject({ totalSize: '3' });
  expect(first.page?.nextPageToken).not.toBe('');
  const rest = await call(h, h.client.listMyDataAccessRecords, { page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' } }, asPerson(looked.bsn));
  expect(rest.records.map((r) => r.caseReference)).toEqual(['ZAAK-1']);
  expect(rest.page?.nextPageToken).toBe('');

  // Another person's token, someone without look-ups, and no login.
  const foreign = await grpcError(call(h, h.client.listMyDataAccessRecords, { page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' } }, asPerson(person(13).bsn)));
  expect(foreign.fieldViolations.map((v) => v.field)).toEqual(['page.page_token']);
  expect((await call(h, h.client.listMyDataAccessRecords, { page: undefined }, asPerson(person(14).bsn))).records).toEqual([]);
  expect((await grpcError(call(h, h.client.listMyDataAccessRecords, { page: undefined }))).code).toBe(status.UNAUTHENTICATED);
});

test('ListTijdvakken filters by regeling and effective status, newest first, paged', async () => {
  for (const [index, id] of LATER.entries()) {
    const opensAt = amsterdamToInstant(`${addDays(today, 120 + index * 60)}T10:00`);
    await call(h, h.client.scheduleTijdvak, {
      ref: stapRef(id), displayName: id, opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 30 * 86_400_000).toISOString(),
      baseBudget: eur(10_000), counterReserve: undefined, counterReserveReleaseAt: undefined,
    }, bearer(STAFF_TOKEN));
  }
  const list = (statuses: TijdvakStatus[], page = { pageSize: 0, pageToken: '' }, regelingCode = RegelingCode.REGELING_CODE_STAP) =>
    call(h, h.client.listTijdvakken, { regelingCode, statuses, page });
  const ids = (response: Awaited<ReturnType<typeof list>>) => response.tijdvakken.map((t) => t.ref?.tijdvakId);

  expect(ids(await list([]))).toEqual([LATER[1], LATER[0], TIJDVAK]);
  expect(ids(await list([TijdvakStatus.TIJDVAK_STATUS_OPEN]))).toEqual([TIJDVAK]);
  expect(ids(await list([TijdvakStatus.TIJDVAK_STATUS_SCHEDULED]))).toEqual([LATER[1], LATER[0]]);
  expect(ids(await list([], undefined, RegelingCode.REGELING_CODE_NLLD_SCHOLING))).toEqual([]);

  const first = await list([], { pageSize: 2, pageToken: '' });
  expect(ids(first)).toEqual([LATER[1], LATER[0]]);
  expect(first.page?.totalSize).toBe('3');
  expect(ids(await list([], { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' }))).toEqual([TIJDVAK]);
  const otherFilter = await grpcError(list([TijdvakStatus.TIJDVAK_STATUS_OPEN], { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' }));
  expect(otherFilter.fieldViolations.map((v) => v.field)).toEqual(['page.page_token']);
  const badStatus = await grpcError(list([TijdvakStatus.TIJDVAK_STATUS_UNSPECIFIED]));
  expect(badStatus.fieldViolations.map((v) => v.field)).toEqual(['statuses[0]']);

  await call(h, h.client.closeTijdvak, { ref: stapRef(TIJDVAK), rollOverToTijdvakId: '' }, bearer(STAFF_TOKEN));
  expect(ids(await list([TijdvakStatus.TIJDVAK_STATUS_CLOSED]))).toEqual([TIJDVAK]);
  expect(ids(await list([TijdvakStatus.TIJDVAK_STATUS_OPEN, TijdvakStatus.TIJDVAK_STATUS_CEILING_REACHED]))).toEqual([]);
});
