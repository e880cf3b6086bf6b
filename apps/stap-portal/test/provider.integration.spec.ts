// The provider side on the real database and broker: proof of participation per person (completed / not completed,
// at the 80 % boundary, once per application, for granted applications only) and in bulk (each item on its own,
// with its own status), written with its ParticipationProofSubmitted event; and the bulk pre-registration upload as
// CSV and XML, which reserves no budget, and refuses a file with a bad row as application/problem+json.
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import {
  ApplicationChannel, ApplicationStatus, CompletionBasis, NonCompletionReason, type Application,
} from '@stap/contracts/stap/portal/v1/portal';
import { decodeRichError } from '@stap/platform/grpc';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import {
  asPerson, bearer, call, eur, feed, PROVIDER_KVK, PROVIDER_TOKEN, providerRegisteredEvent, registerEvents, STAFF_TOKEN, stapRef,
  startHarness, waitForAdmission, type Harness,
} from './harness';

jest.setTimeout(60_000);

const PROVIDER_ID = randomUUID();
const TIJDVAK = 'STAP-2026-09';
const today = amsterdamDateOf(new Date());
const COURSE = { trainingId: 'course', startMomentId: 'course-1', name: 'Cursus', priceEuros: 900, startDate: addDays(today, 35), endDate: addDays(today, 70) };
let h: Harness;
const granted: Application[] = [];
let rejected: Application;

async function apply(index: number, birthDate?: string): Promise<Application> {
  const p = h.persons[index];
  const cert = await call(h, h.client.issueEnrolmentCertificate, {
    providerId: PROVIDER_ID, trainingId: COURSE.trainingId, startMomentId: COURSE.startMomentId,
    holder: { initials: p.initials, surname: p.surname, birthDate: toDateParts(birthDate ?? p.birthDate) }, amount: eur(900),
  }, bearer(PROVIDER_TOKEN));
  const ticket = await waitForAdmission(h, await call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(p.bsn)));
  return call(h, h.client.submitApplication, {
    tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: ticket.admissionToken,
    enrolmentCertificateNumber: cert.number, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
  }, asPerson(p.bsn));
}

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 6 });
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, ...COURSE })]);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Provider', opensAt: new Date(Date.now() + 500).toISOString(),
    closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(), baseBudget: eur(100_000), counterReserve: undefined, counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
  for (const index of [4, 5, 6]) granted.push(await apply(index));
  rejected = await apply(7, '1970-01-01');
  expect(granted.map((a) => a.status)).toEqual([2, 2, 2]);
  expect(rejected.status).toBe(ApplicationStatus.APPLICATION_STATUS_REJECTED);
});

afterAll(async () => {
  await h?.stop();
});

const completed = (applicationId: string, attendance: number) => ({
  applicationId, outcome: { $case: 'completed' as const, value: { basis: CompletionBasis.COMPLETION_BASIS_ATTENDANCE, attendancePercentage: attendance, creditsPercentage: undefined, completedOn: undefined } },
});

test('proof of participation: 80 % attendance is completed, once, with its event; 79 % is refused; not for a rejection', async () => {
  const provider = bearer(PROVIDER_TOKEN);
  const low = await call(h, h.client.submitParticipationProof, completed(granted[0].id, 79), provider).catch((e) => decodeRichError(e));
  expect(low).toMatchObject({ code: status.INVALID_ARGUMENT, fieldViolations: [{ field: 'completed.attendance_percentage' }] });
  const proof = await call(h, h.client.submitParticipationProof, completed(granted[0].id, 80), provider);
  expect(proof).toMatchObject({ applicationId: granted[0].id, providerId: PROVIDER_ID, late: false });
  const twice = await call(h, h.client.submitParticipationProof, completed(granted[0].id, 90), provider).catch((e) => decodeRichError(e));
  expect(twice).toMatchObject({ code: status.FAILED_PRECONDITION });
  const forRejected = await call(h, h.client.submitParticipationProof, completed(rejected.id, 90), provider).catch((e) => decodeRichError(e));
  expect(forRejected).toMatchObject({ code: status.FAILED_PRECONDITION });
  const outbox = await h.portal.context.prisma.outboxEvent.findMany({ where: { type: 'nl.stap.portal.participation_proof_submitted.v1', subject: granted[0].id } });
  expect(outbox.length).toBe(1);
});

test('bulk proofs: every item on its own, results in request order with their own status', async () => {
  const response = await call(h, h.client.submitParticipationProofs, {
    proofs: [
      { applicationId: granted[1].id, outcome: { $case: 'notCompleted', value: { reason: NonCompletionReason.NON_COMPLETION_REASON_LOW_PARTICIPATION, attendancePercentage: 40, illnessClaimed: true, explanation: 'langdurig ziek' } } },
      completed(randomUUID(), 100),
      completed(granted[2].id, 85),
    ],
  }, bearer(PROVIDER_TOKEN));
  expect(response).toMatchObject({ recordedCount: 2, failedCount: 1 });
  expect(response.results.map((r) => r.result?.$case)).toEqual(['proof', 'error', 'proof']);
  const failure = response.results[1].result;
  expect(failure?.$case === 'error' && failure.value.code).toBe(status.NOT_FOUND);
  const stored = await h.portal.context.prisma.participationProof.findUnique({ where: { applicationId: granted[1].id } });
  expect(stored).toMatchObject({ completed: false, nonCompletionReason: 'LOW_PARTICIPATION', illnessClaimed: true });
});

test('pre-registrations upload as CSV and XML, reserve nothing, and a bad row refuses the whole file', async () => {
  const url = `http://127.0.0.1:${h.portal.http.port}/api/v1/vooraanmeldingen?tijdvak=${TIJDVAK}`;
  const before = await call(h, h.client.getTijdvak, { ref: stapRef(TIJDVAK) });
  const csv = 'training_id,start_moment_id,initials,surname,birth_date\ncourse,course-1,J.,Jansen,1985-04-12\ncourse,course-1,M.,de Vries,1990-09-30\n';
  const ok = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${PROVIDER_TOKEN}`, 'content-type': 'text/csv' }, body: csv });
  expect(ok.status).toBe(201);
  expect(await ok.json()).toEqual({ recorded: 2, budgetReserved: false });
  const xml = `<?xml version="1.0"?><vooraanmeldingen><vooraanmelding><training_id>course</training_id><start_moment_id>course-1</start_moment_id>
    <initials>A.</initials><surname>Bakker</surname><birth_date>1972-01-15</birth_date></vooraanmelding></vooraanmeldingen>`;
  const okXml = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${PROVIDER_TOKEN}`, 'content-type': 'application/xml' }, body: xml });
  expect(okXml.status).toBe(201);
  const bad = await fetch(url, {
    method: 'POST', headers: { authorization: `Bearer ${PROVIDER_TOKEN}`, 'content-type': 'text/csv' },
    body: 'training_id,start_moment_id,initials,surname,birth_date\ncourse,course-1,J.,Jansen,1985-02-30\nother,x,J.,Jansen,1985-01-01\n',
  });
  expect(bad.status).toBe(400);
  expect(bad.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await bad.json()) as { invalidParams?: { name: string }[] };
  expect(problem.invalidParams?.map((p) => p.name)).toEqual(['rows[1].birth_date', 'rows[2].start_moment_id']);
  const unauthenticated = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  expect(unauthenticated.status).toBe(401);
  expect(await h.portal.context.prisma.preRegistration.count()).toBe(3);
  const after = await call(h, h.client.getTijdvak, { ref: stapRef(TIJDVAK) });
  expect(after.committed).toEqual(before.committed);
});
