// The HTTP API and the pages, served by the platform's HTTP kit with this service's routes, on a real database.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHttpApp } from '@stap/platform/http';
import { parseTokenTable } from '@stap/platform/grpc';
import { createLogger } from '@stap/platform/logging';
import { migrateDatabase } from '@stap/platform/prisma/migrator';
import { createTestDatabase, type TestDatabase } from '@stap/platform/testing/infrastructure';
import { createPrismaClient, type PrismaClient } from '../src/infrastructure/prisma/client';
import { parseRouteTable } from '../src/transport/auth/actor';
import { OPENAPI_DOCUMENT, providerRoutes } from '../src/transport/http/routes';
import { ROUTES, TOKENS } from './harness';

let db: TestDatabase;
let prisma: PrismaClient;
let server: ReturnType<ReturnType<typeof createHttpApp>['listen']>;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase('registry_http');
  await migrateDatabase(db.url, path.resolve(__dirname, '../prisma/migrations'));
  prisma = createPrismaClient(db.url);
  const app = createHttpApp({
    serviceName: 'provider-registry',
    logger: createLogger({ service: 'provider-registry-test', level: 'silent' }),
    readinessChecks: [],
    openApiDocument: OPENAPI_DOCUMENT,
    routes: providerRoutes({ prisma, tokens: parseTokenTable(TOKENS), recognisingBodyRoutes: parseRouteTable(ROUTES) }),
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await prisma?.$disconnect();
  await db?.drop();
});

type Problem = { invalidParams: { name: string }[] };

const send = (method: string, url: string, token: string | undefined, body?: unknown) =>
  fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const provider = (kvkNumber: string) => ({
  kvkNumber,
  legalName: 'Taalhuis Utrecht B.V.',
  communicationName: 'Taalhuis <Utrecht>',
  contact: { email: 'info@taalhuis.nl' },
  address: { street: 'Neude', houseNumber: 11, postalCode: '3512AE', city: 'Utrecht' },
});

