import { ApplicationError } from '@stap/platform/errors';
import { requireOwnOrganisationOrScope, requireReadAccess, requireRouteAuthority, type Actor } from './actor';
import { accountEffectiveAt, bankAccountViolations } from './bank-account';
import { careerAdviserViolations, unmetQualifications, type CareerAdviserInput } from './career-adviser';
import { assertDecisionAllowed } from './provider-status';

const provider: Actor = { subject: 'u', kind: 'provider', scopes: ['providers:write'], kvkNumber: '11111111' };
const officer: Actor = { subject: 'o', kind: 'staff', scopes: ['providers:write', 'providers:read'] };
const nrtoBody: Actor = { subject: 'n', kind: 'recognising_body', scopes: ['providers:recognitions:write'], recognitionRoute: 'NRTO' };
const kindOf = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return error instanceof ApplicationError ? error.kind : 'crash';
  }
};

test('an organisation login acts only on its own KVK, whatever its scopes; others need the scope', () => {
  expect(kindOf(() => requireOwnOrganisationOrScope(provider, '11111111', 'providers:write'))).toBe('allowed');
  expect(kindOf(() => requireOwnOrganisationOrScope(provider, '22222222', 'providers:write'))).toBe('forbidden');
  expect(kindOf(() => requireOwnOrganisationOrScope(officer, '22222222', 'providers:write'))).toBe('allowed');
  expect(kindOf(() => requireOwnOrganisationOrScope(officer, '22222222', 'providers:status:write'))).toBe('forbidden');
  expect(kindOf(() => requireReadAccess({ ...provider, scopes: [] }, '11111111'))).toBe('allowed');
  expect(kindOf(() => requireReadAccess({ ...provider, scopes: [] }, '22222222'))).toBe('forbidden');
});

test('a recognising body acts only on its own route', () => {
  expect(kindOf(() => requireRouteAuthority(nrtoBody, 'NRTO'))).toBe('allowed');
  expect(kindOf(() => requireRouteAuthority(nrtoBody, 'OCW_RIO'))).toBe('forbidden');
});

test('status decisions follow the contract: no reinstatement unless suspended, nothing after the end', () => {
  expect(kindOf(() => assertDecisionAllowed('SUSPENDED', 'UNDER_INVESTIGATION'))).toBe('allowed');
  expect(kindOf(() => assertDecisionAllowed('REINSTATED', 'ACTIVE'))).toBe('precondition');
  expect(kindOf(() => assertDecisionAllowed('SUSPENDED', 'ENDED'))).toBe('precondition');
});

test('IBAN and holder are checked; the account in force at an instant is the last one set before it', () => {
  expect(bankAccountViolations({ iban: 'NL91ABNA0417164300', holderName: 'X' })).toEqual([]);
  expect(bankAccountViolations({ iban: 'NL91ABNA041716430', holderName: ' ' }).map((v) => v.field)).toEqual(['iban.value', 'account_holder_name']);
  const versions = [{ id: 'b', effectiveFrom: new Date('2024-02-01T00:00:00Z') }, { id: 'a', effectiveFrom: new Date('2024-01-01T00:00:00Z') }];
  expect(accountEffectiveAt(versions, new Date('2024-01-15T00:00:00Z'))?.id).toBe('a');
  expect(accountEffectiveAt(versions, new Date('2024-03-01T00:00:00Z'))?.id).toBe('b');
  expect(accountEffectiveAt(versions, new Date('2023-12-31T00:00:00Z'))).toBeUndefined();
});

test('a career adviser needs Noloc/CMI, HBO level and 3 years of experience', () => {
  const adviser: CareerAdviserInput = {
    name: 'Anna de Vries', register: 'NOLOC', registrationNumber: 'N-123', hboLevel: true, yearsOfExperience: 3,
    activeFrom: '2020-08-01', activeUntil: undefined, activeUntilMalformed: false,
  };
  expect(careerAdviserViolations(adviser)).toEqual([]);
  expect(unmetQualifications(adviser)).toEqual([]);
  expect(unmetQualifications({ ...adviser, hboLevel: false, yearsOfExperience: 2 }).map((u) => u.reason)).toEqual(['NOT_HBO_LEVEL', 'TOO_LITTLE_EXPERIENCE']);
  expect(careerAdviserViolations({ ...adviser, register: 'OTHER', activeFrom: undefined }).map((v) => v.field)).toEqual(['register', 'active_period.start']);
});
