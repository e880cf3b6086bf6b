import { jsonFieldName } from './errors';

describe('JSON field names of the HTTP API', () => {
  it('turns proto paths into camelCase', () => {
    expect(jsonFieldName('participant_bsn.value')).toBe('participantBsn');
    expect(jsonFieldName('profile.education_level')).toBe('profile.educationLevel');
    expect(jsonFieldName('trajectory_ids[2]')).toBe('trajectoryIds[2]');
  });
});
