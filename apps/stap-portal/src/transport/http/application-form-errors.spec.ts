import { conflict, forbidden, invalid, notFoundError, preconditionFailed } from '@stap/platform/errors';
import { applicationFormErrors, fieldError } from './application-form-errors';

describe('the Dutch errors of the application form', () => {
  it('gives each fixable field its Dutch message, tied to its input, in the order of the form', () => {
    const errors = applicationFormErrors(invalid([
      { field: 'declared_truthful', description: 'the applicant must declare the information true and complete' },
      { field: 'enrolment_certificate_number', description: 'must be a certificate number like STAP-7K4M-2Q9X' },
      { field: 'contact_email', description: 'must be an e-mail address' },
    ]));
    expect(errors.map((error) => error.fieldId)).toEqual(['bewijs', 'email', 'verklaring']);
    expect(errors[0].message).toContain('bijvoorbeeld STAP-7K4M-2Q9X');
    expect(fieldError(errors, 'email')).toEqual({ id: 'email-fout', message: errors[1].message });
    expect(fieldError(errors, 'onbekend')).toBeUndefined();
  });

  it('never shows the use case\'s English field paths or messages', () => {
    const failures = [
      invalid([{ field: 'admission_token', description: 'is required online (from the waiting room)' }, { field: 'tijdvak.tijdvak_id', description: 'is required' }]),
      conflict('this enrolment certificate was already used in an application', [{ field: 'enrolment_certificate_number', description: 'was already used' }]),
      notFoundError('no such enrolment certificate'),
      forbidden('the admission token is missing, expired or for another tijdvak or person'),
      preconditionFailed('tijdvak T is not open for applications', 'TIJDVAK_NOT_OPEN'),
    ];
    for (const failure of failures) {
      const text = applicationFormErrors(failure).map((error) => error.message).join(' ');
      expect(text).not.toMatch(/_|required|must|already|token|tijdvak T/);
      expect(text.length).toBeGreaterThan(20);
    }
    expect(applicationFormErrors(failures[0])).toEqual([{ message: expect.stringContaining('wachtkamer') }]);
    expect(applicationFormErrors(failures[1])).toEqual([{ fieldId: 'bewijs', message: expect.stringContaining('al gebruikt') }]);
  });
});
