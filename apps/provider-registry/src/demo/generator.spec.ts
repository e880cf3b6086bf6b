import { isValidIban, isValidKvk } from '@stap/regelingen';
import { dutchIban, generatePopulation } from './generator';

test('the demo population is deterministic, of the promised size, and valid', () => {
  const population = generatePopulation();
  expect(generatePopulation()).toEqual(population);
  expect(population.providers).toHaveLength(1_500);
  expect(population.adviserOrganisations).toHaveLength(300);
  const kvks = [...population.providers, ...population.adviserOrganisations].map((o) => o.kvkNumber);
  expect(new Set(kvks).size).toBe(kvks.length);
  expect(kvks.every(isValidKvk)).toBe(true);
  expect(population.providers.every((p) => isValidIban(p.iban))).toBe(true);
  expect(population.providers.filter((p) => p.recognitions.length > 0).length).toBeGreaterThan(1_200);
  expect(dutchIban('ABNA', 417164300)).toBe('NL91ABNA0417164300');
});
