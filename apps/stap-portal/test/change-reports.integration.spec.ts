// Change reports ("Wijziging doorgeven") on the real portal assembly, database and broker: ReportChange and
// ListChangeReports through gRPC (stored RECEIVED, a new contact e-mail replaces the application's, ChangeReported in
// the outbox and on the broker without BSN or e-mail, own reports only and paged, the officer's filter, bad input,
// someone else's application, a training change about an application that is not granted, the stop date against the
// training and today), an officer's work queue (status and kind filters, oldest first) and HandleChangeReport (once,
// ChangeReportHandled without BSN or note, bad input, NOT_FOUND, PERMISSION_DENIED, two officers at once), and the
// web pages over real HTTP with a session cookie (as web-pages.integration.spec.ts), the handled state included.
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { ChangeReported, ChangeReportHandled } from '@stap/contracts/stap/portal/events/v1/events';
import { ApplicationStatus, ChangeReportKind, ChangeReportStatus, type Application, type ListChangeReportsRequest, type ReportChangeRequest,
} from '@stap/contracts/stap/portal/v1/portal';
import { fromKafkaMessage, type CloudEvent } from '@stap/platform/kafka';
import { kafkaBrokers } from '@stap/platform/testing/infrastructure';
import { waitFor } from '@stap/platform/testing/service-process';
import { addDays, amsterdamDateOf, amsterdamToInstant } from '@stap/regelingen';
import { toDateParts } from '../src/domain/dates';
import {
  applyOnline,
  asPerson, bearer, call, COUNTER_TOKEN, eur, feed, grpcError, PROVIDER_KVK, providerRegisteredEvent, registerEvents, SECRET,
  STAFF_TOKEN, stapRef, startHarness, type Harness,
} from './harness';
import { csrfIn, pageBrowser } from './page-browser';

jest.setTimeout(90_000);

const PROVIDER_ID = randomUUID();
const TIJDVAK = 'STAP-2027-11-WIJZ';
const today = amsterdamDateOf(new Date());
const EXCEL = { trainingId: 'excel', startMomentId: 'excel-1', name: 'Excel & <Word>', priceEuros: 650, startDate: addDays(today, 42), endDate: addDays(today, 90) };
const kafka = new Kafka({ clientId: 'stap-portal-change-reports-test', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });

let h: Harness;
let base: string;
let consumer: Consumer;
const seen: CloudEvent[] = [];
const person = (index: number) => h.persons[index];

async function apply(index: number): Promise<Application> {
  const application = await applyOnline(h, person(index), { tijdvakId: TIJDVAK, providerId: PROVIDER_ID, ...EXCEL, contactEmail: 'oud@example.nl' });
  // The address given when applying is kept with the application (the decision pipeline once dropped it).
  expect((await stored(application.id)).contactEmail).toBe('oud@example.nl');
  return application;
}

async function grantTo(index: number): Promise<string> {
  const application = await apply(index);
  expect(application.status).toBe(ApplicationStatus.APPLICATION_STATUS_GRANTED);
  return application.id;
}

const request = (applicationId: string, fields: Partial<ReportChangeRequest>): ReportChangeRequest => ({
  applicationId, kind: ChangeReportKind.CHANGE_REPORT_KIND_UNSPECIFIED, newContactEmail: '', stoppedOn: undefined, newStartDate: undefined, explanation: '', ...fields,
});
const report = (index: number, applicationId: string, fields: Partial<ReportChangeRequest>) =>
  call(h, h.client.reportChange, request(applicationId, fields), asPerson(person(index).bsn));
const listRequest = (fields: Partial<ListChangeReportsRequest>): ListChangeReportsRequest => ({
  applicationId: '', page: undefined, status: ChangeReportStatus.CHANGE_REPORT_STATUS_UNSPECIFIED, kind: ChangeReportKind.CHANGE_REPORT_KIND_UNSPECIFIED, ...fields,
});
const stored = (id: string) => h.portal.context.prisma.application.findUniqueOrThrow({ where: { id } });
const reportsOf = (applicationId: string) => h.portal.context.prisma.changeReport.count({ where: { applicationId } });
const outboxOf = (applicationId: string) => h.portal.context.prisma.outboxEvent.count({ where: { type: 'nl.stap.portal.change_reported.v1', subject: applicationId } });

