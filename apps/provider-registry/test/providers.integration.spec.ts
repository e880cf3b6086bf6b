// The registry's rules over real gRPC against a real PostgreSQL database: validation, uniqueness, authorisation,
// recognitions with history, eligibility on past dates, status decisions, bank-account history, audit and outbox.
import { status } from '@grpc/grpc-js';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import { EligibilityReasonCode, ProviderStatus, RecognitionRoute, RecognitionState, type Provider } from '@stap/contracts/stap/providers/v1/providers';
import { expireRecognitions } from '../src/application/expire-recognitions';
import { bankAccountAt } from '../src/application/get-bank-account';
import { call, date, failure, KVK_A, KVK_B, outboxTypes, registration, startHarness, type Harness } from './harness';

let h: Harness;
let kvk = 40_000_000 + Math.floor(Math.random() * 1_000_000);
const nextKvk = () => String((kvk += 1));

beforeAll(async () => {
  h = await startHarness('registry_rules');
});
afterAll(() => h?.close());

const register = (kvkNumber = nextKvk()) => call(h, h.client.registerProvider, registration(kvkNumber), 'staff');
const setAccount = (providerId: string, iban: string, token: 'staff' | 'provider-a' | 'provider-b' = 'staff') =>
  call(h, h.client.changeBankAccount, { owner: { owner: { $case: 'providerId', value: providerId } }, iban: { value: iban }, accountHolderName: 'Opleider B.V.' }, token);
const grantNrto = (providerId: string, start: string, end?: string) =>
  call(h, h.client.grantRecognition, {
    providerId, route: RecognitionRoute.RECOGNITION_ROUTE_NRTO, issuingBody: 'NRTO', externalReference: 'NRTO-1',
    validPeriod: { start: date(start), end: end ? date(end) : undefined },
  }, 'nrto');
const eligibility = (providerId: string, onDate: string, regeling = RegelingCode.REGELING_CODE_STAP) =>
  call(h, h.client.checkProviderEligibility, { identifier: { $case: 'providerId', value: providerId }, regelingCode: regeling, onDate: date(onDate) }, 'partner');
const codes = (answer: { reasons: { code: EligibilityReasonCode }[] }) => answer.reasons.map((reason) => EligibilityReasonCode[reason.code].replace('ELIGIBILITY_REASON_CODE_', ''));

describe('registration', () => {
  test('an invalid KVK number is INVALID_ARGUMENT naming kvk_number.value, and nothing is stored', async () => {
    const before = await h.prisma.provider.count();
    const error = await failure(h, h.client.registerProvider, registration('1234567'), 'staff');
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['kvk_number.value']);
    expect(await h.prisma.provider.count()).toBe(before);
  });

  test('a second provider with the same KVK number is ALREADY_EXISTS', async () => {
    const kvkNumber = nextKvk();
    const first = await register(kvkNumber);
    const error = await failure(h, h.client.registerProvider, registration(kvkNumber), 'staff');
    expect(error.code).toBe(status.ALREADY_EXISTS);
    expect(error.message).toContain(first.id);
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['kvk_number.value']);
  });

  test('a provider registers itself, but not another KVK number; a partner cannot register', async () => {
    const own = await call(h, h.client.registerProvider, registration(KVK_A), 'provider-a');
    expect(own.kvkNumber?.value).toBe(KVK_A);
    expect((await failure(h, h.client.registerProvider, registration(nextKvk()), 'provider-a')).code).toBe(status.PERMISSION_DENIED);
    expect((await failure(h, h.client.registerProvider, registration(nextKvk()), 'partner')).code).toBe(status.PERMISSION_DENIED);
    expect((await failure(h, h.client.registerProvider, registration(nextKvk()), 'nobody')).code).toBe(status.UNAUTHENTICATED);
  });

  test('every change records who made it (audit) and emits its event through the outbox', async () => {
    const provider = await register();
    const audit = await h.prisma.auditRecord.findMany({ where: { aggregateId: provider.id } });
    expect(audit.map((a) => [a.action, a.actorSubject, a.actorKind])).toEqual([['REGISTERED', 'officer-1', 'staff']]);
    expect(await outboxTypes(h, provider.id)).toEqual(['nl.stap.providers.provider_registered.v1']);
  });
});

