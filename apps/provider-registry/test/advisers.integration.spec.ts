// Adviser organisations and career advisers over real gRPC on a real database: registration, uniqueness,
// qualification (Noloc/CMI, HBO level, 3 years: DOMAIN.md §1), authorisation by organisation, events in the outbox.
import { status } from '@grpc/grpc-js';
import { AdviserRegister } from '@stap/contracts/stap/providers/v1/providers';
import { call, date, failure, outboxTypes, registration, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('registry_advisers');
});
afterAll(() => h?.close());

const adviser = (organisationId: string, over: Record<string, unknown> = {}) => ({
  adviserOrganisationId: organisationId,
  name: 'Anna de Vries',
  register: AdviserRegister.ADVISER_REGISTER_NOLOC,
  registrationNumber: 'N-1001',
  hboLevel: true,
  yearsOfExperience: 5,
  activePeriod: { start: date('2020-08-01'), end: undefined },
  ...over,
});

test('an organisation registers itself and its qualified advisers; the events go to their topics', async () => {
  const organisation = await call(h, h.client.registerAdviserOrganisation, registration('33333333', 'Loopbaanbureau Oost'), 'adviser-org');
  expect(organisation.kvkNumber?.value).toBe('33333333');
  const duplicate = await failure(h, h.client.registerAdviserOrganisation, registration('33333333'), 'staff');
  expect(duplicate.code).toBe(status.ALREADY_EXISTS);

  const registered = await call(h, h.client.registerCareerAdviser, adviser(organisation.id), 'adviser-org');
  expect(registered).toMatchObject({ register: AdviserRegister.ADVISER_REGISTER_NOLOC, hboLevel: true, yearsOfExperience: 5 });
  expect((await call(h, h.client.getCareerAdviser, { careerAdviserId: registered.id }, 'partner')).name).toBe('Anna de Vries');
  const again = await failure(h, h.client.registerCareerAdviser, adviser(organisation.id), 'adviser-org');
  expect(again.code).toBe(status.ALREADY_EXISTS);

  expect(await outboxTypes(h, organisation.id)).toEqual(['nl.stap.providers.adviser_organisation_registered.v1']);
  expect(await outboxTypes(h, registered.id)).toEqual(['nl.stap.providers.career_adviser_registered.v1']);
  const topics = await h.prisma.outboxEvent.findMany({ where: { subject: { in: [organisation.id, registered.id] } }, select: { topic: true } });
  expect(topics.map((t) => t.topic).sort()).toEqual(['stap.providers.adviser_organisation.v1', 'stap.providers.career_adviser.v1']);
});

test('an unqualified adviser is FAILED_PRECONDITION naming the requirement; bad input is INVALID_ARGUMENT', async () => {
  const organisation = await call(h, h.client.registerAdviserOrganisation, registration('44444444'), 'staff');
  const notHbo = await failure(h, h.client.registerCareerAdviser, adviser(organisation.id, { hboLevel: false, registrationNumber: 'N-2' }), 'staff');
  expect(notHbo.code).toBe(status.FAILED_PRECONDITION);
  expect(notHbo.preconditionViolations.map((v) => v.type)).toEqual(['NOT_HBO_LEVEL']);
  const junior = await failure(h, h.client.registerCareerAdviser, adviser(organisation.id, { yearsOfExperience: 2, registrationNumber: 'N-3' }), 'staff');
  expect(junior.preconditionViolations.map((v) => v.type)).toEqual(['TOO_LITTLE_EXPERIENCE']);
  const bad = await failure(h, h.client.registerCareerAdviser, adviser(organisation.id, { register: AdviserRegister.ADVISER_REGISTER_UNSPECIFIED, activePeriod: undefined }), 'staff');
  expect(bad.code).toBe(status.INVALID_ARGUMENT);
  expect(bad.fieldViolations.map((v) => v.field)).toEqual(['register', 'active_period.start']);
  expect(await h.prisma.careerAdviser.count({ where: { adviserOrganisationId: organisation.id } })).toBe(0);
});

test('an organisation cannot add advisers to or change the bank account of another organisation', async () => {
  const other = await call(h, h.client.registerAdviserOrganisation, registration('55555555'), 'staff');
  const denied = await failure(h, h.client.registerCareerAdviser, adviser(other.id, { registrationNumber: 'N-9' }), 'adviser-org');
  expect(denied.code).toBe(status.PERMISSION_DENIED);
  const account = await failure(h, h.client.changeBankAccount, {
    owner: { owner: { $case: 'adviserOrganisationId', value: other.id } }, iban: { value: 'NL91ABNA0417164300' }, accountHolderName: 'X',
  }, 'adviser-org');
  expect(account.code).toBe(status.PERMISSION_DENIED);
  const own = await call(h, h.client.getAdviserOrganisation, { identifier: { $case: 'kvkNumber', value: { value: '33333333' } } }, 'adviser-org');
  const summary = await call(h, h.client.changeBankAccount, {
    owner: { owner: { $case: 'adviserOrganisationId', value: own.id } }, iban: { value: 'NL91ABNA0417164300' }, accountHolderName: 'Loopbaanbureau Oost B.V.',
  }, 'adviser-org');
  expect(summary.ibanLast4).toBe('4300');
  expect((await call(h, h.client.getAdviserOrganisation, { identifier: { $case: 'adviserOrganisationId', value: own.id } }, 'partner')).bankAccount?.accountReference)
    .toBe(summary.accountReference);
  expect(await outboxTypes(h, own.id)).toEqual(['nl.stap.providers.adviser_organisation_registered.v1', 'nl.stap.providers.bank_account_changed.v1']);
});
