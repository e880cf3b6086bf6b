// Demo data for `tools/stap up` (SEED_DEMO_DATA=true, only into an empty database): an open tijdvak, two providers
// with trainings and start moments in the local register read model, and the test persons of the external-register
// stand-in (test-persons.json). Deterministic: fixed ids and amounts; dates relative to today so the tijdvak is open
// and the start dates fall inside the start-date window. In a real deployment trainings arrive as register events.
import { addDays, amsterdamDateOf, euros } from '@stap/regelingen';
import type { PortalContext } from '../application/context';
import { scheduleTijdvak } from '../application/tijdvakken';

export const DEMO = {
  providers: [
    { id: '00000000-0000-4000-8000-000000000001', kvkNumber: '12345678', communicationName: 'Opleidingen Noord' },
    { id: '00000000-0000-4000-8000-000000000002', kvkNumber: '87654321', communicationName: 'Vakschool Zuid' },
  ],
  trainings: [
    { id: 'demo-training-excel', providerIndex: 0, name: 'Excel voor gevorderden', priceEuros: 650 },
    { id: 'demo-training-lassen', providerIndex: 1, name: 'Lassen MIG/MAG niveau 2', priceEuros: 1_450 },
    { id: 'demo-training-zorg', providerIndex: 0, name: 'Basiscursus zorg en welzijn', priceEuros: 995 },
  ],
} as const;

/** The demo tijdvak is named after the month it is seeded in, e.g. STAP-2026-11-DEMO. */
export const demoTijdvakId = (today: string) => `STAP-${today.slice(0, 7)}-DEMO`;

export async function seedDemoData(ctx: PortalContext): Promise<boolean> {
  if ((await ctx.prisma.tijdvak.count()) > 0) return false;
  const today = amsterdamDateOf(ctx.now());
  for (const provider of DEMO.providers) {
    await ctx.prisma.provider.upsert({ where: { id: provider.id }, create: provider, update: provider });
    // Recognised via OCW/RIO, the route STAP accepts (libs/regelingen recognitionRoutes): otherwise PROVIDER_NOT_ELIGIBLE.
    const recognition = { providerId: provider.id, route: 'OCW_RIO', validFrom: '2000-01-01' };
    await ctx.prisma.providerRecognition.upsert({ where: { recognitionId: `demo-ocw-${provider.id}` }, create: { recognitionId: `demo-ocw-${provider.id}`, ...recognition }, update: recognition });
  }
  for (const training of DEMO.trainings) {
    const row = { id: training.id, providerId: DEMO.providers[training.providerIndex].id, name: training.name, status: 'PUBLISHED' };
    await ctx.prisma.training.upsert({ where: { id: training.id }, create: row, update: row });
    await ctx.prisma.startMoment.deleteMany({ where: { trainingId: training.id } });
    await ctx.prisma.startMoment.create({
      data: {
        id: `${training.id}-start-1`, trainingId: training.id,
        // Starts 6 weeks from today: after the 4 weeks the rule asks (DOMAIN.md §2.1), well before the latest start.
        startDate: addDays(today, 42), endDate: addDays(today, 120), priceCents: BigInt(euros(training.priceEuros)),
      },
    });
  }
  const opensAt = new Date(ctx.now().getTime() - 60_000);
  await scheduleTijdvak(ctx, {
    id: demoTijdvakId(today),
    displayName: 'Aanvraagtijdvak demo',
    opensAt,
    closesAt: new Date(opensAt.getTime() + 60 * 24 * 3600_000),
    baseBudgetCents: euros(1_000_000),
    counterReserveCents: undefined,
  });
  ctx.logger.info({ tijdvak: demoTijdvakId(today) }, 'demo data seeded');
  return true;
}