describe('authorisation of changes', () => {
  let providerB: Provider;
  beforeAll(async () => {
    providerB = await call(h, h.client.registerProvider, registration(KVK_B), 'provider-b');
  });

  test('a provider editing another provider gets PERMISSION_DENIED and changes nothing', async () => {
    const details = await failure(h, h.client.updateProviderDetails, { providerId: providerB.id, expectedVersion: '0', communicationName: 'Overgenomen', contact: undefined, address: undefined }, 'provider-a');
    expect(details.code).toBe(status.PERMISSION_DENIED);
    const account = await failure(h, h.client.changeBankAccount, {
      owner: { owner: { $case: 'providerId', value: providerB.id } }, iban: { value: 'NL91ABNA0417164300' }, accountHolderName: 'Fraudeur',
    }, 'provider-a');
    expect(account.code).toBe(status.PERMISSION_DENIED);
    const stored = await call(h, h.client.getProvider, { identifier: { $case: 'providerId', value: providerB.id } }, 'partner');
    expect(stored.communicationName).toBe(providerB.communicationName);
    expect(stored.bankAccount).toBeUndefined();
  });

  test('the provider changes its own details; a stale expected_version is ABORTED', async () => {
    const changed = await call(h, h.client.updateProviderDetails, { providerId: providerB.id, expectedVersion: providerB.version, communicationName: 'B Academie', contact: undefined, address: undefined }, 'provider-b');
    expect(changed.communicationName).toBe('B Academie');
    expect(BigInt(changed.version)).toBe(BigInt(providerB.version) + 1n);
    const stale = await failure(h, h.client.updateProviderDetails, { providerId: providerB.id, expectedVersion: providerB.version, communicationName: 'X', contact: undefined, address: undefined }, 'provider-b');
    expect(stale.code).toBe(status.ABORTED);
    expect(await outboxTypes(h, providerB.id)).toContain('nl.stap.providers.provider_details_changed.v1');
  });

  test('a partner reads with its read scope but cannot change anything', async () => {
    expect((await call(h, h.client.getProvider, { identifier: { $case: 'kvkNumber', value: { value: KVK_B } } }, 'partner')).id).toBe(providerB.id);
    const suspend = await failure(h, h.client.suspendProvider, {
      providerId: providerB.id, expectedVersion: '0', decision: { reference: 'X', reason: 'Y', decidedOn: undefined }, effectiveDate: date('2022-05-01'),
    }, 'partner');
    expect(suspend.code).toBe(status.PERMISSION_DENIED);
  });

  test('a recognising body grants only its own route', async () => {
    const error = await failure(h, h.client.grantRecognition, {
      providerId: providerB.id, route: RecognitionRoute.RECOGNITION_ROUTE_OCW_RIO, issuingBody: 'DUO/RIO', externalReference: '',
      validPeriod: { start: date('2022-01-01'), end: undefined },
    }, 'nrto');
    expect(error.code).toBe(status.PERMISSION_DENIED);
    const granted = await grantNrto(providerB.id, '2022-01-01', '2024-12-31');
    const recognitionId = granted.recognitions[0].id;
    const revokeByOther = await failure(h, h.client.revokeRecognition, { providerId: providerB.id, recognitionId, effectiveDate: date('2022-06-01'), reason: 'x' }, 'rio');
    expect(revokeByOther.code).toBe(status.PERMISSION_DENIED);
    const audit = await h.prisma.auditRecord.findFirst({ where: { aggregateId: recognitionId } });
    expect(audit?.actorSubject).toBe('nrto-feed');
  });
});

