// NL Leert Door scholing on the real database: the wrong applicant type for a tijdvak is refused, partnerships
// show co-financing, concurrent grants never exceed the tijdvak budget, only granted offerings appear in the
// catalogue, and decisions are outbox events for payment.
import { decideScholingApplication, listCatalogue, submitScholingApplication, type ActivityInput, type ScholingApplicationInput } from '../src/application/scholing-applications';
import { knownProvider, registerFixture, type RegisterFixture } from './register-fixture';
import type { Actor } from '../src/application/actor';

let f: RegisterFixture;
beforeAll(async () => void (f = await registerFixture('sr_scholing')));
afterAll(() => f.close());

const officer: Actor = { subject: 'officer-1', scopes: ['register:scholing:decide'] };
const OCTOBER_2020 = new Date('2020-10-05T09:00:00Z'); // tijdvak NLLD_SCHOLING-2020-10: providers and collectives, €17M
const NOVEMBER_2020 = new Date('2020-11-05T09:00:00Z'); // tijdvak NLLD_SCHOLING-2020-11: partnerships, €17M

const activity = (title: string, overrides: Partial<ActivityInput> = {}): ActivityInput => ({
  title, description: 'Korte module met certificaat', category: 'SCHOLING_CATEGORY_C', contributionCents: 110_000, plannedParticipants: 1_000,
  nlqfLevel: 'NLQF_LEVEL_3', deliveryMode: 'DELIVERY_MODE_ONLINE_LIVE', sector: 'SECTOR_ICT', leadsToCertificate: true, guidance: 'coach per groep', providerId: '', ...overrides,
});

function application(providerId: string, overrides: Partial<ScholingApplicationInput> = {}): ScholingApplicationInput {
  return { tijdvakId: 'NLLD_SCHOLING-2020-10', applicantType: 'SCHOLING_APPLICANT_TYPE_PROVIDER', leadProviderId: providerId, memberProviderIds: [], partners: [], offeringName: 'Digitale vaardigheden', activities: [activity('Programmeren')], ...overrides };
}

it('refuses an applicant type the tijdvak does not admit, a partnership without co-financing, and a contribution outside its category', async () => {
  const { providerId, actor } = await knownProvider(f.prisma);
  await expect(submitScholingApplication(f.prisma, actor, application(providerId, { applicantType: 'SCHOLING_APPLICANT_TYPE_PARTNERSHIP', partners: [{ name: 'O&O ICT', kvkNumber: '12345678', kind: 'PARTNER_KIND_OO_FUND', coFinancingCents: 500_000 }] }), OCTOBER_2020))
    .rejects.toMatchObject({ kind: 'precondition', reason: 'APPLICANT_TYPE_NOT_ALLOWED' });
  await expect(submitScholingApplication(f.prisma, actor, application(providerId), new Date('2020-10-20T10:00:00Z')))
    .rejects.toMatchObject({ kind: 'precondition', reason: 'TIJDVAK_CLOSED' });
  await expect(submitScholingApplication(f.prisma, actor, application(providerId, { tijdvakId: 'NLLD_SCHOLING-2020-11', applicantType: 'SCHOLING_APPLICANT_TYPE_PARTNERSHIP', partners: [{ name: 'Branche', kvkNumber: '12345678', kind: 'PARTNER_KIND_TRADE_ASSOCIATION', coFinancingCents: 0 }] }), NOVEMBER_2020))
    .rejects.toMatchObject({ kind: 'invalid', violations: [{ field: 'partners', description: 'a partnership needs at least one partner with co-financing' }] });
  await expect(submitScholingApplication(f.prisma, actor, application(providerId, { activities: [activity('Te duur', { category: 'SCHOLING_CATEGORY_A', contributionCents: 40_000 })] }), OCTOBER_2020))
    .rejects.toMatchObject({ kind: 'invalid', violations: [{ field: 'activities[0]' }] });
  expect(await f.prisma.scholingApplication.count({ where: { leadProviderId: providerId } })).toBe(0);

  const partnership = await submitScholingApplication(f.prisma, actor, application(providerId, { tijdvakId: 'NLLD_SCHOLING-2020-11', applicantType: 'SCHOLING_APPLICANT_TYPE_PARTNERSHIP', partners: [{ name: 'O&O ICT', kvkNumber: '12345678', kind: 'PARTNER_KIND_OO_FUND', coFinancingCents: 2_500_000 }] }), NOVEMBER_2020);
  expect(await f.prisma.scholingApplication.findUnique({ where: { id: partnership } })).toMatchObject({ coFinancingCents: 2_500_000, status: 'SUBMITTED', receiptSequence: 1 });
});

it('concurrent grants never exceed the tijdvak budget; only granted offerings are in the catalogue; decisions are events', async () => {
  const { providerId, actor } = await knownProvider(f.prisma);
  const ids: string[] = [];
  // 20 applications of €1.1M each (1,000 participants x €1,100, category C) against the €17M ceiling.
  for (let i = 0; i < 20; i += 1) ids.push(await submitScholingApplication(f.prisma, actor, application(providerId, { offeringName: `Aanbod ${i}`, activities: [activity(`Module ${i}`)] }), OCTOBER_2020));
  const outcomes = await Promise.allSettled(ids.map((id) => decideScholingApplication(f.prisma, officer, id, { granted: true, grantedActivityIds: [], reasons: [], decisionReference: `B-${id.slice(0, 8)}` }, OCTOBER_2020)));
  const granted = outcomes.filter((o) => o.status === 'fulfilled');
  const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason);
  expect(granted).toHaveLength(15);
  expect(refused.map((error) => error.reason ?? String(error))).toEqual(Array(5).fill('CEILING_REACHED'));
  const budget = await f.prisma.scholingTijdvakBudget.findUniqueOrThrow({ where: { tijdvakId: 'NLLD_SCHOLING-2020-10' } });
  expect(budget.grantedCents).toBe(15n * 110_000_000n);
  expect(budget.grantedCents <= budget.ceilingCents).toBe(true);

  const rejectedId = ids.find((id, index) => outcomes[index].status === 'rejected') as string;
  await decideScholingApplication(f.prisma, officer, rejectedId, { granted: false, grantedActivityIds: [], reasons: ['SCHOLING_REJECTION_REASON_CEILING_REACHED'], decisionReference: 'B-afwijzing' }, OCTOBER_2020);
  await expect(decideScholingApplication(f.prisma, officer, rejectedId, { granted: true, grantedActivityIds: [], reasons: [], decisionReference: 'B-2' })).rejects.toMatchObject({ reason: 'ALREADY_DECIDED' });
  await expect(decideScholingApplication(f.prisma, actor, ids[0], { granted: true, grantedActivityIds: [], reasons: [], decisionReference: 'B-3' })).rejects.toMatchObject({ kind: 'forbidden' });

  const catalogue = await listCatalogue(f.prisma, { query: 'module' }, 0, 500);
  const titles = new Set(catalogue.map((a) => a.title));
  expect(titles.size).toBe(15);
  const grantedTitles = ids.map((id, index) => (outcomes[index].status === 'fulfilled' ? `Module ${index}` : null)).filter(Boolean);
  expect([...titles].sort()).toEqual([...grantedTitles].sort());

  const decided = await f.prisma.outboxEvent.findMany({ where: { type: 'nl.stap.register.scholing_application_decided.v1', subject: { in: ids } } });
  expect(decided).toHaveLength(16);
});
