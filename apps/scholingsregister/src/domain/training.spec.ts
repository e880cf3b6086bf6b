import { checkProgramme, checkStartMoment, deriveStatus, isApplyable, isProviderEligible, takesEffectNow, missingForCompleteness, type StartMomentInput, type StatusFacts } from './training';
import { grantLimitPerYearOn } from './grant-limit';

const programme = {
  providerProgrammeCode: 'BH-01', name: "Boekhouding voor zzp'ers", description: 'Leer boekhouden', studyLoadHours: 40,
  nlqfLevel: 'NLQF_LEVEL_4', eqfLevel: 'EQF_LEVEL_4', sector: 'SECTOR_FINANCE', language: 'nl', deliveryMode: 'DELIVERY_MODE_CLASSROOM', leadsToCertificate: true,
};
const startMoment: StartMomentInput = {
  providerStartMomentCode: 'SM-1', startDate: '2026-03-01', endDate: '2026-04-01',
  location: { kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS', address: { street: 'Parnassusplein', houseNumber: 5, houseNumberAddition: '', postalCode: '2511 vx', city: 'Den Haag' } },
  price: { courseTuitionCents: 80_000, examCents: 5_000, literatureCents: null },
};
const facts: StatusFacts = { lifecycle: 'ACTIVE', description: 'x', startMomentStatuses: ['OPEN'], grantsThisYear: 0, grantLimitPerYear: 300 };

describe('programme and start moment checks', () => {
  it('accepts a complete programme and names every wrong field', () => {
    expect(checkProgramme(programme)).toEqual([]);
    const fields = checkProgramme({ ...programme, name: ' ', studyLoadHours: 0, sector: 'X', language: 'dutch' }).map((v) => v.field);
    expect(fields).toEqual(['name', 'study_load_hours', 'sector', 'language']);
  });

  it('normalises the postcode and sums the price components (cents, VAT included)', () => {
    const { checked } = checkStartMoment(startMoment);
    expect(checked?.postalCode).toBe('2511VX');
    expect(checked?.totalCents).toBe(85_000);
  });

  it('refuses a malformed Dutch address, a missing course fee and an end before the start', () => {
    const bad = { ...startMoment, endDate: '2026-02-01', location: { kind: 'LOCATION_KIND_NETHERLANDS_ADDRESS', address: { street: '', houseNumber: 0, houseNumberAddition: '', postalCode: '0123 AB', city: 'Delft' } }, price: { courseTuitionCents: null, examCents: -1, literatureCents: null } };
    expect(checkStartMoment(bad).violations.map((v) => v.field)).toEqual([
      'end_date', 'location.address.street', 'location.address.house_number', 'location.address.postal_code',
      'price_components.course_tuition', 'price_components.exam',
    ]);
    expect(checkStartMoment({ ...startMoment, startDate: '2026-02-30' }).violations.map((v) => v.field)).toEqual(['start_date']);
  });

  it('takes a capacity from 1 to 100,000 places, or none', () => {
    for (const capacity of [undefined, null, 1, 100_000]) expect(checkStartMoment({ ...startMoment, capacity }).violations).toEqual([]);
    for (const capacity of [0, -3, 1.5, 100_001, Number.NaN]) expect(checkStartMoment({ ...startMoment, capacity }).violations.map((v) => v.field)).toEqual(['capacity']);
  });
});

describe('completeness and status', () => {
  it('is incomplete without a description or without a start moment that is not cancelled', () => {
    expect(missingForCompleteness({ description: '', startMomentStatuses: ['CANCELLED'] })).toEqual(['description', 'start_moment']);
    expect(deriveStatus({ ...facts, startMomentStatuses: [] }).status).toBe('TRAINING_STATUS_INCOMPLETE');
    expect(deriveStatus(facts)).toEqual({ status: 'TRAINING_STATUS_PUBLISHED', closedReason: null });
  });

  it('closes applications when every start moment is full or the grant limit is reached', () => {
    expect(deriveStatus({ ...facts, startMomentStatuses: ['FULL', 'CANCELLED'] })).toEqual({ status: 'TRAINING_STATUS_APPLICATION_CLOSED', closedReason: 'APPLICATION_CLOSED_REASON_FULL' });
    expect(deriveStatus({ ...facts, grantsThisYear: 300 }).closedReason).toBe('APPLICATION_CLOSED_REASON_GRANT_LIMIT_REACHED');
    expect(deriveStatus({ ...facts, grantsThisYear: 299 }).status).toBe('TRAINING_STATUS_PUBLISHED');
    expect(deriveStatus({ ...facts, grantsThisYear: 5_000, grantLimitPerYear: null }).status).toBe('TRAINING_STATUS_PUBLISHED');
  });

  it('withdrawal and exclusion win over everything else', () => {
    expect(deriveStatus({ ...facts, lifecycle: 'WITHDRAWN' }).status).toBe('TRAINING_STATUS_WITHDRAWN');
    expect(deriveStatus({ ...facts, lifecycle: 'EXCLUDED', startMomentStatuses: [] }).status).toBe('TRAINING_STATUS_EXCLUDED');
  });

  it('is applyable only when published, not flagged and the provider is eligible', () => {
    const published = { status: 'TRAINING_STATUS_PUBLISHED', notAvailableForStap: false, providerEligible: true };
    expect(isApplyable(published)).toBe(true);
    expect(isApplyable({ ...published, notAvailableForStap: true })).toBe(false);
    expect(isApplyable({ ...published, providerEligible: false })).toBe(false);
    expect(isApplyable({ ...published, status: 'TRAINING_STATUS_APPLICATION_CLOSED' })).toBe(false);
  });

  it('a provider is eligible with a valid recognition, unless suspended or ended', () => {
    expect(isProviderEligible({ suspended: false, ended: false, validRecognitions: 1 })).toBe(true);
    expect(isProviderEligible({ suspended: false, ended: false, validRecognitions: 0 })).toBe(false);
    expect(isProviderEligible({ suspended: true, ended: false, validRecognitions: 2 })).toBe(false);
    expect(isProviderEligible({ suspended: false, ended: true, validRecognitions: 2 })).toBe(false);
  });

  it('takes the verleningsgrens from the regeling parameters by date', () => {
    expect(grantLimitPerYearOn(new Date('2022-06-01T12:00:00Z'))).toBeNull();
    expect(grantLimitPerYearOn(new Date('2023-06-01T12:00:00Z'))).toBe(300);
  });
});

describe('takesEffectNow', () => {
  it('applies a decision without a date, dated today or earlier at once, and a later one not yet', () => {
    expect(takesEffectNow(undefined, '2026-11-23')).toBe(true);
    expect(takesEffectNow('2026-11-22', '2026-11-23')).toBe(true);
    expect(takesEffectNow('2026-11-23', '2026-11-23')).toBe(true);
    expect(takesEffectNow('2026-11-24', '2026-11-23')).toBe(false);
    expect(takesEffectNow('2027-01-01', '2026-12-31')).toBe(false);
  });
});