/** Runs the body with the portal's clock on an Amsterdam local time (the scheduler shares it; the tijdvak stays open). */
async function at<T>(local: string, body: () => Promise<T>): Promise<T> {
  const clock = h.portal.context.now;
  h.portal.context.now = () => amsterdamToInstant(local);
  try {
    return await body();
  } finally {
    h.portal.context.now = clock;
  }
}

beforeAll(async () => {
  h = await startHarness({ syntheticPersons: 16 });
  base = `http://127.0.0.1:${h.portal.http.port}`;
  consumer = kafka.consumer({ groupId: `stap-portal-change-reports-test-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: 'stap.portal.application.v1', fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({ eachMessage: async ({ message }) => void seen.push(fromKafkaMessage(message)) });
  await joined;
  await feed(h, [providerRegisteredEvent(PROVIDER_ID, PROVIDER_KVK), ...registerEvents({ providerId: PROVIDER_ID, ...EXCEL })]);
  const opensAt = new Date(Date.now() + 1_500);
  await call(h, h.client.scheduleTijdvak, {
    ref: stapRef(TIJDVAK), displayName: 'Wijzigingen', opensAt: opensAt.toISOString(),
    // Open well past the training's start: a test moves the portal's clock into the training.
    closesAt: new Date(opensAt.getTime() + 60 * 86_400_000).toISOString(), baseBudget: eur(100_000), counterReserve: eur(1_000), counterReserveReleaseAt: undefined,
  }, bearer(STAFF_TOKEN));
});

afterAll(async () => {
  await consumer?.disconnect();
  await h?.stop();
});

describe('gRPC', () => {
  test('a report is stored RECEIVED, a new e-mail replaces the contact address, ChangeReported reaches the broker without BSN or e-mail; own reports listed, paged', async () => {
    const id = await grantTo(4);
    const bsn = person(4).bsn;
    const email = await report(4, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_CONTACT_EMAIL_CHANGED, newContactEmail: ' nieuw@example.nl ' });
    expect(email).toMatchObject({ applicationId: id, kind: ChangeReportKind.CHANGE_REPORT_KIND_CONTACT_EMAIL_CHANGED, status: ChangeReportStatus.CHANGE_REPORT_STATUS_RECEIVED, newContactEmail: 'nieuw@example.nl', reportedByOfficer: false });
    expect((await stored(id)).contactEmail).toBe('nieuw@example.nl');
    expect(await h.portal.context.prisma.changeReport.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ bsn, previousEmail: 'oud@example.nl', status: 'RECEIVED' });
    await report(4, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_NOT_STARTED, explanation: 'Opleider heeft de cursus geschrapt' });
    const moved = addDays(EXCEL.startDate, 14);
    await report(4, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_START_DATE_CHANGED, newStartDate: toDateParts(moved) });

    const events = await waitFor(async () => {
      const mine = seen.filter((event) => event.subject === id && event.type === 'nl.stap.portal.change_reported.v1');
      return mine.length >= 3 ? mine : undefined;
    }, 'three ChangeReported on the broker', 45_000);
    expect(events.length).toBe(3);
    expect(events.map((event) => ChangeReported.decode(event.data).kind)).toEqual([
      ChangeReportKind.CHANGE_REPORT_KIND_CONTACT_EMAIL_CHANGED, ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_NOT_STARTED, ChangeReportKind.CHANGE_REPORT_KIND_START_DATE_CHANGED,
    ]);
    expect(ChangeReported.decode(events[0].data)).toMatchObject({ applicationId: id, changeReportId: email.id, tijdvak: stapRef(TIJDVAK), reportedByOfficer: false });
    expect(ChangeReported.decode(events[2].data).newStartDate).toEqual(toDateParts(moved));
    for (const event of events) {
      const bytes = Buffer.from(event.data).toString('latin1');
      expect(bytes).not.toContain(bsn);
      expect(bytes).not.toContain('nieuw@example.nl');
      expect(bytes).not.toContain('geschrapt');
    }
    expect(await outboxOf(id)).toBe(3);

    const first = await call(h, h.client.listChangeReports, listRequest({ applicationId: '', page: { pageSize: 2, pageToken: '' } }), asPerson(bsn));
    expect(first.changeReports.map((r) => r.kind)).toEqual([ChangeReportKind.CHANGE_REPORT_KIND_START_DATE_CHANGED, ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_NOT_STARTED]);
    expect(first.page?.totalSize).toBe('3');
    const second = await call(h, h.client.listChangeReports, listRequest({ applicationId: '', page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' } }), asPerson(bsn));
    expect(second.changeReports.map((r) => r.id)).toEqual([email.id]);
    expect(second.page?.nextPageToken).toBe('');
    // Another person sees none of them, also when filtering on this application; their token is refused for this list.
    const other = await call(h, h.client.listChangeReports, listRequest({ applicationId: id, page: undefined }), asPerson(person(5).bsn));
    expect(other.changeReports).toEqual([]);
    const borrowed = await grpcError(call(h, h.client.listChangeReports, listRequest({ applicationId: '', page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' } }), asPerson(person(5).bsn)));
    expect(borrowed.code).toBe(status.INVALID_ARGUMENT);
    // An executor officer filters by application.
    const officer = await call(h, h.client.listChangeReports, listRequest({ applicationId: id, page: undefined }), bearer(COUNTER_TOKEN));
    expect(officer.changeReports.length).toBe(3);
  });

  test('bad input is INVALID_ARGUMENT with field violations and changes nothing', async () => {
    const id = await grantTo(6);
    const invalid = async (fields: Partial<ReportChangeRequest>, applicationId = id) => {
      const error = await grpcError(report(6, applicationId, fields));
      expect(error.code).toBe(status.INVALID_ARGUMENT);
      return error.fieldViolations.map((v) => v.field);
    };
    expect(await invalid({})).toEqual(['kind']);
    expect(await invalid({ kind: ChangeReportKind.CHANGE_REPORT_KIND_CONTACT_EMAIL_CHANGED, newContactEmail: 'geen-adres' })).toEqual(['new_contact_email']);
    expect(await invalid({ kind: ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_STOPPED })).toEqual(['stopped_on']);
    expect(await invalid({ kind: ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_STOPPED, stoppedOn: { year: 2027, month: 2, day: 30 } })).toEqual(['stopped_on']);
    // Before the training's start (which is also today's future): the start rule speaks first.
    expect(await invalid({ kind: ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_STOPPED, stoppedOn: toDateParts(today) })).toEqual(['stopped_on']);
    expect(await invalid({ kind: ChangeReportKind.CHANGE_REPORT_KIND_START_DATE_CHANGED, newStartDate: toDateParts(EXCEL.startDate) })).toEqual(['new_start_date']);
    expect(await invalid({ kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: '  ' })).toEqual(['explanation']);
    expect(await invalid({ kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: 'x'.repeat(1001) })).toEqual(['explanation']);
    expect(await invalid({ kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: 'x' }, 'geen-nummer')).toEqual(['application_id']);
    expect(await reportsOf(id)).toBe(0);
    expect(await outboxOf(id)).toBe(0);
    expect((await stored(id)).contactEmail).toBe('oud@example.nl');
  });

  test('someone else\'s or an unknown application is NOT_FOUND; an executor officer reports for anyone; no login is UNAUTHENTICATED', async () => {
    const id = await grantTo(7);
    const other = await grpcError(report(8, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: 'Van een ander' }));
    expect(other.code).toBe(status.NOT_FOUND);
    expect((await grpcError(report(8, randomUUID(), { kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: 'x' }))).code).toBe(status.NOT_FOUND);
    expect(await reportsOf(id)).toBe(0);
    const unauthenticated = await grpcError(call(h, h.client.reportChange, request(id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: 'x' })));
    expect(unauthenticated.code).toBe(status.UNAUTHENTICATED);

    const byOfficer = await call(h, h.client.reportChange, request(id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: 'Belde het loket' }), bearer(COUNTER_TOKEN));
    expect(byOfficer.reportedByOfficer).toBe(true);
    expect((await call(h, h.client.listChangeReports, listRequest({ applicationId: id, page: undefined }), asPerson(person(7).bsn))).changeReports.map((r) => r.id)).toEqual([byOfficer.id]);
  });

  test('a training change about a rejected or withdrawn application is FAILED_PRECONDITION APPLICATION_NOT_GRANTED; a contact change is accepted', async () => {
    const rejected = await apply(1);
    expect(rejected.status).toBe(ApplicationStatus.APPLICATION_STATUS_REJECTED);
    const refused = await grpcError(report(1, rejected.id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_NOT_STARTED }));
    expect(refused.code).toBe(status.FAILED_PRECONDITION);
    expect(refused.preconditionViolations.map((v) => v.type)).toEqual(['APPLICATION_NOT_GRANTED']);
    expect(await reportsOf(rejected.id)).toBe(0);
    await report(1, rejected.id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_CONTACT_EMAIL_CHANGED, newContactEmail: 'visser@example.nl' });
    expect((await stored(rejected.id)).contactEmail).toBe('visser@example.nl');

    const withdrawn = await grantTo(9);
    await call(h, h.client.withdrawApplication, { applicationId: withdrawn, reason: '' }, asPerson(person(9).bsn));
    const stop = await grpcError(report(9, withdrawn, { kind: ChangeReportKind.CHANGE_REPORT_KIND_START_DATE_CHANGED, newStartDate: toDateParts(addDays(EXCEL.startDate, 7)) }));
    expect(stop.preconditionViolations.map((v) => v.type)).toEqual(['APPLICATION_NOT_GRANTED']);
    expect(await reportsOf(withdrawn)).toBe(0);
  });

  test('a stop date lies on or after the training\'s first day and not after today (Europe/Amsterdam)', async () => {
    const id = await grantTo(10);
    await at(`${addDays(EXCEL.startDate, 3)}T23:30`, async () => {
      const future = await grpcError(report(10, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_STOPPED, stoppedOn: toDateParts(addDays(EXCEL.startDate, 4)) }));
      expect(future.fieldViolations).toEqual([{ field: 'stopped_on', description: 'must not be after today (Europe/Amsterdam)' }]);
      const stopped = await report(10, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_STOPPED, stoppedOn: toDateParts(addDays(EXCEL.startDate, 3)) });
      expect(stopped.stoppedOn).toEqual(toDateParts(addDays(EXCEL.startDate, 3)));
    });
    expect(await reportsOf(id)).toBe(1);
  });
});

describe('handling by an officer', () => {
  const officer = bearer(COUNTER_TOKEN);
  const handle = (changeReportId: string, outcomeNote: string, metadata = officer) => call(h, h.client.handleChangeReport, { changeReportId, outcomeNote }, metadata);
  const handledOutbox = (applicationId: string) => h.portal.context.prisma.outboxEvent.count({ where: { type: 'nl.stap.portal.change_report_handled.v1', subject: applicationId } });
  const row = (id: string) => h.portal.context.prisma.changeReport.findUniqueOrThrow({ where: { id } });
  /** Every report of the officer's list with this filter, page by page. */
  async function officerList(fields: Partial<ListChangeReportsRequest>) {
    const all = [];
    let pageToken = '';
    do {
      const page = await call(h, h.client.listChangeReports, listRequest({ ...fields, page: { pageSize: 2, pageToken } }), officer);
      all.push(...page.changeReports);
      pageToken = page.page?.nextPageToken ?? '';
    } while (pageToken !== '');
    return all;
  }

  test('the queue lists RECEIVED reports oldest first by kind; handling marks one HANDLED once, ChangeReportHandled reaches the broker without BSN or note; the person sees status and date only', async () => {
    const id = await grantTo(14);
    const bsn = person(14).bsn;
    const other = { kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER };
    const first = await report(14, id, { ...other, explanation: 'Eerste melding' });
    const notStarted = await report(14, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_NOT_STARTED });
    const second = await report(14, id, { ...other, explanation: 'Tweede melding' });

    const queue = await officerList({ status: ChangeReportStatus.CHANGE_REPORT_STATUS_RECEIVED, kind: other.kind });
    expect(queue.every((r) => r.status === ChangeReportStatus.CHANGE_REPORT_STATUS_RECEIVED && r.kind === other.kind)).toBe(true);
    const reportedAt = queue.map((r) => Date.parse(r.reportedAt ?? ''));
    expect(reportedAt).toEqual([...reportedAt].sort((a, b) => a - b));
    expect(queue.map((r) => r.id).filter((r) => [first.id, notStarted.id, second.id].includes(r))).toEqual([first.id, second.id]);
    expect(JSON.stringify(queue)).not.toContain(bsn);

    const handled = await handle(first.id, '  Opleider gebeld; startdatum klopt.  ');
    expect(handled).toMatchObject({ id: first.id, status: ChangeReportStatus.CHANGE_REPORT_STATUS_HANDLED, outcomeNote: 'Opleider gebeld; startdatum klopt.', handledBy: 'officer-1' });
    expect(handled.handledAt).toBeTruthy();
    expect(await row(first.id)).toMatchObject({ status: 'HANDLED', handledBy: 'officer-1', outcomeNote: 'Opleider gebeld; startdatum klopt.' });

    const again = await grpcError(handle(first.id, 'Nog een keer'));
    expect(again.code).toBe(status.FAILED_PRECONDITION);
    expect(again.preconditionViolations.map((v) => v.type)).toEqual(['ALREADY_HANDLED']);
    expect(await row(first.id)).toMatchObject({ outcomeNote: 'Opleider gebeld; startdatum klopt.', handledAt: new Date(handled.handledAt ?? '') });
    expect(await handledOutbox(id)).toBe(1);

    const events = await waitFor(async () => {
      const mine = seen.filter((event) => event.subject === id && event.type === 'nl.stap.portal.change_report_handled.v1');
      return mine.length >= 1 ? mine : undefined;
    }, 'ChangeReportHandled on the broker', 45_000);
    expect(events.length).toBe(1);
    expect(ChangeReportHandled.decode(events[0].data)).toMatchObject({ applicationId: id, changeReportId: first.id, tijdvak: stapRef(TIJDVAK), kind: other.kind, handledAt: handled.handledAt });
    const bytes = Buffer.from(events[0].data).toString('latin1');
    expect(bytes).not.toContain(bsn);
    expect(bytes).not.toContain('Opleider gebeld');
    expect(bytes).not.toContain('officer-1');

    const stillReceived = (await officerList({ status: ChangeReportStatus.CHANGE_REPORT_STATUS_RECEIVED, kind: other.kind })).map((r) => r.id);
    expect(stillReceived).toContain(second.id);
    expect(stillReceived).not.toContain(first.id);
    expect((await officerList({ status: ChangeReportStatus.CHANGE_REPORT_STATUS_HANDLED, applicationId: id })).map((r) => r.id)).toEqual([first.id]);
    const mine = await call(h, h.client.listChangeReports, listRequest({ applicationId: id }), asPerson(bsn));
    expect(mine.changeReports.map((r) => r.id)).toEqual([second.id, notStarted.id, first.id]);
    expect(mine.changeReports[2]).toMatchObject({ status: ChangeReportStatus.CHANGE_REPORT_STATUS_HANDLED, handledAt: handled.handledAt, outcomeNote: '', handledBy: '' });
    expect(mine.changeReports[0].handledAt).toBeUndefined();
  });

  test('two officers handling the same report at once: one succeeds, the other is ALREADY_HANDLED, one event', async () => {
    const id = await grantTo(15);
    const reported = await report(15, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_TRAINING_NOT_STARTED });
    const outcomes = await Promise.allSettled([handle(reported.id, 'Door loket A'), handle(reported.id, 'Door loket B')]);
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBe(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    const error = await grpcError(Promise.reject(refused?.reason));
    expect(error.preconditionViolations.map((v) => v.type)).toEqual(['ALREADY_HANDLED']);
    expect(await handledOutbox(id)).toBe(1);
  });

  test('bad input is INVALID_ARGUMENT per field, an unknown report NOT_FOUND, a non-officer PERMISSION_DENIED or UNAUTHENTICATED; nothing changes', async () => {
    const id = await grantTo(16);
    const reported = await report(16, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: 'Vraag' });
    const fields = async (promise: Promise<unknown>) => {
      const error = await grpcError(promise);
      expect(error.code).toBe(status.INVALID_ARGUMENT);
      return error.fieldViolations.map((v) => v.field);
    };
    expect(await fields(handle('geen-nummer', ' '))).toEqual(['change_report_id', 'outcome_note']);
    expect(await fields(handle(reported.id, 'x'.repeat(1001)))).toEqual(['outcome_note']);
    expect((await grpcError(handle(randomUUID(), 'Gedaan'))).code).toBe(status.NOT_FOUND);
    expect((await grpcError(handle(reported.id, 'Gedaan', asPerson(person(16).bsn)))).code).toBe(status.PERMISSION_DENIED);
    // An officer who may read ("portal:read") but not work the counter may not handle.
    expect((await grpcError(handle(reported.id, 'Gedaan', bearer(STAFF_TOKEN)))).code).toBe(status.PERMISSION_DENIED);
    expect((await grpcError(call(h, h.client.handleChangeReport, { changeReportId: reported.id, outcomeNote: 'Gedaan' }))).code).toBe(status.UNAUTHENTICATED);
    expect(await row(reported.id)).toMatchObject({ status: 'RECEIVED', handledAt: null, handledBy: null, outcomeNote: null });
    expect(await handledOutbox(id)).toBe(0);
    // The queue's filters: an unknown status or kind is a field violation too.
    expect(await fields(call(h, h.client.listChangeReports, listRequest({ status: 99 as ChangeReportStatus, kind: 42 as ChangeReportKind }), officer))).toEqual(['status', 'kind']);
  });
});

describe('web pages', () => {
  /** One login session per person, as a browser keeps its cookie (the CSRF token is derived from it). */
  const { asBrowserOf, csrfOfSession } = pageBrowser(SECRET, () => base);
  const blank = { soort: '', email: '', stopdatum: '', startdatum: '', toelichting: '' };

  test('"Wijziging doorgeven": link, radio buttons in a fieldset, CSRF, Dutch errors per field with a summary and nothing stored, POST-redirect-GET, listed with its date', async () => {
    const id = await grantTo(11);
    const bsn = person(11).bsn;
    const overview = await asBrowserOf(bsn, '/mijn-stap-budget');
    expect(overview.body).toContain(`href="/aanvragen/${id}/wijziging"`);
    expect(overview.body).toContain('U hebt nog geen wijzigingen doorgegeven.');
    expect(overview.body).not.toContain('kan nog niet');

    const form = await asBrowserOf(bsn, `/aanvragen/${id}/wijziging`);
    expect(form.status).toBe(200);
    expect(form.body).toMatch(/<fieldset[^>]*>\s*<legend[^>]*>Wat is er veranderd\?<\/legend>/);
    for (const kind of ['CONTACT_EMAIL_CHANGED', 'TRAINING_NOT_STARTED', 'TRAINING_STOPPED', 'START_DATE_CHANGED', 'OTHER']) {
      expect(form.body).toContain(`type="radio" id="soort-${kind}" name="soort" value="${kind}"`);
      expect(form.body).toContain(`for="soort-${kind}"`);
    }
    expect(form.body).toContain('Excel &amp; &lt;Word&gt;');
    const csrf = csrfIn(form.body);
    expect(csrf).not.toBe('');

    expect((await asBrowserOf(bsn, `/aanvragen/${id}/wijziging`, { ...blank, csrf: 'vervalst', soort: 'OTHER', toelichting: 'x' })).status).toBe(403);
    const nothingChosen = await asBrowserOf(bsn, `/aanvragen/${id}/wijziging`, { ...blank, csrf });
    expect(nothingChosen.status).toBe(400);
    expect(nothingChosen.body).toContain('<a class="utrecht-link" href="#soort-CONTACT_EMAIL_CHANGED">Kies wat er is veranderd.</a>');
    const badEmail = await asBrowserOf(bsn, `/aanvragen/${id}/wijziging`, { ...blank, csrf, soort: 'CONTACT_EMAIL_CHANGED', email: 'jan<at>example' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body).toContain('role="alert"');
    expect(badEmail.body).toContain('href="#email">Vul een e-mailadres in zoals naam@voorbeeld.nl.</a>');
    expect(badEmail.body).toMatch(/id="email" name="email"[^>]*value="jan&lt;at&gt;example" aria-invalid="true" aria-describedby="email-fout"/);
    expect(badEmail.body).toContain('id="email-fout">Vul een e-mailadres in zoals naam@voorbeeld.nl.</p>');
    expect(badEmail.body).toContain('value="CONTACT_EMAIL_CHANGED" checked');
    expect(badEmail.body).not.toMatch(/at .*\.ts:\d+/);
    const early = await asBrowserOf(bsn, `/aanvragen/${id}/wijziging`, { ...blank, csrf, soort: 'TRAINING_STOPPED', stopdatum: '01-01-2020' });
    expect(early.status).toBe(400);
    expect(early.body).toContain('De datum ligt vóór de start van de opleiding');
    const tooLong = await asBrowserOf(bsn, `/aanvragen/${id}/wijziging`, { ...blank, csrf, soort: 'OTHER', toelichting: 'x'.repeat(1001) });
    expect(tooLong.body).toContain('De toelichting mag hoogstens 1000 tekens lang zijn.');
    expect(await reportsOf(id)).toBe(0);
    expect((await stored(id)).contactEmail).toBe('oud@example.nl');

    // A moved start typed the Dutch way (dd-mm-jjjj) is understood.
    const moved = addDays(EXCEL.startDate, 7);
    const [year, month, day] = moved.split('-');
    const done = await asBrowserOf(bsn, `/aanvragen/${id}/wijziging`, { ...blank, csrf, soort: 'START_DATE_CHANGED', startdatum: `${day}-${month}-${year}`, email: 'genegeerd' });
    expect(done.status).toBe(303);
    expect(done.location).toMatch(new RegExp(`^/aanvragen/${id}/wijzigingen/[0-9a-f-]{36}$`));
    const row = await h.portal.context.prisma.changeReport.findFirstOrThrow({ where: { applicationId: id } });
    expect(row).toMatchObject({ kind: 'START_DATE_CHANGED', newStartDate: moved, newEmail: null });
    const received = await asBrowserOf(bsn, done.location ?? '');
    expect(received.status).toBe(200);
    expect(received.body).toContain('Wij hebben uw wijziging over Excel &amp; &lt;Word&gt; ontvangen op');
    expect(received.body).toContain('De opleider heeft de startdatum verschoven');
    const dutch = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(row.reportedAt).replace(/\u00a0/g, ' ');
    expect(received.body).toContain(dutch);
    const listed = await asBrowserOf(bsn, '/mijn-stap-budget');
    expect(listed.body).toContain('Doorgegeven wijzigingen');
    expect(listed.body).toContain(`<td>${dutch}</td>`);
    expect((await asBrowserOf(bsn, `/aanvragen/${id}/wijziging`)).body).toContain('Eerder doorgegeven wijzigingen voor deze aanvraag');
  });

  test('someone else\'s application or report, an unknown or malformed id is the 404 page; a rejected application offers no training change and is refused in Dutch', async () => {
    const id = await grantTo(12);
    const other = person(13).bsn;
    expect((await asBrowserOf(other, `/aanvragen/${id}/wijziging`)).status).toBe(404);
    expect((await asBrowserOf(other, `/aanvragen/${id}/wijziging`, { ...blank, csrf: csrfOfSession(other), soort: 'OTHER', toelichting: 'x' })).status).toBe(404);
    expect((await asBrowserOf(other, `/aanvragen/${randomUUID()}/wijziging`)).status).toBe(404);
    expect((await asBrowserOf(other, '/aanvragen/niet-een-nummer/wijziging')).status).toBe(404);
    expect(await reportsOf(id)).toBe(0);
    const mine = await report(12, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: 'Verhuisd' });
    expect((await asBrowserOf(other, `/aanvragen/${id}/wijzigingen/${mine.id}`)).status).toBe(404);
    expect((await asBrowserOf(person(12).bsn, `/aanvragen/${id}/wijzigingen/${mine.id}`)).status).toBe(200);
    const anonymous = await fetch(`${base}/aanvragen/${id}/wijziging`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/inloggen');

    const rejected = await apply(3);
    expect(rejected.status).toBe(ApplicationStatus.APPLICATION_STATUS_REJECTED);
    const bsn = person(3).bsn;
    const form = await asBrowserOf(bsn, `/aanvragen/${rejected.id}/wijziging`);
    expect(form.body).not.toContain('value="TRAINING_STOPPED"');
    expect(form.body).toContain('value="CONTACT_EMAIL_CHANGED"');
    const refused = await asBrowserOf(bsn, `/aanvragen/${rejected.id}/wijziging`, { ...blank, csrf: csrfIn(form.body), soort: 'TRAINING_NOT_STARTED' });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('Deze aanvraag is niet (meer) toegekend.');
    expect(await reportsOf(rejected.id)).toBe(0);
  });

  test('a handled report shows "Afgehandeld op" with its date on Mijn STAP-budget and its own page, without the officer\'s note', async () => {
    const id = await grantTo(17);
    const bsn = person(17).bsn;
    const reported = await report(17, id, { kind: ChangeReportKind.CHANGE_REPORT_KIND_OTHER, explanation: 'Ik ben verhuisd' });
    expect((await asBrowserOf(bsn, '/mijn-stap-budget')).body).not.toContain('Afgehandeld op');
    expect((await asBrowserOf(bsn, `/aanvragen/${id}/wijzigingen/${reported.id}`)).body).toContain('bekijkt uw wijziging');
    await call(h, h.client.handleChangeReport, { changeReportId: reported.id, outcomeNote: 'Interne notitie: adres nagekeken' }, bearer(COUNTER_TOKEN));
    const { handledAt } = await h.portal.context.prisma.changeReport.findUniqueOrThrow({ where: { id: reported.id } });
    const dutch = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(handledAt ?? undefined).replace(/\u00a0/g, ' ');
    const overview = await asBrowserOf(bsn, '/mijn-stap-budget');
    expect(overview.body).toContain(`<td>Afgehandeld op ${dutch}</td>`);
    const own = await asBrowserOf(bsn, `/aanvragen/${id}/wijzigingen/${reported.id}`);
    expect(own.body).toContain(`<dt>Status</dt><dd>Afgehandeld op ${dutch}</dd>`);
    expect(own.body).toContain('heeft uw wijziging afgehandeld');
    expect((await asBrowserOf(bsn, `/aanvragen/${id}/wijziging`)).body).toContain(`<td>Afgehandeld op ${dutch}</td>`);
    for (const body of [overview.body, own.body]) expect(body).not.toContain('Interne notitie');
  });
});