describe('recognitions and eligibility on any date', () => {
  test('eligible only inside the recognition period: before, inside and after', async () => {
    const provider = await register();
    await setAccount(provider.id, 'NL91ABNA0417164300');
    const withRecognition = await grantNrto(provider.id, '2022-03-01', '2022-12-31');
    expect(withRecognition.recognitions).toHaveLength(1);

    const before = await eligibility(provider.id, '2022-02-28');
    expect(before.eligible).toBe(false);
    expect(codes(before)).toEqual(['NO_VALID_RECOGNITION']);
    const inside = await eligibility(provider.id, '2022-06-15');
    expect(inside.eligible).toBe(true);
    expect(codes(inside)).toEqual(['RECOGNISED']);
    expect(inside.reasons[0].recognitionId).toBe(withRecognition.recognitions[0].id);
    expect(inside.rulesVersion).toBe('STAP/2022.1');
    const lastDay = await eligibility(provider.id, '2022-12-31');
    expect(lastDay.eligible).toBe(true);
    const after = await eligibility(provider.id, '2023-01-01');
    expect(after.eligible).toBe(false);
    expect(codes(after)).toEqual(['NO_VALID_RECOGNITION']);
  });

  test('from September 2023 STAP accepts only OCW/RIO: an NRTO provider gets ROUTE_NOT_ACCEPTED', async () => {
    const provider = await register();
    await setAccount(provider.id, 'NL91ABNA0417164300');
    await grantNrto(provider.id, '2022-01-01', '2025-12-31');
    expect((await eligibility(provider.id, '2023-08-31')).eligible).toBe(true);
    const september = await eligibility(provider.id, '2023-09-01');
    expect(september.eligible).toBe(false);
    expect(codes(september)).toEqual(['ROUTE_NOT_ACCEPTED']);
    const advice = await eligibility(provider.id, '2022-06-01', RegelingCode.REGELING_CODE_NLLD_ONTWIKKELADVIES);
    expect(codes(advice)).toEqual(['REGELING_NOT_APPLICABLE']);
  });

  test('without a bank account the provider cannot be paid, so it is not eligible', async () => {
    const provider = await register();
    await grantNrto(provider.id, '2022-01-01');
    const answer = await eligibility(provider.id, '2022-06-01');
    expect(answer.eligible).toBe(false);
    expect(codes(answer)).toEqual(['RECOGNISED', 'NO_BANK_ACCOUNT']);
  });

  test('renewal extends the period and keeps its history; revocation counts from its effective date; past dates keep their answer', async () => {
    const provider = await register();
    await setAccount(provider.id, 'NL91ABNA0417164300');
    const granted = await grantNrto(provider.id, '2022-01-01', '2022-06-30');
    const recognitionId = granted.recognitions[0].id;
    const overlapping = await failure(h, h.client.grantRecognition, {
      providerId: provider.id, route: RecognitionRoute.RECOGNITION_ROUTE_NRTO, issuingBody: 'NRTO', externalReference: '',
      validPeriod: { start: date('2022-03-01'), end: undefined },
    }, 'nrto');
    expect(overlapping.code).toBe(status.ALREADY_EXISTS);

    const renewed = await call(h, h.client.renewRecognition, { providerId: provider.id, recognitionId, newEnd: date('2023-06-30') }, 'nrto');
    expect(renewed.recognitions[0].validPeriod?.end).toEqual(date('2023-06-30'));
    const shorter = await failure(h, h.client.renewRecognition, { providerId: provider.id, recognitionId, newEnd: date('2022-05-01') }, 'nrto');
    expect(shorter.fieldViolations.map((v) => v.field)).toEqual(['new_end']);

    const noReason = await failure(h, h.client.revokeRecognition, { providerId: provider.id, recognitionId, effectiveDate: date('2022-10-01'), reason: ' ' }, 'nrto');
    expect(noReason.code).toBe(status.INVALID_ARGUMENT);
    expect(noReason.fieldViolations.map((v) => v.field)).toEqual(['reason']);
    const revoked = await call(h, h.client.revokeRecognition, { providerId: provider.id, recognitionId, effectiveDate: date('2022-10-01'), reason: 'Keurmerk ingetrokken' }, 'nrto');
    expect(revoked.recognitions[0].state).toBe(RecognitionState.RECOGNITION_STATE_REVOKED);
    expect(revoked.recognitions[0].revocation?.reason).toBe('Keurmerk ingetrokken');
    expect((await eligibility(provider.id, '2022-09-30')).eligible).toBe(true);
    expect(codes(await eligibility(provider.id, '2022-10-01'))).toEqual(['NO_VALID_RECOGNITION']);
    const again = await failure(h, h.client.revokeRecognition, { providerId: provider.id, recognitionId, effectiveDate: date('2022-11-01'), reason: 'x' }, 'nrto');
    expect(again.code).toBe(status.FAILED_PRECONDITION);

    const history = await h.prisma.recognitionChange.findMany({ where: { recognitionId }, orderBy: { seq: 'asc' } });
    expect(history.map((c) => c.kind)).toEqual(['GRANTED', 'RENEWED', 'REVOKED']);
    expect(await outboxTypes(h, provider.id)).toEqual([
      'nl.stap.providers.provider_registered.v1',
      'nl.stap.providers.bank_account_changed.v1',
      'nl.stap.providers.recognition_granted.v1',
      'nl.stap.providers.recognition_renewed.v1',
      'nl.stap.providers.recognition_revoked.v1',
    ]);
  });

  test('a malformed period is INVALID_ARGUMENT naming the field', async () => {
    const provider = await register();
    const error = await failure(h, h.client.grantRecognition, {
      providerId: provider.id, route: RecognitionRoute.RECOGNITION_ROUTE_NRTO, issuingBody: 'NRTO', externalReference: '',
      validPeriod: { start: date('2022-05-01'), end: date('2022-04-30') },
    }, 'nrto');
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.fieldViolations.map((v) => v.field)).toEqual(['valid_period.end']);
    const noStart = await failure(h, h.client.grantRecognition, {
      providerId: provider.id, route: RecognitionRoute.RECOGNITION_ROUTE_NRTO, issuingBody: 'NRTO', externalReference: '', validPeriod: undefined,
    }, 'nrto');
    expect(noStart.fieldViolations.map((v) => v.field)).toEqual(['valid_period.start']);
  });

  test('the expiry sweep declares a recognition expired the day after its end, once, with RecognitionExpired', async () => {
    const provider = await register();
    const granted = await grantNrto(provider.id, '2021-01-01', '2021-12-31');
    const recognitionId = granted.recognitions[0].id;
    await expireRecognitions(h.prisma, '2021-12-31');
    expect((await h.prisma.recognition.findUniqueOrThrow({ where: { id: recognitionId } })).expiredAt).toBeNull();
    await expireRecognitions(h.prisma, '2022-01-01');
    await expireRecognitions(h.prisma, '2022-01-02');
    expect((await h.prisma.recognition.findUniqueOrThrow({ where: { id: recognitionId } })).expiredAt).not.toBeNull();
    const expired = (await outboxTypes(h, provider.id)).filter((type) => type === 'nl.stap.providers.recognition_expired.v1');
    expect(expired).toHaveLength(1);
    const read = await call(h, h.client.getProvider, { identifier: { $case: 'providerId', value: provider.id } }, 'partner');
    expect(read.recognitions[0].state).toBe(RecognitionState.RECOGNITION_STATE_EXPIRED);
  });
});

