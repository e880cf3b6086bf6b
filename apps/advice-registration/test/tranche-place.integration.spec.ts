// The tranche count appended by PostgreSQL to the TrajectoryRegistered payload decodes as protobuf field 6, at
// every varint length boundary; and a registered trajectory's event carries the count including itself.
import { TrajectoryRegistered } from '@stap/contracts/stap/advice/events/v1/events';
import { registerTrajectory } from '../src/application/register-trajectory';
import { varintField6Of } from '../src/infrastructure/prisma/tranche-place';
import { givenAdviser, registration, startTestService, type TestService } from './fixtures';

let service: TestService;

beforeAll(async () => {
  service = await startTestService('advice_place');
});
afterAll(() => service.close());

test.each([1, 127, 128, 16_383, 16_384, 22_000, 50_000, 2_097_151, 2_097_152])('count %i appended by SQL decodes as tranche_registered_count', async (count) => {
  const base = TrajectoryRegistered.encode({ ...TrajectoryRegistered.fromPartial({ trajectoryId: 'x' }) }).finish();
  const bytes = Buffer.concat([Buffer.from(base), await varintField6Of(service.prisma, count)]);
  expect(TrajectoryRegistered.decode(bytes)).toMatchObject({ trajectoryId: 'x', trancheRegisteredCount: String(count) });
});

test('the outbox event of a registration carries the tranche count including it', async () => {
  const adviser = await givenAdviser(service.prisma);
  service.setAmsterdamTime('2020-08-03T10:00');
  await service.prisma.trancheCounter.create({ data: { tijdvakId: 'NLLD_ONTWIKKELADVIES-2020-08', registrationCap: 22_000, registered: 127 } });
  const row = await registerTrajectory(service.ctx, registration(adviser), adviser.actor);
  const outbox = await service.prisma.outboxEvent.findFirstOrThrow({ where: { subject: row.id } });
  expect(TrajectoryRegistered.decode(outbox.payload)).toMatchObject({ trajectoryId: row.id, trancheRegisteredCount: '128', adviserOrganisationId: adviser.organisationId });
});
