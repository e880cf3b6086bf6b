// Thousands of simultaneous applications at a small ceiling, spread over TWO portal instances on one database (so
// the guarantee rests on PostgreSQL, not on one process's memory). Proves: the sum of grants never exceeds the
// ceiling, nobody gets two grants (some persons apply twice at the same moment with two certificates), and grants
// follow the queue: applications are fired in waves in queue order, and receipt order, and so grant order, follows.
import { ApplicationChannel, ApplicationStatus, type Application, type QueueTicket } from '@stap/contracts/stap/portal/v1/portal';
import { randomUUID } from 'node:crypto';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import {
  asPerson, bearer, call, eur, feed, PROVIDER_KVK, PROVIDER_TOKEN, providerRegisteredEvent, registerEvents, STAFF_TOKEN, stapRef,
  startHarness, waitForAdmission, type Harness,
} from './harness';

jest.setTimeout(300_000);

const APPLICANTS = 2_000;
const DOUBLE_APPLICANTS = 200;
const WAVE = 550;
const TIJDVAK = 'STAP-2026-12';
const PROVIDER_ID = randomUUID();
const today = amsterdamDateOf(new Date());
const TRAININGS = [
  { trainingId: 'cheap', startMomentId: 'cheap-1', name: 'Cheap', priceEuros: 650, startDate: addDays(today, 40), endDate: addDays(today, 80) },
  { trainingId: 'dear', startMomentId: 'dear-1', name: 'Dear', priceEuros: 1_450, startDate: addDays(today, 40), endDate: addDays(today, 80) },
];
const CEILING_EUROS = 20_000;

let a: Harness;
let b: Harness;

async function inChunks<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))));
  return results;
}

beforeAll(async () => {
  a = await startHarness({ syntheticPersons: APPLICANTS });
  b = await startHarness({ syntheticPersons: APPLICANTS, db: a.db });
  await feed(a, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...TRAININGS.flatMap((t) => registerEvents({ providerId: PROVIDER_ID, ...t }))]);
});

afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