describe('status decisions', () => {
  test('an investigation alone does not block; a suspension by decision does, from its effective date; reinstatement lifts it', async () => {
    const provider = await register();
    await setAccount(provider.id, 'NL91ABNA0417164300');
    await grantNrto(provider.id, '2022-01-01', '2023-12-31');
    const investigated = await call(h, h.client.openInvestigation, { providerId: provider.id, expectedVersion: '0', caseReference: 'ONDERZOEK-1' }, 'staff');
    expect(investigated.status).toBe(ProviderStatus.PROVIDER_STATUS_UNDER_INVESTIGATION);

    const noReason = await failure(h, h.client.suspendProvider, {
      providerId: provider.id, expectedVersion: '0', decision: { reference: 'UWV-1', reason: '', decidedOn: undefined }, effectiveDate: date('2022-07-01'),
    }, 'staff');
    expect(noReason.code).toBe(status.INVALID_ARGUMENT);
    expect(noReason.fieldViolations.map((v) => v.field)).toEqual(['decision.reason']);

    const suspended = await call(h, h.client.suspendProvider, {
      providerId: provider.id, expectedVersion: investigated.version, decision: { reference: 'UWV-1', reason: 'Onjuiste facturen', decidedOn: date('2022-06-20') },
      effectiveDate: date('2022-07-01'),
    }, 'staff');
    expect(suspended.status).toBe(ProviderStatus.PROVIDER_STATUS_SUSPENDED);
    expect(suspended.lastStatusDecision?.reference).toBe('UWV-1');
    await call(h, h.client.reinstateProvider, {
      providerId: provider.id, expectedVersion: '0', decision: { reference: 'UWV-2', reason: 'Bezwaar gegrond', decidedOn: undefined }, effectiveDate: date('2022-09-01'),
    }, 'staff');

    // Opened "today", which lies after these dates: on those days the provider was active or suspended, and the
    // investigation itself never appears as a blocking reason.
    const beforeSuspension = await eligibility(provider.id, '2022-06-30');
    expect(beforeSuspension.eligible).toBe(true);
    const during = await eligibility(provider.id, '2022-08-15');
    expect(during.eligible).toBe(false);
    expect(codes(during)).toEqual(['SUSPENDED', 'RECOGNISED']);
    expect((await eligibility(provider.id, '2022-09-01')).eligible).toBe(true);
    expect(await outboxTypes(h, provider.id)).toEqual(expect.arrayContaining([
      'nl.stap.providers.provider_investigation_opened.v1', 'nl.stap.providers.provider_suspended.v1', 'nl.stap.providers.provider_reinstated.v1',
    ]));
    const reinstateAgain = await failure(h, h.client.reinstateProvider, {
      providerId: provider.id, expectedVersion: '0', decision: { reference: 'UWV-3', reason: 'x', decidedOn: undefined }, effectiveDate: date('2022-10-01'),
    }, 'staff');
    expect(reinstateAgain.code).toBe(status.FAILED_PRECONDITION);
  });
});

