// UpdateStartMoment and ListScholingApplications over the real gRPC server (in this process, real client, real
// database): the contract's fields reach the use cases (unset = unchanged, capacity, paging, status filter) and
// refusals come back as INVALID_ARGUMENT with field violations, FAILED_PRECONDITION and PERMISSION_DENIED.
import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import * as R from '@stap/contracts/stap/register/v1/register';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { bearerTokenAuthenticator, callUnary, decodeRichError, parseTokenTable, startGrpcServer, type RunningGrpcServer } from '@stap/platform/grpc';
import { createLogger } from '@stap/platform/logging';
import { createTraining } from '../src/application/create-training';
import { cancelStartMoment } from '../src/application/manage-start-moments';
import { getTraining } from '../src/application/get-training';
import { submitScholingApplication } from '../src/application/scholing-applications';
import { publicAware, scholingsregisterService } from '../src/transport/grpc/scholingsregister.grpc';
import { aStartMoment, aTraining, knownProvider, registerFixture, type RegisterFixture } from './register-fixture';

let f: RegisterFixture;
let server: RunningGrpcServer;
let client: InstanceType<typeof R.ScholingsregisterServiceClient>;
let owner: Awaited<ReturnType<typeof knownProvider>>;
let other: Awaited<ReturnType<typeof knownProvider>>;

beforeAll(async () => {
  f = await registerFixture('sr_grpc');
  owner = await knownProvider(f.prisma, 'Eigenaar');
  other = await knownProvider(f.prisma, 'Ander');
  const tokens = parseTokenTable(`owner=p-owner:organisation::${owner.kvkNumber},other=p-other:organisation::${other.kvkNumber},officer=officer-1:staff:register:scholing:decide`);
  const logger = createLogger({ service: 'scholingsregister-test', level: 'silent' });
  server = await startGrpcServer({ services: [scholingsregisterService({ logger, authenticate: publicAware(bearerTokenAuthenticator(tokens)) }, f.prisma)] }, 0);
  client = new R.ScholingsregisterServiceClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
});
afterAll(async () => {
  client?.close();
  await server?.shutdown(1_000);
  await f.close();
});

const as = (token: string) => {
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  return metadata;
};
const update = (request: Partial<R.UpdateStartMomentRequest>, token = 'owner') =>
  callUnary(client, client.updateStartMoment, { startMomentId: '', expectedVersion: '0', startDate: undefined, endDate: undefined, location: undefined, priceComponents: [], ...request }, as(token));
const list = (request: Partial<R.ListScholingApplicationsRequest>, token: string) =>
  callUnary(client, client.listScholingApplications, { tijdvak: undefined, statuses: [], leadProviderId: '', page: undefined, ...request }, as(token));
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (caught: ServiceError) => caught);
  if (!error) throw new Error('the call succeeded but was expected to fail');
  return decodeRichError(error);
}
const euros = (kind: R.PriceComponentKind, cents: number) => ({ kind, amountInclVat: { amountCents: String(cents), currency: 'EUR' } });

it('UpdateStartMoment changes only what is set and answers the changed start moment', async () => {
  const id = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId));
  const [sm] = (await getTraining(f.prisma, { trainingId: id })).startMoments;
  const answer = await update({ startMomentId: sm.id, expectedVersion: '1', endDate: { year: 2026, month: 12, day: 18 }, priceComponents: [euros(R.PriceComponentKind.PRICE_COMPONENT_KIND_COURSE_TUITION, 99_000)], capacity: 12 });
  expect(answer).toMatchObject({ id: sm.id, startDate: { year: 2026, month: 9, day: 1 }, endDate: { year: 2026, month: 12, day: 18 }, capacity: 12, version: '2', price: { totalInclVat: { amountCents: '99000' } } });
  expect(answer.location?.address?.city).toBe('Utrecht');
});

it('UpdateStartMoment refusals: bad fields, a cancelled start moment, another provider', async () => {
  const id = await createTraining(f.prisma, owner.actor, aTraining(owner.providerId, { startMoments: [aStartMoment('A'), aStartMoment('B')] }));
  const [a, b] = (await getTraining(f.prisma, { trainingId: id })).startMoments;
  const bad = await failure(update({ startMomentId: a.id, priceComponents: [euros(R.PriceComponentKind.PRICE_COMPONENT_KIND_COURSE_TUITION, -1)], capacity: 0 }));
  expect(bad.code).toBe(status.INVALID_ARGUMENT);
  expect(bad.fieldViolations.map((v) => v.field)).toEqual(['price_components.course_tuition', 'capacity']);
  await cancelStartMoment(f.prisma, owner.actor, b.id, 'geen docent');
  expect((await failure(update({ startMomentId: b.id, capacity: 10 }))).code).toBe(status.FAILED_PRECONDITION);
  expect((await failure(update({ startMomentId: a.id, capacity: 10 }, 'other'))).code).toBe(status.PERMISSION_DENIED);
  expect((await f.prisma.startMoment.findUniqueOrThrow({ where: { id: a.id } })).capacity).toBeNull();
});

it('ListScholingApplications: own applications for a provider, all for an officer, paged and filtered', async () => {
  const application = (providerId: string, offeringName: string) => ({
    tijdvakId: 'NLLD_SCHOLING-2020-10', applicantType: 'SCHOLING_APPLICANT_TYPE_PROVIDER', leadProviderId: providerId, memberProviderIds: [], partners: [], offeringName,
    activities: [{ title: 'Module', description: '', category: 'SCHOLING_CATEGORY_C', contributionCents: 110_000, plannedParticipants: 10, nlqfLevel: 'NLQF_LEVEL_3', deliveryMode: 'DELIVERY_MODE_ONLINE_LIVE', sector: 'SECTOR_ICT', leadsToCertificate: true, guidance: '', providerId: '' }],
  });
  const mine = await submitScholingApplication(f.prisma, owner.actor, application(owner.providerId, 'Eigen aanbod'), new Date('2020-10-05T09:00:00Z'));
  const theirs = await submitScholingApplication(f.prisma, other.actor, application(other.providerId, 'Ander aanbod'), new Date('2020-10-05T09:00:01Z'));

  expect((await list({}, 'owner')).applications.map((a) => a.id)).toEqual([mine]);
  const tijdvak = { regelingCode: RegelingCode.REGELING_CODE_NLLD_SCHOLING, tijdvakId: 'NLLD_SCHOLING-2020-10' };
  const first = await list({ tijdvak, statuses: [R.ScholingApplicationStatus.SCHOLING_APPLICATION_STATUS_SUBMITTED], page: { pageSize: 1, pageToken: '' } }, 'officer');
  expect(first.applications.map((a) => [a.id, a.offeringName])).toEqual([[mine, 'Eigen aanbod']]);
  expect(first.page).toEqual({ nextPageToken: '1', totalSize: '2' });
  const second = await list({ tijdvak, page: { pageSize: 1, pageToken: first.page?.nextPageToken ?? '' } }, 'officer');
  expect(second.applications.map((a) => a.id)).toEqual([theirs]);
  expect(second.page?.nextPageToken).toBe('');
  expect((await list({ statuses: [R.ScholingApplicationStatus.SCHOLING_APPLICATION_STATUS_GRANTED] }, 'officer')).applications).toEqual([]);
  expect((await failure(list({ leadProviderId: other.providerId }, 'owner'))).code).toBe(status.PERMISSION_DENIED);
  const badPage = await failure(list({ page: { pageSize: 1, pageToken: 'x' } }, 'officer'));
  expect(badPage.fieldViolations.map((v) => v.field)).toEqual(['page.page_token']);
});
