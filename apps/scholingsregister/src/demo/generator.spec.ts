import { feedSchema } from '../domain/feed-format';
import { generatedFeed, trainingsPerProvider, GENERATED_PROVIDERS, GENERATED_TRAININGS } from './generator';

it('generates exactly 100,000 trainings over 1,500 providers, the same every time, in the feed format', () => {
  const counts = trainingsPerProvider(GENERATED_PROVIDERS, GENERATED_TRAININGS);
  expect(counts).toHaveLength(1_500);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(100_000);
  expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
  expect(generatedFeed(42, 30)).toEqual(generatedFeed(42, 30));
  expect(feedSchema.safeParse(generatedFeed(42, 30)).success).toBe(true);
  expect(generatedFeed(1, 5).programmes[0].name).not.toEqual('');
});
