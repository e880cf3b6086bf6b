// Events through the real broker: the register's and provider-registry's events, published to their topics, reach
// the portal's read model through its ConsumerRunner (a redelivered event is applied once); a decision leaves through
// the transactional outbox as ApplicationReceived then ApplicationGranted on stap.portal.application.v1 (payment
// creates the purchase order, the register counts the grant), in that order, keyed by the application id.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { ApplicationGranted, ApplicationReceived } from '@stap/contracts/stap/portal/events/v1/events';
import { ApplicationChannel, ApplicationStatus } from '@stap/contracts/stap/portal/v1/portal';
import { fromKafkaMessage, toKafkaMessage, type CloudEvent } from '@stap/platform/kafka';
import { kafkaBrokers } from '@stap/platform/testing/infrastructure';
import { waitFor } from '@stap/platform/testing/service-process';
import { addDays, amsterdamDateOf } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import {
  asPerson, bearer, call, eur, PROVIDER_KVK, PROVIDER_TOKEN, providerRegisteredEvent, registerEvents, STAFF_TOKEN, stapRef, startHarness,
  waitForAdmission, type Harness,
} from './harness';

jest.setTimeout(90_000);

const kafka = new Kafka({ clientId: 'stap-portal-events-test', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
const PROVIDER_ID = randomUUID();
const TRAINING = `events-${randomUUID().slice(0, 8)}`;
const today = amsterdamDateOf(new Date());
let h: Harness;
let consumer: Consumer;
const seen: CloudEvent[] = [];

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 2 });
  consumer = kafka.consumer({ groupId: `stap-portal-events-test-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: 'stap.portal.application.v1', fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({ eachMessage: async ({ message }) => void seen.push(fromKafkaMessage(message)) });
  await joined;
});

afterAll(async () => {
  await consumer?.disconnect();
  await h?.stop();
});

test('register events from the broker feed the read model once; a grant leaves as Received then Granted', async () => {
  const producer = kafka.producer({ idempotent: true });
  await producer.connect();
  const training = { providerId: PROVIDER_ID, trainingId: TRAINING, startMomentId: `${TRAINING}-1`, name: 'Via Kafka', priceEuros: 700, startDate: addDays(today, 35), endDate: addDays(today, 70) };
  const events = registerEvents(training);
  await producer.send({ topic: 'stap.providers.provider.v1', messages: [toKafkaMessage(providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), PROVIDER_ID)] });
  // The first event twice: at-least-once delivery must not apply it twice.
  await producer.send({ topic: 'stap.register.training.v1', messages: [...events, events[0]].map((event) => toKafkaMessage(event, TRAINING)) });
  await producer.disconnect();
  const moment = await waitFor(async () => {
    const row = await h.portal.context.prisma.startMoment.findUnique({ where: { id: `${TRAINING}-1` } });
    const t = await h.portal.context.prisma.training.findUnique({ where: { id: TRAINING } });
    return row && t?.status === 'PUBLISHED' ? row : undefined;
  }, 'the read model to have the training', 45_000);
  expect(Number(moment.priceCents)).toBe(70_000);
  await waitFor(async () => (await h.portal.context.prisma.provider.findUnique({ where: { id: PROVIDER_ID } })) !== null, 'provider');

  const opensAt = new Date(Date.now() + 1_000);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef('STAP-2026-10-EVENTS'), displayName: 'Events', opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + 20 * 86_400_000).toISOString(), baseBudget: eur(10_000), counterReserve: undefined, counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
  const person = h.persons[h.persons.length - 1];
  const cert = await call(h, h.client.issueEnrolmentCertificate, {
    providerId: PROVIDER_ID, trainingId: TRAINING, startMomentId: `${TRAINING}-1`,
    holder: { initials: person.initials, surname: person.surname, birthDate: toDateParts(person.birthDate) }, amount: eur(700),
  }, bearer(PROVIDER_TOKEN));
  const ticket = await waitForAdmission(h, await call(h, h.client.joinQueue, { tijdvak: stapRef('STAP-2026-10-EVENTS') }, asPerson(person.bsn)));
  const application = await call(h, h.client.submitApplication, {
    tijdvak: stapRef('STAP-2026-10-EVENTS'), channel: ApplicationChannel.APPLICATION_CHANNEL_ONLINE, admissionToken: ticket.admissionToken,
    enrolmentCertificateNumber: cert.number, applicantBsn: undefined, contactEmail: '', declaredTruthful: true,
  }, asPerson(person.bsn));
  expect(application.status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);

  const mine = await waitFor(async () => {
    const events = seen.filter((event) => event.subject === application.id);
    return events.length >= 2 ? events : undefined;
  }, 'ApplicationReceived and ApplicationGranted on the broker', 45_000);
  expect(mine.map((event) => event.type)).toEqual(['nl.stap.portal.application_received.v1', 'nl.stap.portal.application_granted.v1']);
  expect(ApplicationReceived.decode(mine[0].data).receiptSequence).toBe('1');
  const granted = ApplicationGranted.decode(mine[1].data);
  expect(granted).toMatchObject({ applicationId: application.id, providerId: PROVIDER_ID, trainingId: TRAINING, grantedAmount: { amountCents: '70000', currency: 'EUR' } });
  expect(mine[1].source).toBe('urn:nld:stap:stap-portal');
  const inbox = await h.portal.context.prisma.inboxEvent.count({ where: { eventId: events[0].id } });
  expect(inbox).toBe(1);
});
