// The provider's gRPC calls added to the portal, on the real database and broker: revoking an enrolment certificate
// (reason required; only an unused one of its own; EnrolmentCertificateRevoked in the outbox; a revoked certificate
// in an application is rejected with CERTIFICATE_INVALID and never granted), and pre-registration one at a time and
// listed per tijdvak (the same use case as the HTTP upload: it reserves nothing; only the provider's own, paged).
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { EnrolmentCertificateRevoked } from '@stap/contracts/stap/portal/events/v1/events';
import { ApplicationChannel, ApplicationStatus, EnrolmentCertificateStatus, RejectionReason, type Application } from '@stap/contracts/stap/portal/v1/portal';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import {
  asPerson, bearer, call, COUNTER_TOKEN, eur, feed, PARTNER_TOKEN, PROVIDER_KVK, PROVIDER_TOKEN, providerRegisteredEvent, registerEvents,
  STAFF_TOKEN, stapRef, startHarness, waitForAdmission, type Harness, grpcError
} from './harness';

jest.setTimeout(90_000);

const PROVIDER_ID = randomUUID();
const OTHER_PROVIDER_ID = randomUUID();
const OTHER_KVK = String(Number(PROVIDER_KVK) + 1).padStart(8, '0');
const OTHER_TOKEN = 'other-provider-token';
const TIJDVAK = 'STAP-2027-09';
const today = amsterdamDateOf(new Date());
const COURSE = { trainingId: 'course', startMomentId: 'course-1', name: 'Cursus', priceEuros: 900, startDate: addDays(today, 35), endDate: addDays(today, 70) };
const OTHER_COURSE = { trainingId: 'other', startMomentId: 'other-1', name: 'Elders', priceEuros: 500, startDate: addDays(today, 35), endDate: addDays(today, 70) };

let h: Harness;

const holderOf = (index: number) => ({ initials: h.persons[index].initials, surname: h.persons[index].surname, birthDate: toDateParts(h.persons[index].birthDate) });

function issue(index: number) {
  return call(h, h.client.issueEnrolmentCertificate, {
    providerId: PROVIDER_ID, trainingId: COURSE.trainingId, startMomentId: COURSE.startMomentId, holder: holderOf(index), amount: eur(900),
  }, bearer(PROVIDER_TOKEN));
}

async function apply(index: number, certificateNumber: string): Promise<Application> {
  const bsn = h.persons[index].bsn;
  const ticket = await waitForAdmission(h, await call(h, h.client.joinQueue, { tijdvak: stapRef(TIJDVAK) }, asPerson(bsn)));
  return call(h, h.client.submitApplication, {
    tijdvak: stapRef(TIJDVAK), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: ticket.admissionToken,
    enrolmentCertificateNumber: certificateNumber, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
  }, asPerson(bsn));
}

const revoke = (number: string, reason: string, token = PROVIDER_TOKEN) => call(h, h.client.revokeEnrolmentCertificate, { number, reason }, bearer(token));

beforeAll(async () => {
  h = await startHarness({
    syntheticPersons: 8,
    config: {
      DEV_TOKENS: [
        `${STAFF_TOKEN}=staff-1:staff:portal:tijdvak:write+portal:read`,
        `${COUNTER_TOKEN}=officer-1:staff:portal:counter`,
        `${PARTNER_TOKEN}=gemeente-1:partner:portal:status:lookup+portal:purpose:reintegration`,
        `${PROVIDER_TOKEN}=opleider-1:provider:portal:certificates:${PROVIDER_KVK}`,
        `${OTHER_TOKEN}=opleider-2:provider:portal:certificates:${OTHER_KVK}`,
      ].join(','),
    },
  });
  await feed(h, [
    providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, ...COURSE }),
    providerRegisteredEvent(OTHER_PROVIDER_ID, OTHER_KVK), ...registerEvents({ providerId: OTHER_PROVIDER_ID, ...OTHER_COURSE }),
  ]);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Aanbieder', opensAt: new Date(Date.now() + 500).toISOString(),
    closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(), baseBudget: eur(100_000), counterReserve: undefined, counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
});

