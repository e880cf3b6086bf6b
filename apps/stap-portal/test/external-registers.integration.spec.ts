// The external registers' batch reads, over real gRPC against the local stand-in: the portal's client sends the
// reads of applications that arrive together as one BatchGet… call per register, and every applicant must still get
// exactly their own answer, in any mix of found, not found (a fact: PERSON_NOT_ELIGIBLE) and invalid.
import { credentials, Metadata, status } from '@grpc/grpc-js';
import pino from 'pino';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { PersonalRecordsServiceClient } from '@stap/contracts/stap/external/v1/external';
import { callUnary, startGrpcServer, withDeadline, type RunningGrpcServer } from '@stap/platform/grpc';
import { getRegeling } from '@stap/regelingen';
import { externalRegistersClient, type ExternalRegisters } from '../src/infrastructure/external/registers-client';
import { standInRegisterServices } from '../src/infrastructure/external/stand-in-server';
import { syntheticBsns, syntheticPersons } from '../src/infrastructure/external/test-persons';

const persons = syntheticPersons(41).map((person, i) => (i === 40 ? { ...person, studentFinance: true } : person));
const unknown = syntheticBsns(10, 1_000);
const versions = getRegeling('STAP').versions;
const rules = versions[versions.length - 1];
let server: RunningGrpcServer;
let registers: ExternalRegisters;

beforeAll(async () => {
  const kit = { logger: pino({ level: 'silent' }), authenticate: async () => ({ subject: 'test', kind: 'service' as const, scopes: [] }) };
  server = await startGrpcServer({ services: standInRegisterServices(kit, persons) }, 0, '127.0.0.1');
  server.setServing(true);
  registers = externalRegistersClient(`127.0.0.1:${server.port}`);
});

afterAll(async () => {
  registers?.close();
  await server?.shutdown(1_000);
});

test('reads asked together each get their own answer: found, not found, student finance', async () => {
  const bsns = [...persons.map((p) => p.bsn), ...unknown].sort();
  const facts = await Promise.all(bsns.map((bsn) => registers.personFacts(bsn, '2026-11-23', '2026-11-01', rules)));
  bsns.forEach((bsn, i) => {
    const person = persons.find((p) => p.bsn === bsn);
    if (!person) return expect(facts[i].found).toBe(false);
    expect(facts[i]).toMatchObject({ found: true, birthDate: person.birthDate, surname: person.surname, initials: person.initials });
    expect(facts[i].receives).toEqual(person.studentFinance ? ['STUDIEFINANCIERING'] : []);
  });
});

test('a failed read fails alone in its result; the others in the same call are answered', async () => {
  const client = new PersonalRecordsServiceClient(`127.0.0.1:${server.port}`, credentials.createInsecure());
  const context = { regelingCode: RegelingCode.REGELING_CODE_STAP, caseReference: 'test' };
  const onDate = { year: 2026, month: 11, day: 23 };
  const answer = await callUnary(client, client.batchGetPersonRecords, {
    requests: [{ bsn: { value: persons[0].bsn }, onDate, context }, { bsn: { value: unknown[0] }, onDate, context }, { bsn: { value: '123' }, onDate, context }],
  }, new Metadata(), withDeadline(5_000));
  client.close();
  expect(answer.results.map((r) => r.result?.$case)).toEqual(['record', 'error', 'error']);
  expect(answer.results[0].result?.$case === 'record' && answer.results[0].result.value.surname).toBe(persons[0].surname);
  expect(answer.results.slice(1).map((r) => (r.result?.$case === 'error' ? r.result.value.code : undefined))).toEqual([status.NOT_FOUND, status.INVALID_ARGUMENT]);
});
