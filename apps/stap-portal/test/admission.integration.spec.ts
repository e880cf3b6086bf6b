// An admission token from the waiting room submits ONE application, through gRPC on the real database and broker: a
// second use of the same token is PERMISSION_DENIED and records nothing, also when both uses arrive at the same moment
// (the token id's primary key in admission_token_use decides); a new poll of the ticket hands out a new token, and
// the one-grant-per-year rule then decides as always. A replayed token is refused before the facts and external
// register reads (a cheap pre-check; the decision batch stays the authority).
import { randomUUID } from 'node:crypto';
import { status, type ServiceError } from '@grpc/grpc-js';
import { ApplicationChannel, ApplicationStatus, RejectionReason, type Application, type QueueTicket } from '@stap/contracts/stap/portal/v1/portal';
import { decodeRichError } from '@stap/platform/grpc';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import {
  asPerson, bearer, call, eur, feed, PROVIDER_KVK, PROVIDER_TOKEN, providerRegisteredEvent, registerEvents, STAFF_TOKEN, stapRef, startHarness,
  waitForAdmission, type Harness, grpcError
} from './harness';

jest.setTimeout(60_000);

const PROVIDER_ID = randomUUID();
const TIJDVAK = 'STAP-2027-01';
const today = amsterdamDateOf(new Date());
const EXCEL = { trainingId: 'excel', startMomentId: 'excel-1', name: 'Excel', priceEuros: 650, startDate: addDays(today, 42), endDate: addDays(today, 90) };

let h: Harness;

async function certificateFor(index: number): Promise<string> {
  const p = h.persons[index];
  const certificate = await call(h, h.client.issueEnrolmentCertificate, {
    providerId: PROVIDER_ID, trainingId: EXCEL.trainingId, startMomentId: EXCEL.startMomentId,
    holder: { initials: p.initials, surname: p.surname, birthDate: toDateParts(p.birthDate) }, amount: eur(EXCEL.priceEuros),
  }, bearer(PROVIDER_TOKEN));
  return certificate.number;
}

const tickets = new Map<number, QueueTicket>();
/** A fresh admission token of the person's (single) waiting-room ticket: every poll hands out a new one. */
async function admissionToken(index: number): Promise<string> {
  const ticket = tickets.get(index) ?? (await call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(h.persons[index].bsn)));
  tickets.set(index, ticket);
  return (await waitForAdmission(h, ticket)).admissionToken;
}

function submit(index: number, certificateNumber: string, token: string): Promise<Application> {
  return call(h, h.client.submitApplication, {
    tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: token,
    enrolmentCertificateNumber: certificateNumber, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
  }, asPerson(h.persons[index].bsn));
}

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 4 });
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, ...EXCEL })]);
  const opensAt = new Date(Date.now() + 1_000);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Toegang', opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + 30 * 86_400_000).toISOString(), baseBudget: eur(10_000), counterReserve: eur(0), counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
});

afterAll(async () => {
  await h?.stop();
});

test('an admission token submits one application: a second use is refused, also at the same moment', async () => {
  const token = await admissionToken(4);
  expect((await submit(4, await certificateFor(4), token)).status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  const before = await h.portal.context.prisma.application.count();
  const again = await grpcError(submit(4, await certificateFor(4), token));
  expect(again.code).toBe(status.PERMISSION_DENIED);
  expect(await h.portal.context.prisma.application.count()).toBe(before);

  // The same token twice at once (a double click, or two devices): exactly one is received.
  const shared = await admissionToken(5);
  const [first, second] = [await certificateFor(5), await certificateFor(5)];
  const results = await Promise.all([submit(5, first, shared), submit(5, second, shared)].map((p) => p.then((a) => a, (e: ServiceError) => decodeRichError(e))));
  const received = results.filter((r): r is Application => 'id' in r);
  expect(received.length).toBe(1);
  expect(results.find((r) => !('id' in r))).toMatchObject({ code: status.PERMISSION_DENIED });
  expect(await h.portal.context.prisma.admissionTokenUse.count()).toBe(2);

  // A new poll of the ticket hands out a new token; the one-grant-per-year rule then decides.
  const next = await submit(5, received[0].enrolmentCertificateNumber === first ? second : first, await admissionToken(5));
  expect(next.decision?.reasons).toEqual([RejectionReason.REJECTION_REASON_ALREADY_GRANTED_THIS_YEAR]);
});

test('a submission refused with an error does not spend its token: it can still submit', async () => {
  // Four tokens of one person name the same certificate at once: one application is received, the other three are
  // refused (ALREADY_EXISTS, before or after their token was spent), and each of those tokens still submits later.
  const tokens = [await admissionToken(6), await admissionToken(6), await admissionToken(6), await admissionToken(6)];
  const shared = await certificateFor(6);
  const results = await Promise.all(tokens.map((token) => submit(6, shared, token).then((a) => a, (e: ServiceError) => decodeRichError(e))));
  expect(results.filter((r) => 'id' in r).length).toBe(1);
  const refused = tokens.filter((_, index) => !('id' in results[index]));
  expect(results.filter((r) => !('id' in r)).map((r) => ('code' in r ? r.code : undefined))).toEqual([status.ALREADY_EXISTS, status.ALREADY_EXISTS, status.ALREADY_EXISTS]);
  for (const token of refused) {
    const later = await submit(6, await certificateFor(6), token);
    expect(later.decision?.reasons).toEqual([RejectionReason.REJECTION_REASON_ALREADY_GRANTED_THIS_YEAR]);
  }
});

test('a replayed token is refused before the expensive reads: same PERMISSION_DENIED, no external register read', async () => {
  const token = await admissionToken(7);
  expect((await submit(7, await certificateFor(7), token)).status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  const unused = await certificateFor(7);
  // Counts the person reads the portal sends to the (real, stand-in) external registers; every read still goes there.
  const registers = h.portal.context.registers;
  let personReads = 0;
  h.portal.context.registers = {
    ...registers,
    personFacts: (...args) => {
      personReads += 1;
      return registers.personFacts(...args);
    },
  };
  try {
    const replayed = await grpcError(submit(7, unused, token));
    expect(replayed.code).toBe(status.PERMISSION_DENIED);
    expect(replayed.message).toContain('this admission token was already used to submit an application');
    expect(personReads).toBe(0);
    // A fresh token of the same ticket reads the registers (so the counter does see reads) and is decided as always;
    // the certificate named in the replay was not claimed by it (else this would be ALREADY_EXISTS).
    expect((await submit(7, unused, await admissionToken(7))).decision?.reasons).toEqual([RejectionReason.REJECTION_REASON_ALREADY_GRANTED_THIS_YEAR]);
    expect(personReads).toBe(1);
  } finally {
    h.portal.context.registers = registers;
  }
});
