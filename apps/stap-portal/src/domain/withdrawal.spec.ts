import { rulesForOpening } from './rules-version';
import { budgetReleaseState, releaseDecision, withdrawalEffect, withdrawalRefusal } from './withdrawal';

const granted = { status: 'GRANTED', trainingStartDate: '2026-12-01', grantedCents: 65_000, invoiceApproved: false };

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

test('an approved invoice on the purchase order refuses the withdrawal (payment keeps such an order)', () => {
  expect(withdrawalRefusal({ ...granted, invoiceApproved: true }, '2026-11-01')).toBe('ADVANCE_INVOICED');
  // The status refusals come first: an already withdrawn one stays ALREADY_WITHDRAWN.
  expect(withdrawalRefusal({ ...granted, status: 'WITHDRAWN', invoiceApproved: true }, '2026-11-01')).toBe('ALREADY_WITHDRAWN');
});

test('a cancellation releases into a tijdvak that is not closed; a closed one is withheld (assumption)', () => {
  expect(['SCHEDULED', 'OPEN', 'CEILING_REACHED'].map(releaseDecision)).toEqual(['RELEASE', 'RELEASE', 'RELEASE']);
  expect(releaseDecision('CLOSED')).toBe('WITHHOLD_TIJDVAK_CLOSED');
});

test('"Mijn STAP-budget" tells whether a withdrawn grant\'s amount is released', () => {
  const row = { status: 'WITHDRAWN', budgetReleasedAt: null, releaseWithheld: null };
  expect(budgetReleaseState({ ...row, status: 'GRANTED' })).toBe('NOT_WITHDRAWN');
  expect(budgetReleaseState(row)).toBe('PENDING');
  expect(budgetReleaseState({ ...row, budgetReleasedAt: new Date() })).toBe('RELEASED');
  expect(budgetReleaseState({ ...row, releaseWithheld: 'TIJDVAK_CLOSED' })).toBe('WITHHELD');
});

test('the granted amount is released; the grant keeps counting for its year as the STAP parameters say', () => {
  const rules = rulesForOpening(new Date('2022-11-01T09:00:00Z'));
  expect(rules.parameters.withdrawnGrantCountsForTheYear.value).toBe(true);
  expect(withdrawalEffect(granted, rules)).toEqual({ releasedCents: 65_000, keepsYearCounted: true });
  const lenient = { ...rules, parameters: { ...rules.parameters, withdrawnGrantCountsForTheYear: { ...rules.parameters.withdrawnGrantCountsForTheYear, value: false } } };
  expect(withdrawalEffect(granted, lenient)).toEqual({ releasedCents: 65_000, keepsYearCounted: false });
});
