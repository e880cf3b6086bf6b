import { ceilingForChannel, ceilingWithRollover, checkBudgetCeiling, checkCountCap, splitCeiling } from './budget';

describe('tranche count caps', () => {
  it('accepts the last registration at cap minus one, refuses at cap and over cap', () => {
    expect(checkCountCap({ cap: 22_000, countSoFar: 21_999 })).toEqual({ eligible: true, reasons: [], remainingAfter: 0 });
    expect(checkCountCap({ cap: 22_000, countSoFar: 22_000 })).toEqual({ eligible: false, reasons: ['CAP_REACHED'], remainingAfter: 0 });
    expect(checkCountCap({ cap: 22_000, countSoFar: 22_001 }).reasons).toEqual(['CAP_REACHED']);
    expect(checkCountCap({ cap: 22_000, countSoFar: 0 }).remainingAfter).toBe(21_999);
  });
});

describe('budget ceilings in cents', () => {
  const ceilingCents = 3_260_000_000;

  it('grants an amount that exactly fills the ceiling and refuses one cent more', () => {
    expect(checkBudgetCeiling({ ceilingCents, committedCents: ceilingCents - 100_000, amountCents: 100_000 })).toEqual({ eligible: true, reasons: [], remainingCents: 0 });
    expect(checkBudgetCeiling({ ceilingCents, committedCents: ceilingCents - 99_999, amountCents: 100_000 })).toEqual({
      eligible: false,
      reasons: ['PLAFOND_BEREIKT'],
      remainingCents: 99_999,
    });
  });

  it('refuses everything at and over the ceiling, never granting part of an application', () => {
    expect(checkBudgetCeiling({ ceilingCents, committedCents: ceilingCents, amountCents: 1 }).reasons).toEqual(['PLAFOND_BEREIKT']);
    expect(checkBudgetCeiling({ ceilingCents, committedCents: ceilingCents + 5, amountCents: 1 })).toMatchObject({ reasons: ['PLAFOND_BEREIKT'], remainingCents: 0 });
  });

  it('refuses budget figures that are not whole non-negative cents', () => {
    expect(() => checkBudgetCeiling({ ceilingCents, committedCents: -1, amountCents: 1 })).toThrow(RangeError);
    expect(() => checkBudgetCeiling({ ceilingCents: 1.5, committedCents: 0, amountCents: 1 })).toThrow(RangeError);
    expect(() => checkCountCap({ cap: 10, countSoFar: Number.NaN })).toThrow(RangeError);
  });
});

describe('counter reserve and rollover', () => {
  it('reserves a share for applications at a UWV office, rounding in favour of online', () => {
    const split = splitCeiling(3_260_000_000, 100);
    expect(split).toEqual({ onlineCents: 3_227_400_000, counterCents: 32_600_000 });
    expect(ceilingForChannel(split, 'COUNTER')).toBe(32_600_000);
    expect(ceilingForChannel(split, 'ONLINE')).toBe(3_227_400_000);
    expect(splitCeiling(999, 100)).toEqual({ onlineCents: 990, counterCents: 9 });
    expect(() => splitCeiling(1_000, 10_001)).toThrow(RangeError);
  });

  it('adds what the previous tijdvak left unused when the scheme rolls over', () => {
    expect(ceilingWithRollover({ baseCeilingCents: 1_000_000_000, unusedFromPreviousCents: 60_000_000, rolloverEnabled: true })).toBe(1_060_000_000);
    expect(ceilingWithRollover({ baseCeilingCents: 1_000_000_000, unusedFromPreviousCents: 60_000_000, rolloverEnabled: false })).toBe(1_000_000_000);
  });
});