test('thousands of simultaneous applications never overspend, never double-grant, and are granted in queue order', async () => {
  const persons = a.persons.slice(-APPLICANTS);

  // Certificates: one per person, a second one for the double applicants; alternating cheap and dear trainings.
  const certificates = await inChunks([...persons, ...persons.slice(0, DOUBLE_APPLICANTS)], 100, (p, i) => {
    const training = TRAININGS[i % 2];
    return call(a, a.client.issueEnrolmentCertificate, {
      providerId: PROVIDER_ID, trainingId: training.trainingId, startMomentId: training.startMomentId,
      holder: { initials: p.initials, surname: p.surname, birthDate: toDateParts(p.birthDate) }, amount: eur(training.priceEuros),
    }, bearer(PROVIDER_TOKEN));
  });
  const opensAt = new Date(Date.now() + 20_000);
  await call(a, a.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Stormloop', opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 30 * 86_400_000).toISOString(),
    baseBudget: eur(CEILING_EUROS), counterReserve: eur(0), counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
  // Everyone joins the waiting room before opening, half through each instance.
  const tickets = await inChunks(persons, 100, (p, i) => call(i % 2 ? b : a, (i % 2 ? b : a).client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(p.bsn)));
  expect(Date.now()).toBeLessThan(opensAt.getTime());
  const admitted: QueueTicket[] = await inChunks(tickets, 200, (ticket) => waitForAdmission(a, ticket));
  const positions = admitted.map((ticket) => Number(ticket.position));
  expect(new Set(positions).size).toBe(APPLICANTS);
  expect(Math.min(...positions)).toBe(1);
  expect(Math.max(...positions)).toBe(APPLICANTS);
  // An admission token submits once: the double applicants poll their ticket again for a second token.
  const secondAdmissions: QueueTicket[] = await inChunks(tickets.slice(0, DOUBLE_APPLICANTS), 200, (ticket) => waitForAdmission(b, ticket));

  // Submissions in waves of queue order; inside a wave all at once, over both instances.
  const order = persons.map((p, i) => ({ p, i, position: positions[i] })).sort((x, y) => x.position - y.position);
  const waveOfPosition = (position: number) => Math.floor((position - 1) / WAVE);
  const submit = (h: Harness, index: number, certificateNumber: string, token: string): Promise<Application | Error> =>
    call(h, h.client.submitApplication, {
      tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: token,
      enrolmentCertificateNumber: certificateNumber, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
    }, asPerson(persons[index].bsn)).catch((error: Error) => error);
  let fired = 0;
  for (let start = 0; start < order.length; start += WAVE) {
    const wave = order.slice(start, start + WAVE);
    const calls = wave.flatMap(({ i }) => {
      const both = [submit(i % 2 ? b : a, i, certificates[i].number, admitted[i].admissionToken)];
      if (i < DOUBLE_APPLICANTS) both.push(submit(i % 2 ? a : b, i, certificates[APPLICANTS + i].number, secondAdmissions[i].admissionToken));
      return both;
    });
    fired += calls.length;
    const results = await Promise.all(calls);
    expect(results.filter((result) => result instanceof Error)).toEqual([]);
  }
  expect(fired).toBe(APPLICANTS + DOUBLE_APPLICANTS);

  const pg = a.portal.context.pool;
  const rows = (await pg.query(
    `SELECT bsn, status, granted_cents::int AS granted, requested_cents::int AS requested, reasons, receipt_sequence::int AS seq, queue_position::int AS position
       FROM application WHERE tijdvak_id = $1 ORDER BY receipt_sequence`, [TIJDVAK],
  )).rows as { bsn: string; status: string; granted: number; requested: number; reasons: string[]; seq: number; position: number }[];
  expect(rows.length).toBe(APPLICANTS + DOUBLE_APPLICANTS);
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));

  // 1. Never a euro over the ceiling; the tijdvak's figures agree with the applications.
  const granted = rows.filter((r) => r.status === 'GRANTED');
  const sum = granted.reduce((total, r) => total + r.granted, 0);
  expect(sum).toBeLessThanOrEqual(CEILING_EUROS * 100);
  const tijdvak = await call(a, a.client.getTijdvak, { ref: stapRef(TIJDVAK) });
  expect(Number(tijdvak.committed?.amountCents)).toBe(sum);
  expect(Number(tijdvak.grantedCount)).toBe(granted.length);

  // 2. One grant per person.
  expect(new Set(granted.map((r) => r.bsn)).size).toBe(granted.length);

  // 3. Grants are exactly a prefix of the order of receipt (ALREADY_GRANTED aside), and the first "plafond bereikt"
  // would not have fitted: nothing later overtook.
  const ceilingRejected = rows.filter((r) => r.reasons.includes('CEILING_REACHED'));
  expect(ceilingRejected.length).toBeGreaterThan(0);
  const firstCeiling = ceilingRejected[0];
  expect(Math.max(...granted.map((r) => r.seq))).toBeLessThan(firstCeiling.seq);
  expect(sum + Math.min(firstCeiling.requested, 100_000)).toBeGreaterThan(CEILING_EUROS * 100);
  expect(rows.filter((r) => r.seq > firstCeiling.seq && r.status === 'GRANTED')).toEqual([]);

  // 4. Receipt order follows queue order (wave by wave), so grant order = queue order.
  const waves = rows.map((r) => waveOfPosition(r.position));
  expect(waves).toEqual([...waves].sort((x, y) => x - y));
  const lastGrantedWave = Math.max(...granted.map((r) => waveOfPosition(r.position)));
  expect(ceilingRejected.every((r) => waveOfPosition(r.position) >= lastGrantedWave)).toBe(true);
  expect(rows.every((r) => r.status === ApplicationStatus[ApplicationStatus.APPLICATION_STATUS_GRANTED].replace('APPLICATION_STATUS_', '') || r.reasons.length > 0)).toBe(true);
});