test('register, read, change the bank account and ask eligibility over JSON; errors are problem+json naming the field', async () => {
  const created = await send('POST', '/api/v1/providers', 'staff', provider('66666666'));
  expect(created.status).toBe(200);
  const body = (await created.json()) as { id: string };
  expect(body).toMatchObject({ kvkNumber: { value: '66666666' }, status: 'PROVIDER_STATUS_ACTIVE' });

  const duplicate = await send('POST', '/api/v1/providers', 'staff', provider('66666666'));
  expect(duplicate.status).toBe(409);
  const invalidKvk = await send('POST', '/api/v1/providers', 'staff', provider('6666'));
  expect(invalidKvk.status).toBe(400);
  expect(invalidKvk.headers.get('content-type')).toContain('application/problem+json');
  expect(((await invalidKvk.json()) as Problem).invalidParams.map((p: { name: string }) => p.name)).toEqual(['kvk_number.value']);
  const notJson = await fetch(`${base}/api/v1/providers`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer staff' }, body: '{' });
  expect(notJson.status).toBe(400);
  expect(await send('GET', `/api/v1/providers/${body.id}`, undefined)).toHaveProperty('status', 401);

  const badIban = await send('PUT', `/api/v1/providers/${body.id}/bank-account`, 'staff', { iban: 'NL00ABNA0417164300', accountHolderName: 'Taalhuis' });
  expect(badIban.status).toBe(400);
  expect(((await badIban.json()) as Problem).invalidParams[0].name).toBe('iban.value');
  const account = await send('PUT', `/api/v1/providers/${body.id}/bank-account`, 'staff', { iban: 'NL91ABNA0417164300', accountHolderName: 'Taalhuis' });
  expect(await account.json()).toMatchObject({ ibanLast4: '4300' });
  const denied = await send('PUT', `/api/v1/providers/${body.id}/bank-account`, 'provider-a', { iban: 'NL91ABNA0417164300', accountHolderName: 'X' });
  expect(denied.status).toBe(403);

  const answer = await send('GET', `/api/v1/providers/${body.id}/eligibility?regeling=STAP&date=2022-06-01`, 'partner');
  expect(await answer.json()).toMatchObject({ eligible: false, reasons: [{ code: 'ELIGIBILITY_REASON_CODE_NO_VALID_RECOGNITION' }] });
  const badDate = await send('GET', `/api/v1/providers/${body.id}/eligibility?regeling=STAP&date=gisteren`, 'partner');
  expect(badDate.status).toBe(400);

  const list = (await (await send('GET', '/api/v1/providers?name=taalhuis&pageSize=10', 'partner')).json()) as { providers: { id: string }[] };
  expect(list.providers.map((p: { id: string }) => p.id)).toEqual([body.id]);
  expect((await send('GET', '/api/v1/openapi.json', undefined)).status).toBe(200);
});

test('recognitions, status decisions and advisers over JSON, with the same authorisation as gRPC', async () => {
  const created = (await (await send('POST', '/api/v1/providers', 'staff', { ...provider('67676767'), legalName: 'Rekenhuis B.V.', communicationName: 'Rekenhuis' })).json()) as { id: string };
  const grant = { route: 'NRTO', issuingBody: 'NRTO', validPeriod: { start: '2022-01-01', end: '2022-12-31' } };
  expect((await send('POST', `/api/v1/providers/${created.id}/recognitions`, 'rio', grant)).status).toBe(403);
  const granted = (await (await send('POST', `/api/v1/providers/${created.id}/recognitions`, 'nrto', grant)).json()) as { recognitions: { id: string }[] };
  const recognitionId = granted.recognitions[0].id;
  const renewed = await send('POST', `/api/v1/providers/${created.id}/recognitions/${recognitionId}/renewal`, 'nrto', { newEnd: '2023-12-31' });
  expect(renewed.status).toBe(200);
  const revoked = await send('POST', `/api/v1/providers/${created.id}/recognitions/${recognitionId}/revocation`, 'nrto', { effectiveDate: '2023-06-01', reason: '' });
  expect(((await revoked.json()) as Problem).invalidParams.map((p) => p.name)).toEqual(['reason']);

  const decision = { reference: 'UWV-7', reason: 'Besluit na onderzoek', effectiveDate: '2022-05-01', expectedVersion: 'x' };
  expect((await send('POST', `/api/v1/providers/${created.id}/suspension`, 'staff', decision)).status).toBe(400);
  expect((await send('POST', `/api/v1/providers/${created.id}/suspension`, 'partner', { ...decision, expectedVersion: 0 })).status).toBe(403);
  const suspended = await send('POST', `/api/v1/providers/${created.id}/suspension`, 'staff', { ...decision, expectedVersion: 0 });
  expect(await suspended.json()).toMatchObject({ status: 'PROVIDER_STATUS_SUSPENDED', lastStatusDecision: { reference: 'UWV-7' } });
  expect((await send('POST', `/api/v1/providers/${created.id}/reinstatement`, 'staff', { ...decision, expectedVersion: 1 })).status).toBe(409);

  const organisation = (await (await send('POST', '/api/v1/adviser-organisations', 'staff', provider('68686868'))).json()) as { id: string };
  const adviser = { name: 'Noor Bakker', register: 'CMI', registrationNumber: 'C-77', hboLevel: true, yearsOfExperience: 1, activePeriod: { start: '2021-01-01' } };
  const junior = await send('POST', `/api/v1/adviser-organisations/${organisation.id}/career-advisers`, 'staff', adviser);
  expect(junior.status).toBe(422);
  expect(await junior.json()).toMatchObject({ code: 'TOO_LITTLE_EXPERIENCE' });
  const qualified = await send('POST', `/api/v1/adviser-organisations/${organisation.id}/career-advisers`, 'staff', { ...adviser, yearsOfExperience: 4 });
  expect(await qualified.json()).toMatchObject({ register: 'ADVISER_REGISTER_CMI', registrationNumber: 'C-77' });
});

test('the Dutch pages list and show providers, escaped, styled with NL Design System CSS', async () => {
  const list = await send('GET', '/opleiders?zoek=taalhuis', undefined);
  const html = await list.text();
  expect(list.headers.get('content-type')).toContain('text/html');
  expect(html).toContain('<html lang="nl">');
  expect(html).toContain('Taalhuis &lt;Utrecht&gt;');
  expect(html).not.toContain('Taalhuis <Utrecht>');
  const id = /href="\/opleiders\/([0-9a-f-]{36})"/.exec(html)?.[1];
  const detail = await (await send('GET', `/opleiders/${id}`, undefined)).text();
  expect(detail).toContain('<dt>KVK-nummer</dt><dd>66666666</dd>');
  expect(detail).not.toContain('0417164300');
  expect((await send('GET', '/opleiders/niet-bestaand', undefined)).status).toBe(404);
  const css = await send('GET', '/assets/utrecht.css', undefined);
  expect(css.status).toBe(200);
  expect(await css.text()).toContain('.utrecht-');
});