afterAll(async () => {
  await h?.stop();
});

test('a provider revokes its unused certificate with a reason; an application naming it is rejected, never granted', async () => {
  const certificate = await issue(4);
  const noReason = await grpcError(revoke(certificate.number, '  '));
  expect(noReason).toMatchObject({ code: status.INVALID_ARGUMENT, fieldViolations: [{ field: 'reason' }] });
  expect((await grpcError(revoke(certificate.number, 'verkeerd', OTHER_TOKEN))).code).toBe(status.NOT_FOUND);
  expect((await grpcError(revoke(certificate.number, 'verkeerd', STAFF_TOKEN))).code).toBe(status.PERMISSION_DENIED);
  expect((await grpcError(revoke('STAP-0000-0000', 'verkeerd'))).code).toBe(status.NOT_FOUND);
  expect((await h.portal.context.prisma.enrolmentCertificate.findUniqueOrThrow({ where: { number: certificate.number } })).status).toBe('ISSUED');

  const revoked = await revoke(certificate.number, 'Inschrijving geannuleerd');
  expect(revoked.status).toBe(EnrolmentCertificateStatus.ENROLMENT_CERTIFICATE_STATUS_REVOKED);
  const outbox = await h.portal.context.prisma.outboxEvent.findMany({ where: { type: 'nl.stap.portal.enrolment_certificate_revoked.v1', subject: certificate.number } });
  expect(outbox.length).toBe(1);
  expect(outbox[0].topic).toBe('stap.portal.enrolment_certificate.v1');
  expect(EnrolmentCertificateRevoked.decode(outbox[0].payload)).toMatchObject({ number: certificate.number, providerId: PROVIDER_ID, reason: 'Inschrijving geannuleerd' });
  expect((await grpcError(revoke(certificate.number, 'nogmaals'))).code).toBe(status.FAILED_PRECONDITION);

  const before = await call(h, h.client.getTijdvak, { ref: stapRef(TIJDVAK) });
  const application = await apply(4, certificate.number);
  expect(application.status).toBe(ApplicationStatus.APPLICATION_STATUS_REJECTED);
  expect(application.decision?.reasons).toContain(RejectionReason.REJECTION_REASON_CERTIFICATE_INVALID);
  expect((await call(h, h.client.getTijdvak, { ref: stapRef(TIJDVAK) })).committed).toEqual(before.committed);
});

