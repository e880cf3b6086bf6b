// The demo data of `tools/stap up` loads into an empty database only, and its reconciliation adds up to the cent.
import pino from 'pino';
import { trancheReconciliation } from '../src/application/reports';
import { DEMO_TRANCHE, seedDemoData } from '../src/demo/seed';
import { OFFICER, startTestService, type TestService } from './fixtures';

let service: TestService;

beforeAll(async () => {
  service = await startTestService('advice_demo');
});
afterAll(() => service.close());

test('loads once, and the demo tranche reconciles to the cent', async () => {
  expect(await seedDemoData(service.prisma, pino({ level: 'silent' }))).toBe(true);
  expect(await seedDemoData(service.prisma, pino({ level: 'silent' }))).toBe(false);
  const report = await trancheReconciliation(service.ctx, DEMO_TRANCHE, OFFICER);
  const f = report.figures;
  expect(f).toMatchObject({ registered: 60, cancelled: 6, completed: 40, open: 14, claimLines: 31, rejectedLines: 2, acceptedLines: 29 });
  expect(f.acceptedCents).toBe(BigInt(f.acceptedLines) * 70_000n);
  expect(f.registeredValueCents).toBe(60n * 70_000n);
  expect(report.unpaidCents).toBe(f.acceptedCents - f.paidCents);
  expect(report.checks.filter((check) => !check.holds)).toEqual([]);
});
