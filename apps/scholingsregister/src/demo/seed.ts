// Demo data at start (SEED_DEMO_DATA=true, empty register only): a slice of the generated providers with their
// trainings, loaded through the feed import so it carries history, events and a processing report. Demo only:
// in production the register learns providers from provider-registry's events; here their projection and a
// recognition are written directly so the demo trainings are applyable without the registry running.
import type { Logger } from 'pino';
import type { PrismaClient } from '../infrastructure/prisma/client';
import { importFeed } from '../application/import-feed';
import { SYSTEM_ACTOR } from '../application/actor';
import { generatedFeed, generatedProvider, trainingsPerProvider, GENERATED_PROVIDERS, GENERATED_TRAININGS, stableUuid } from './generator';

export async function seedDemoData(prisma: PrismaClient, logger: Logger, providers: number): Promise<void> {
  if ((await prisma.training.count()) > 0) return;
  const counts = trainingsPerProvider(GENERATED_PROVIDERS, GENERATED_TRAININGS);
  let trainings = 0;
  for (let index = 0; index < providers; index += 1) {
    const provider = generatedProvider(index);
    await prisma.providerProjection.upsert({
      where: { providerId: provider.providerId },
      create: { providerId: provider.providerId, kvkNumber: provider.kvkNumber, legalName: `${provider.name} B.V.`, communicationName: provider.name, registeredAt: new Date('2026-01-01T00:00:00Z') },
      update: {},
    });
    await prisma.providerRecognition.upsert({ where: { recognitionId: stableUuid(2, index + 1) }, create: { recognitionId: stableUuid(2, index + 1), providerId: provider.providerId, status: 'VALID' }, update: {} });
    const summary = await importFeed(prisma, SYSTEM_ACTOR, generatedFeed(index, counts[index]));
    trainings += summary.appliedCount;
  }
  logger.info({ providers, trainings }, 'demo data loaded');
}