test('a certificate used in an application cannot be revoked', async () => {
  const certificate = await issue(5);
  expect((await apply(5, certificate.number)).status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  const used = await grpcError(revoke(certificate.number, 'te laat'));
  expect(used.code).toBe(status.FAILED_PRECONDITION);
  expect((await h.portal.context.prisma.enrolmentCertificate.findUniqueOrThrow({ where: { number: certificate.number } })).status).toBe('USED');
  expect(await h.portal.context.prisma.outboxEvent.count({ where: { type: 'nl.stap.portal.enrolment_certificate_revoked.v1', subject: certificate.number } })).toBe(0);
});

test('pre-registration through gRPC: recorded like an upload, reserves nothing, listed per provider and tijdvak, paged', async () => {
  const provider = bearer(PROVIDER_TOKEN);
  const before = await call(h, h.client.getTijdvak, { ref: stapRef(TIJDVAK) });
  const created = await call(h, h.client.createPreRegistration, {
    tijdvak: stapRef(TIJDVAK), providerId: PROVIDER_ID, trainingId: COURSE.trainingId, startMomentId: COURSE.startMomentId, holder: holderOf(6),
  }, provider);
  expect(created).toMatchObject({ tijdvak: stapRef(TIJDVAK), providerId: PROVIDER_ID, trainingId: 'course', startMomentId: 'course-1', holder: holderOf(6) });
  const csv = 'training_id,start_moment_id,initials,surname,birth_date\ncourse,course-1,J.,Jansen,1985-04-12\ncourse,course-1,M.,de Vries,1990-09-30\n';
  const upload = await fetch(`http://127.0.0.1:${h.portal.http.port}/api/v1/vooraanmeldingen?tijdvak=${TIJDVAK}`, {
    method: 'POST', headers: { authorization: `Bearer ${PROVIDER_TOKEN}`, 'content-type': 'text/csv' }, body: csv,
  });
  expect(upload.status).toBe(201);
  await call(h, h.client.createPreRegistration, {
    tijdvak: stapRef(TIJDVAK), providerId: OTHER_PROVIDER_ID, trainingId: OTHER_COURSE.trainingId, startMomentId: OTHER_COURSE.startMomentId, holder: holderOf(7),
  }, bearer(OTHER_TOKEN));

  // Oldest first; the rows of one upload share their instant, so between them the order is only stable, not fixed.
  const first = await call(h, h.client.listPreRegistrations, { providerId: PROVIDER_ID, tijdvak: stapRef(TIJDVAK), page: { pageSize: 2, pageToken: '' } }, provider);
  expect(first.preRegistrations.length).toBe(2);
  expect(first.preRegistrations[0].id).toBe(created.id);
  expect(first.page?.totalSize).toBe('3');
  const rest = await call(h, h.client.listPreRegistrations, { providerId: '', tijdvak: stapRef(TIJDVAK), page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' } }, provider);
  expect(rest.preRegistrations.length).toBe(1);
  expect(rest.page?.nextPageToken).toBe('');
  expect([...first.preRegistrations, ...rest.preRegistrations].map((p) => p.holder?.surname).sort()).toEqual([h.persons[6].surname, 'Jansen', 'de Vries'].sort());
  const others = await call(h, h.client.listPreRegistrations, { providerId: OTHER_PROVIDER_ID, tijdvak: stapRef(TIJDVAK), page: undefined }, bearer(OTHER_TOKEN));
  expect(others.preRegistrations.map((p) => p.trainingId)).toEqual(['other']);
  expect((await call(h, h.client.getTijdvak, { ref: stapRef(TIJDVAK) })).committed).toEqual(before.committed);
});

test('pre-registration errors: field violations, another provider\'s training, unknown tijdvak; nothing recorded', async () => {
  const provider = bearer(PROVIDER_TOKEN);
  const count = await h.portal.context.prisma.preRegistration.count();
  const bad = await grpcError(call(h, h.client.createPreRegistration, {
    tijdvak: stapRef(TIJDVAK), providerId: PROVIDER_ID, trainingId: '', startMomentId: 'course-1', holder: { initials: '123', surname: '', birthDate: undefined },
  }, provider));
  expect(bad.code).toBe(status.INVALID_ARGUMENT);
  expect(bad.fieldViolations.map((v) => v.field).sort()).toEqual(['holder.birth_date', 'holder.initials', 'holder.surname', 'training_id']);
  const foreignTraining = await grpcError(call(h, h.client.createPreRegistration, {
    tijdvak: stapRef(TIJDVAK), providerId: PROVIDER_ID, trainingId: OTHER_COURSE.trainingId, startMomentId: OTHER_COURSE.startMomentId, holder: holderOf(6),
  }, provider));
  expect(foreignTraining.code).toBe(status.NOT_FOUND);
  const unknownTijdvak = await grpcError(call(h, h.client.createPreRegistration, {
    tijdvak: stapRef('STAP-2030-01'), providerId: PROVIDER_ID, trainingId: COURSE.trainingId, startMomentId: COURSE.startMomentId, holder: holderOf(6),
  }, provider));
  expect(unknownTijdvak.code).toBe(status.NOT_FOUND);
  const otherProviderId = await grpcError(call(h, h.client.createPreRegistration, {
    tijdvak: stapRef(TIJDVAK), providerId: OTHER_PROVIDER_ID, trainingId: COURSE.trainingId, startMomentId: COURSE.startMomentId, holder: holderOf(6),
  }, provider));
  expect(otherProviderId.code).toBe(status.PERMISSION_DENIED);
  const notProvider = await grpcError(call(h, h.client.listPreRegistrations, { providerId: '', tijdvak: stapRef(TIJDVAK), page: undefined }, asPerson(h.persons[6].bsn)));
  expect(notProvider.code).toBe(status.PERMISSION_DENIED);
  expect(await h.portal.context.prisma.preRegistration.count()).toBe(count);
});