describe('investigation closing and ending a registration', () => {
  test('closing an investigation returns the provider to ACTIVE; the provider may end its own registration, after which nothing changes', async () => {
    const provider = await call(h, h.client.getProvider, { identifier: { $case: 'kvkNumber', value: { value: KVK_B } } }, 'provider-b');
        const opened = await call(h, h.client.openInvestigation, { providerId: provider.id, expectedVersion: '0', caseReference: 'ONDERZOEK-3' }, 'staff');
    const closed = await call(h, h.client.closeInvestigation, { providerId: provider.id, expectedVersion: opened.version, caseReference: 'ONDERZOEK-3', outcome: 'Geen onregelmatigheden' }, 'staff');
    expect(closed.status).toBe(ProviderStatus.PROVIDER_STATUS_ACTIVE);
    const closeAgain = await failure(h, h.client.closeInvestigation, { providerId: provider.id, expectedVersion: '0', caseReference: 'ONDERZOEK-3', outcome: 'x' }, 'staff');
    expect(closeAgain.code).toBe(status.FAILED_PRECONDITION);

    const otherEnds = await failure(h, h.client.endProvider, { providerId: provider.id, expectedVersion: '0', endDate: date('2022-10-31'), reason: 'Opgeheven' }, 'provider-a');
    expect(otherEnds.code).toBe(status.PERMISSION_DENIED);
    const ended = await call(h, h.client.endProvider, { providerId: provider.id, expectedVersion: '0', endDate: date('2022-10-31'), reason: 'Uitgeschreven uit het Handelsregister' }, 'provider-b');
    expect(ended.status).toBe(ProviderStatus.PROVIDER_STATUS_ENDED);
    expect(codes(await eligibility(provider.id, '2022-10-30'))).not.toContain('ENDED');
    const after = await eligibility(provider.id, '2022-10-31');
    expect(after.eligible).toBe(false);
    expect(codes(after)).toContain('ENDED');
    const grantAfterEnd = await failure(h, h.client.grantRecognition, {
      providerId: provider.id, route: RecognitionRoute.RECOGNITION_ROUTE_NRTO, issuingBody: 'Andere NRTO-auditor', externalReference: '',
      validPeriod: { start: date('2023-01-01'), end: undefined },
    }, 'nrto');
    expect(grantAfterEnd.code).toBe(status.FAILED_PRECONDITION);
    const detailsAfterEnd = await failure(h, h.client.updateProviderDetails, { providerId: provider.id, expectedVersion: '0', communicationName: 'Nieuw', contact: undefined, address: undefined }, 'provider-b');
    expect(detailsAfterEnd.code).toBe(status.FAILED_PRECONDITION);
    expect(await outboxTypes(h, provider.id)).toEqual(expect.arrayContaining([
      'nl.stap.providers.provider_investigation_closed.v1', 'nl.stap.providers.provider_ended.v1',
    ]));
  });
});

