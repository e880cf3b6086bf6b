import { acceptedRecognitionRoutes, ADVISER_QUALIFICATION, checkAdviserQualification } from './provider-registry';

describe('acceptedRecognitionRoutes', () => {
  test('STAP accepts all six routes in 2022 and only OCW/RIO from September 2023', () => {
    expect(acceptedRecognitionRoutes('STAP', '2022-06-01')).toEqual({
      routes: ['OCW_RIO', 'NRTO', 'NLQF', 'CPION', 'CEDEO', 'BRANCHE'],
      rulesVersion: 'STAP/2022.1',
    });
    expect(acceptedRecognitionRoutes('STAP', '2023-08-31')?.routes).toContain('NRTO');
    expect(acceptedRecognitionRoutes('STAP', '2023-09-01')).toEqual({ routes: ['OCW_RIO'], rulesVersion: 'STAP/2023.2' });
  });

  test('outside the legal period and for schemes that do not pay providers there is no answer', () => {
    expect(acceptedRecognitionRoutes('STAP', '2021-12-31')).toBeUndefined();
    expect(acceptedRecognitionRoutes('STAP', '2024-01-01')).toBeUndefined();
    expect(acceptedRecognitionRoutes('NLLD_ONTWIKKELADVIES', '2020-09-01')).toBeUndefined();
    expect(acceptedRecognitionRoutes('SLIM', '2022-03-01')).toBeUndefined();
  });

  test('NL Leert Door scholing asks provider quality as for STAP', () => {
    expect(acceptedRecognitionRoutes('NLLD_SCHOLING', '2020-10-01')?.routes).toEqual(['OCW_RIO', 'NRTO', 'NLQF', 'CPION', 'CEDEO', 'BRANCHE']);
    expect(acceptedRecognitionRoutes('NLLD_SCHOLING', '2020-09-04')).toBeUndefined();
  });
});

describe('checkAdviserQualification', () => {
  test('a Noloc adviser at HBO level with 3 years of experience qualifies', () => {
    expect(checkAdviserQualification({ register: 'NOLOC', hboLevel: true, yearsOfExperience: 3 })).toEqual({ eligible: true, reasons: [] });
    expect(ADVISER_QUALIFICATION.source.domain).toBe('§1');
  });

  test('every unmet requirement is named', () => {
    expect(checkAdviserQualification({ register: 'OTHER', hboLevel: false, yearsOfExperience: 2 }).reasons).toEqual([
      'REGISTER_NOT_ACCEPTED',
      'NOT_HBO_LEVEL',
      'TOO_LITTLE_EXPERIENCE',
    ]);
    expect(checkAdviserQualification({ register: 'CMI', hboLevel: true, yearsOfExperience: 2.9 }).reasons).toEqual(['TOO_LITTLE_EXPERIENCE']);
  });
});
