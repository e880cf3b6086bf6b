import { rulesForOpening } from './rules-version';
import { withdrawalEffect, withdrawalRefusal } from './withdrawal';

const granted = { status: 'GRANTED', trainingStartDate: '2026-12-01', grantedCents: 65_000 };

test('a granted application can be withdrawn until the day before the training starts', () => {
  expect(withdrawalRefusal(granted, '2026-11-30')).toBeUndefined();
  expect(withdrawalRefusal(granted, '2026-12-01')).toBe('TRAINING_STARTED');
  expect(withdrawalRefusal(granted, '2026-12-02')).toBe('TRAINING_STARTED');
});

test('a rejected, withdrawn or undecided application cannot be withdrawn', () => {
  expect(withdrawalRefusal({ ...granted, status: 'REJECTED' }, '2026-11-01')).toBe('APPLICATION_REJECTED');
  expect(withdrawalRefusal({ ...granted, status: 'WITHDRAWN' }, '2026-11-01')).toBe('ALREADY_WITHDRAWN');
  expect(withdrawalRefusal({ ...granted, status: 'RECEIVED' }, '2026-11-01')).toBe('NOT_DECIDED');
});

test('the granted amount is released; the grant keeps counting for its year as the STAP parameters say', () => {
  const rules = rulesForOpening(new Date('2022-11-01T09:00:00Z'));
  expect(rules.parameters.withdrawnGrantCountsForTheYear.value).toBe(true);
  expect(withdrawalEffect(granted, rules)).toEqual({ releasedCents: 65_000, keepsYearCounted: true });
  const lenient = { ...rules, parameters: { ...rules.parameters, withdrawnGrantCountsForTheYear: { ...rules.parameters.withdrawnGrantCountsForTheYear, value: false } } };
  expect(withdrawalEffect(granted, lenient)).toEqual({ releasedCents: 65_000, keepsYearCounted: false });
});
