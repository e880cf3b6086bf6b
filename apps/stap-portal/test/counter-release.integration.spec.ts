// The counter reserve release through gRPC on the real database: before the tijdvak's release instant the online part
// is the ceiling minus the counter reserve ("plafond bereikt" when it is used up); from the release instant online
// applications may use the unused reserve, and never more than the ceiling together. Source: DOMAIN.md §2.1 (part of
// each tijdvak's budget is reserved for people who cannot apply online); the release itself is an assumption
// (libs/regelingen counterReserveReleaseHoursBeforeClosing, overridable per tijdvak in ScheduleTijdvak's
// counter_reserve_release_at).
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { RejectionReason, TijdvakStatus, type Application } from '@stap/contracts/stap/portal/v1/portal';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import {
  applyOnline, bearer, call, eur, feed, grpcError, PROVIDER_KVK, providerRegisteredEvent, registerEvents, STAFF_TOKEN, stapRef, startHarness, type Harness,
} from './harness';

jest.setTimeout(120_000);

const PROVIDER_ID = randomUUID();
const today = amsterdamDateOf(new Date());
const EXCEL = { trainingId: 'excel', startMomentId: 'excel-1', name: 'Excel', priceEuros: 650, startDate: addDays(today, 42), endDate: addDays(today, 90) };
const TIJDVAK = 'STAP-2026-09-RELEASE';

let h: Harness;
let nextPerson = 0;

async function applyAsNextPerson(): Promise<Application> {
  const person = h.persons[h.persons.length - 1 - nextPerson++];
  return applyOnline(h, person, { tijdvakId: TIJDVAK, providerId: PROVIDER_ID, ...EXCEL });
}

const reasonsOf = (application: Application) => application.decision?.reasons ?? [];

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 8 });
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, ...EXCEL })]);
});

afterAll(async () => {
  await h?.stop();
});

/** Time for the two applications before the release (admission is immediate in the harness; generous for a busy CI). */
const BEFORE_RELEASE_MS = 8_000;

test('online applications after the release use the unused counter reserve, never more than the ceiling', async () => {
  const opensAt = new Date(Date.now() + 1_000);
  // This tijdvak's release instant, scheduled through the RPC (the per-tijdvak setting counter_reserve_release_at).
  const releaseAt = new Date(opensAt.getTime() + BEFORE_RELEASE_MS);
  const scheduled = await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Release', opensAt: opensAt.toISOString(), closesAt: new Date(opensAt.getTime() + 30 * 86_400_000).toISOString(),
    baseBudget: eur(2_000), counterReserve: eur(1_000), counterReserveReleaseAt: releaseAt.toISOString(),
  }, bearer(STAFF_TOKEN));
  expect(scheduled.counterReserveReleaseAt).toBe(releaseAt.toISOString());
  // Online part €1,000: one €650 grant, then "plafond bereikt" (a second €650 would make €1,300) before the release.
  expect(reasonsOf(await applyAsNextPerson())).toEqual([]);
  expect(reasonsOf(await applyAsNextPerson())).toEqual([RejectionReason.REJECTION_REASON_CEILING_REACHED]);
  // Both were decided before the release instant (otherwise this run says nothing about "before the release").
  expect(Date.now()).toBeLessThan(releaseAt.getTime());

  // Past the release, and past the portal's 500 ms tijdvak read cache, so joining sees the stored CEILING_REACHED and
  // must find it released (a CI run once failed here: the join refused "ceiling reached" after the release).
  await new Promise((resolve) => setTimeout(resolve, releaseAt.getTime() - Date.now()));
  await new Promise((resolve) => setTimeout(resolve, 600));
  // Reopened by the release, as GetTijdvak and ListTijdvakken show it.
  expect((await call(h, h.client.getTijdvak, { ref: stapRef(TIJDVAK) })).status).toBe(TijdvakStatus.TIJDVAK_STATUS_OPEN);
  const listed = (status: TijdvakStatus) => call(h, h.client.listTijdvakken, { regelingCode: RegelingCode.REGELING_CODE_STAP, statuses: [status], page: undefined });
  expect((await listed(TijdvakStatus.TIJDVAK_STATUS_OPEN)).tijdvakken.map((t) => t.ref?.tijdvakId)).toContain(TIJDVAK);
  expect((await listed(TijdvakStatus.TIJDVAK_STATUS_CEILING_REACHED)).tijdvakken.map((t) => t.ref?.tijdvakId)).not.toContain(TIJDVAK);
  // After it: €1,300 and €1,950 fit the ceiling minus the counter's €0; €2,600 does not.
  const after = [await applyAsNextPerson(), await applyAsNextPerson(), await applyAsNextPerson()];
  expect(after.map(reasonsOf)).toEqual([[], [], [RejectionReason.REJECTION_REASON_CEILING_REACHED]]);

  const row = await h.portal.context.prisma.tijdvak.findUniqueOrThrow({ where: { id: TIJDVAK } });
  expect(Number(row.committedOnlineCents) + Number(row.committedCounterCents)).toBe(195_000);
  expect(row.status).toBe('CEILING_REACHED');
  const granted = await h.portal.context.pool.query(`SELECT COALESCE(SUM(granted_cents), 0)::bigint AS sum FROM application WHERE tijdvak_id = $1`, [TIJDVAK]);
  expect(Number(granted.rows[0].sum)).toBeLessThanOrEqual(Number(row.ceilingCents));
  // The exhaustion after the release is final, and was announced again (a second TijdvakCeilingReached).
  expect(reasonsOf(await applyAsNextPerson())).toEqual([RejectionReason.REJECTION_REASON_CEILING_REACHED]);
  const announcements = await h.portal.context.prisma.outboxEvent.count({ where: { type: 'nl.stap.portal.tijdvak_ceiling_reached.v1', subject: TIJDVAK } });
  expect(announcements).toBe(2);
});

test('the release instant is validated, stored and returned; unset, it is closes_at minus the regeling\'s hours before closing', async () => {
  const opensAt = new Date(Date.now() + 400 * 86_400_000);
  const closesAt = new Date(opensAt.getTime() + 10 * 86_400_000);
  const schedule = (id: string, counterReserveReleaseAt: string | undefined) => call(h, h.client.scheduleTijdvak, {
    ref: stapRef(id), displayName: 'Release', opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(),
    baseBudget: eur(2_000), counterReserve: eur(1_000), counterReserveReleaseAt,
  }, bearer(STAFF_TOKEN));

  for (const outside of [opensAt, closesAt, new Date(opensAt.getTime() - 1_000), new Date(closesAt.getTime() + 1_000)]) {
    const refused = await grpcError(schedule('STAP-2027-01-OUTSIDE', outside.toISOString()));
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.fieldViolations.map((v) => v.field)).toEqual(['counter_reserve_release_at']);
  }
  expect(await h.portal.context.prisma.tijdvak.count({ where: { id: 'STAP-2027-01-OUTSIDE' } })).toBe(0);

  // Unset: the regeling's counterReserveReleaseHoursBeforeClosing (24 h in every STAP version) before closing.
  const byDefault = await schedule('STAP-2027-01-DEFAULT', undefined);
  expect(byDefault.counterReserveReleaseAt).toBe(new Date(closesAt.getTime() - 24 * 3_600_000).toISOString());
  expect((await h.portal.context.prisma.tijdvak.findUniqueOrThrow({ where: { id: 'STAP-2027-01-DEFAULT' } })).counterReserveReleaseAt).toBeNull();
});
