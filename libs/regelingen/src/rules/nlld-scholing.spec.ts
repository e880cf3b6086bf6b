import { amsterdamToInstant } from '../calendar/amsterdam-time';
import { getTijdvak, parametersOn } from '../config/catalogue';
import type { Tijdvak } from '../config/types';
import { assessScholingApplication, checkScholingContributions, type ScholingActivity } from './nlld-scholing';

function tijdvak(id: string): Tijdvak {
  const found = getTijdvak(id);
  if (!found) throw new Error(`unknown tijdvak ${id}`);
  return found;
}

const categories = parametersOn('NLLD_SCHOLING', '2020-10-01')?.parameters.categoryContributions.value;
if (!categories) throw new Error('NLLD_SCHOLING parameters missing');

describe('NL Leert Door scholing', () => {
  it('opens each tijdvak to its applicant types only', () => {
    const activities: ScholingActivity[] = [{ category: 'A', contributionCents: 25_000, participants: 100 }];
    const sep2021 = { tijdvak: tijdvak('NLLD_SCHOLING-2021-09'), submittedAt: amsterdamToInstant('2021-09-03T11:00'), activities };
    expect(assessScholingApplication({ ...sep2021, applicantType: 'OPLEIDER' })).toEqual({ eligible: true, reasons: [], totalCents: 2_500_000, rejectedActivities: [] });
    expect(assessScholingApplication({ ...sep2021, applicantType: 'SAMENWERKINGSVERBAND' }).reasons).toEqual(['APPLICANT_TYPE_NOT_ALLOWED']);
    const nov2020 = { tijdvak: tijdvak('NLLD_SCHOLING-2020-11'), submittedAt: amsterdamToInstant('2020-11-16T23:59'), activities };
    expect(assessScholingApplication({ ...nov2020, applicantType: 'SAMENWERKINGSVERBAND' }).eligible).toBe(true);
    expect(assessScholingApplication({ ...nov2020, applicantType: 'OPLEIDERSCOLLECTIEF' }).reasons).toEqual(['APPLICANT_TYPE_NOT_ALLOWED']);
  });

  it('accepts contributions at the edges of each category range and refuses one cent outside', () => {
    const check = (category: 'A' | 'B' | 'C', contributionCents: number) =>
      checkScholingContributions({ activities: [{ category, contributionCents, participants: 1 }], categories, maxPerApplicationCents: null }).reasons;
    expect([check('A', 20_000), check('A', 30_000), check('B', 40_000), check('B', 60_000), check('C', 90_000), check('C', 110_000)]).toEqual([[], [], [], [], [], []]);
    expect(check('A', 19_999)).toEqual(['CONTRIBUTION_OUTSIDE_CATEGORY_RANGE']);
    expect(check('A', 30_001)).toEqual(['CONTRIBUTION_OUTSIDE_CATEGORY_RANGE']);
    expect(check('C', 110_001)).toEqual(['CONTRIBUTION_OUTSIDE_CATEGORY_RANGE']);
  });

  it('caps an application at €1.75M in the 2021 tijdvak', () => {
    const atMax: ScholingActivity[] = [{ category: 'C', contributionCents: 100_000, participants: 1_750 }];
    const base = { tijdvak: tijdvak('NLLD_SCHOLING-2021-09'), submittedAt: amsterdamToInstant('2021-09-01T00:00'), applicantType: 'OPLEIDER' as const };
    expect(assessScholingApplication({ ...base, activities: atMax })).toMatchObject({ eligible: true, totalCents: 175_000_000 });
    const overMax = [...atMax, { category: 'A' as const, contributionCents: 20_000, participants: 1 }];
    expect(assessScholingApplication({ ...base, activities: overMax })).toMatchObject({ reasons: ['EXCEEDS_MAX_PER_APPLICATION'], totalCents: 175_020_000 });
  });

  it('points at the activities that break a rule', () => {
    const activities: ScholingActivity[] = [
      { category: 'B', contributionCents: 50_000, participants: 10 },
      { category: 'B', contributionCents: 39_999, participants: 10 },
      { category: 'A', contributionCents: 25_000, participants: 0 },
    ];
    expect(checkScholingContributions({ activities, categories, maxPerApplicationCents: null })).toMatchObject({
      reasons: ['CONTRIBUTION_OUTSIDE_CATEGORY_RANGE', 'INVALID_PARTICIPANT_COUNT'],
      rejectedActivities: [1, 2],
    });
    expect(checkScholingContributions({ activities: [], categories, maxPerApplicationCents: null }).reasons).toEqual(['NO_ACTIVITIES']);
  });

  it('refuses applications outside the tijdvak and tijdvakken of other schemes', () => {
    const activities: ScholingActivity[] = [{ category: 'A', contributionCents: 25_000, participants: 1 }];
    const late = { tijdvak: tijdvak('NLLD_SCHOLING-2021-09'), submittedAt: amsterdamToInstant('2021-09-09T00:00'), applicantType: 'OPLEIDER' as const, activities };
    expect(assessScholingApplication(late).reasons).toEqual(['TIJDVAK_CLOSED']);
    expect(assessScholingApplication({ ...late, tijdvak: tijdvak('STAP-2022-03') }).reasons).toEqual(['NOT_NLLD_SCHOLING']);
  });
});