describe('bank accounts', () => {
  test('an invalid IBAN is INVALID_ARGUMENT naming iban.value', async () => {
    const provider = await register();
    const error = await failure(h, h.client.changeBankAccount, {
      owner: { owner: { $case: 'providerId', value: provider.id } }, iban: { value: 'NL91ABNA0417164301' }, accountHolderName: 'X B.V.',
    }, 'staff');
    expect(error.code).toBe(status.INVALID_ARGUMENT);
    expect(error.fieldViolations).toEqual([{ field: 'iban.value', description: 'fails the ISO 13616 mod-97 check' }]);
    expect(await h.prisma.bankAccount.count({ where: { providerId: provider.id } })).toBe(0);
  });

  test('a change does not alter the account of payments created before it, and is audited', async () => {
    const provider = await call(h, h.client.getProvider, { identifier: { $case: 'kvkNumber', value: { value: KVK_A } } }, 'provider-a');
    const first = await setAccount(provider.id, 'NL91 ABNA 0417 1643 00', 'provider-a');
    const paymentCreatedAt = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await setAccount(provider.id, 'NL20INGB0001234567', 'provider-a');
    expect(second.accountReference).not.toBe(first.accountReference);

    const oldAccount = await call(h, h.client.getBankAccount, { accountReference: first.accountReference }, 'payment');
    expect(oldAccount.iban?.value).toBe('NL91ABNA0417164300');
    expect(oldAccount.current).toBe(false);
    const payer = { subject: 'payment-service', kind: 'service' as const, scopes: ['providers:bank-accounts:read'] };
    expect((await bankAccountAt(h.prisma, { providerId: provider.id }, paymentCreatedAt, payer)).iban).toBe('NL91ABNA0417164300');
    expect((await bankAccountAt(h.prisma, { providerId: provider.id }, new Date(), payer)).iban).toBe('NL20INGB0001234567');
    const read = await call(h, h.client.getProvider, { identifier: { $case: 'providerId', value: provider.id } }, 'partner');
    expect(read.bankAccount).toMatchObject({ accountReference: second.accountReference, ibanLast4: '4567' });
    expect((await failure(h, h.client.getBankAccount, { accountReference: first.accountReference }, 'partner')).code).toBe(status.PERMISSION_DENIED);

    const audit = await h.prisma.auditRecord.findMany({ where: { aggregateId: { in: [first.accountReference, second.accountReference] } }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorSubject])).toEqual(expect.arrayContaining([
      ['BANK_ACCOUNT_CHANGED', 'user-a'], ['BANK_ACCOUNT_CHANGED', 'user-a'], ['READ', 'payment-service'],
    ]));
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('0417164300');
  });
});

describe('listing', () => {
  test('pages through providers with filters; a token used with other filters is INVALID_ARGUMENT', async () => {
    const marker = `Lijsttest${Date.now()}`;
    for (let i = 0; i < 5; i += 1) await call(h, h.client.registerProvider, registration(nextKvk(), `${marker} ${i}`), 'staff');
    const first = await call(h, h.client.listProviders, { page: { pageSize: 2, pageToken: '' }, statuses: [], recognitionRoutes: [], recognitionValidOn: undefined, nameContains: marker.toLowerCase() }, 'partner');
    expect(first.providers.map((p) => p.communicationName)).toEqual([`${marker} 0`, `${marker} 1`]);
    expect(first.page?.totalSize).toBe('5');
    const second = await call(h, h.client.listProviders, { page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' }, statuses: [], recognitionRoutes: [], recognitionValidOn: undefined, nameContains: marker.toLowerCase() }, 'partner');
    expect(second.providers.map((p) => p.communicationName)).toEqual([`${marker} 2`, `${marker} 3`]);
    const wrong = await failure(h, h.client.listProviders, { page: { pageSize: 2, pageToken: first.page?.nextPageToken ?? '' }, statuses: [], recognitionRoutes: [], recognitionValidOn: undefined, nameContains: 'other' }, 'partner');
    expect(wrong.fieldViolations.map((v) => v.field)).toEqual(['page.page_token']);

    const recognised = await call(h, h.client.listProviders, {
      page: undefined, statuses: [ProviderStatus.PROVIDER_STATUS_ACTIVE], recognitionRoutes: [RecognitionRoute.RECOGNITION_ROUTE_NRTO],
      recognitionValidOn: date('2022-06-15'), nameContains: '',
    }, 'partner');
    expect(recognised.providers.length).toBeGreaterThan(0);
    for (const p of recognised.providers) expect(p.recognitions.some((r) => r.route === RecognitionRoute.RECOGNITION_ROUTE_NRTO)).toBe(true);
  });
});
