// NL Leert Door scholing: providers, collectives and partnerships apply in a tijdvak for an offering of activities
// with a fixed contribution per participant by category (A/B/C); the executor decides in order of receipt; a grant
// never takes the tijdvak over its budget (one conditional UPDATE, atomic under concurrency); granted activities
// appear in the public catalogue; each decision is an event for payment. Source: DOMAIN.md §2.5; seeds 000-004.
import { randomUUID } from 'node:crypto';
import { assessScholingApplication, getTijdvak } from '@stap/regelingen';
import { invalid, notFoundError, preconditionFailed, type Violation } from '@stap/platform/errors';
import { scholingApplicantTypeFromJSON, scholingRejectionReasonFromJSON, ScholingRejectionReason } from '@stap/contracts/stap/register/v1/register';
import { RegelingCode } from '@stap/contracts/stap/common/v1/common';
import type { PrismaClient, TransactionClient } from '../infrastructure/prisma/client';
import { emit, scholingEvents } from '../infrastructure/messaging/register-events';
import { APPLICANT_TYPES, CATEGORIES, checkComposition, coFinancingCents, type CategoryName, type PartnerInput, type ScholingApplicantType } from '../domain/scholing';
import { DELIVERY_MODES, NLQF_LEVELS, SECTORS } from '../domain/training';
import { requireProviderActor, requireScope, SCOPES, type Actor } from './actor';

export interface ActivityInput {
  title: string;
  description: string;
  category: string;
  contributionCents: number;
  plannedParticipants: number;
  nlqfLevel: string;
  deliveryMode: string;
  sector: string;
  leadsToCertificate: boolean;
  guidance: string;
  /** The provider that gives it; the lead when empty. */
  providerId: string;
}

export interface ScholingApplicationInput {
  tijdvakId: string;
  applicantType: string;
  leadProviderId: string;
  memberProviderIds: string[];
  partners: PartnerInput[];
  offeringName: string;
  activities: ActivityInput[];
}

function checkActivities(activities: ActivityInput[]): Violation[] {
  return activities.flatMap((activity, index) => {
    const at = (field: string) => `activities[${index}].${field}`;
    const v: Violation[] = [];
    if (!activity.title?.trim()) v.push({ field: at('title'), description: 'is required' });
    if (!(activity.category in CATEGORIES)) v.push({ field: at('category'), description: `must be one of ${Object.keys(CATEGORIES).join(', ')}` });
    if (!NLQF_LEVELS.includes(activity.nlqfLevel as never)) v.push({ field: at('nlqf_level'), description: 'is not a known NLQF level' });
    if (!DELIVERY_MODES.includes(activity.deliveryMode as never)) v.push({ field: at('delivery_mode'), description: 'is not a known delivery mode' });
    if (!SECTORS.includes(activity.sector as never)) v.push({ field: at('sector'), description: 'is not a known sector' });
    return v;
  });
}

/** The budget row of a tijdvak, created from libs/regelingen's ceiling the first time it is needed. */
async function ensureBudget(tx: TransactionClient, tijdvakId: string, ceilingCents: number): Promise<void> {
  await tx.$executeRaw`INSERT INTO scholing_tijdvak_budget (tijdvak_id, ceiling_cents) VALUES (${tijdvakId}, ${ceilingCents}) ON CONFLICT DO NOTHING`;
}

export async function submitScholingApplication(prisma: PrismaClient, actor: Actor, input: ScholingApplicationInput, now = new Date()): Promise<string> {
  const tijdvak = getTijdvak(input.tijdvakId);
  const violations: Violation[] = [];
  if (!tijdvak || tijdvak.regeling !== 'NLLD_SCHOLING') violations.push({ field: 'tijdvak.tijdvak_id', description: 'is not an NL Leert Door scholing tijdvak' });
  if (!input.offeringName?.trim()) violations.push({ field: 'offering_name', description: 'is required' });
  violations.push(...checkComposition(input), ...checkActivities(input.activities));
  if (violations.length > 0 || !tijdvak) throw invalid(violations);
  const assessment = assessScholingApplication({
    tijdvak,
    submittedAt: now,
    applicantType: APPLICANT_TYPES[input.applicantType as ScholingApplicantType],
    activities: input.activities.map((a) => ({ category: CATEGORIES[a.category as CategoryName], contributionCents: a.contributionCents, participants: a.plannedParticipants })),
  });
  const activityReasons = assessment.reasons.filter((r) => r === 'NO_ACTIVITIES' || r === 'CONTRIBUTION_OUTSIDE_CATEGORY_RANGE' || r === 'INVALID_PARTICIPANT_COUNT');
  if (activityReasons.length > 0) {
    throw invalid([
      ...(activityReasons.includes('NO_ACTIVITIES') ? [{ field: 'activities', description: 'at least one activity is required' }] : []),
      ...assessment.rejectedActivities.map((index) => ({ field: `activities[${index}]`, description: 'contribution outside the category range, or no participants' })),
    ]);
  }
  if (!assessment.eligible) throw preconditionFailed(`the application cannot be accepted: ${assessment.reasons.join(', ')}`, assessment.reasons[0]);
  return prisma.$transaction(async (tx) => {
    await requireProviderActor(tx, actor, input.leadProviderId);
    const members = await tx.providerProjection.count({ where: { providerId: { in: input.memberProviderIds } } });
    if (members !== new Set(input.memberProviderIds).size) throw notFoundError('a member provider is not known to the register');
    // A tijdvak without a configured ceiling can grant nothing: failing safe, never open-ended.
    await ensureBudget(tx, tijdvak.id, tijdvak.budgetCeilingCents?.value ?? 0);
    const [{ receipts }] = await tx.$queryRaw<{ receipts: number }[]>`UPDATE scholing_tijdvak_budget SET receipts = receipts + 1 WHERE tijdvak_id = ${tijdvak.id} RETURNING receipts`;
    const id = randomUUID();
    const requestedCents = BigInt(assessment.totalCents);
    await tx.scholingApplication.create({
      data: {
        id, tijdvakId: tijdvak.id, applicantType: input.applicantType, leadProviderId: input.leadProviderId, memberProviderIds: input.memberProviderIds,
        partners: input.partners.map((p) => ({ ...p })), coFinancingCents: coFinancingCents(input.partners), offeringName: input.offeringName.trim(),
        requestedCents, status: 'SUBMITTED', receiptSequence: receipts, receivedAt: now, reasons: [],
        activities: { create: input.activities.map((a, position) => ({ id: randomUUID(), position, ...a, providerId: a.providerId || input.leadProviderId })) },
      },
    });
    await emit(tx, [scholingEvents.submitted({
      scholingApplicationId: id, tijdvak: { regelingCode: RegelingCode.REGELING_CODE_NLLD_SCHOLING, tijdvakId: tijdvak.id }, applicantType: scholingApplicantTypeFromJSON(input.applicantType),
      leadProviderId: input.leadProviderId, requestedCents, receiptSequence: String(receipts), receivedAt: now.toISOString(),
    })]);
    return id;
  });
}

export interface DecisionInput {
  granted: boolean;
  /** Activities granted (ids); all when empty. */
  grantedActivityIds: string[];
  reasons: string[];
  decisionReference: string;
}

export async function decideScholingApplication(prisma: PrismaClient, actor: Actor, applicationId: string, decision: DecisionInput, now = new Date()): Promise<{ granted: boolean; grantedCents: bigint }> {
  requireScope(actor, SCOPES.decideScholing);
  const violations: Violation[] = [];
  if (!decision.decisionReference?.trim()) violations.push({ field: 'decision.reference', description: 'is required' });
  if (!decision.granted && decision.reasons.length === 0) violations.push({ field: 'reasons', description: 'a rejection needs a reason' });
  decision.reasons.forEach((reason, index) => scholingRejectionReasonFromJSON(reason) === ScholingRejectionReason.UNRECOGNIZED && violations.push({ field: `reasons[${index}]`, description: 'unknown reason' }));
  if (violations.length > 0) throw invalid(violations);
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM scholing_application WHERE id = ${applicationId}::uuid AND status = 'SUBMITTED' FOR UPDATE`;
    const application = await tx.scholingApplication.findUnique({ where: { id: applicationId }, include: { activities: true } });
    if (!application) throw notFoundError(`scholing application ${applicationId} does not exist`);
    if (locked.length === 0) throw preconditionFailed('the application was already decided', 'ALREADY_DECIDED');
    const chosen = decision.grantedActivityIds.length === 0 ? application.activities : application.activities.filter((a) => decision.grantedActivityIds.includes(a.id));
    if (decision.granted && chosen.length !== new Set(decision.grantedActivityIds).size && decision.grantedActivityIds.length > 0) {
      throw invalid([{ field: 'granted_activity_ids', description: 'names an activity that is not part of this application' }]);
    }
    const grantedCents = decision.granted ? chosen.reduce((sum, a) => sum + BigInt(a.contributionCents) * BigInt(a.plannedParticipants), 0n) : 0n;
    if (decision.granted && !(await reserveBudget(tx, application.tijdvakId, grantedCents))) {
      throw preconditionFailed('granting would exceed the tijdvak budget; decide CEILING_REACHED', 'CEILING_REACHED');
    }
    await tx.scholingApplication.update({
      where: { id: applicationId },
      data: { status: decision.granted ? 'GRANTED' : 'REJECTED', granted: decision.granted, grantedCents, reasons: decision.reasons, decisionRef: decision.decisionReference.trim(), decidedAt: now, decidedBy: actor.subject },
    });
    if (decision.granted) await tx.scholingActivity.updateMany({ where: { id: { in: chosen.map((a) => a.id) } }, data: { granted: true } });
    await emit(tx, [scholingEvents.decided({
      scholingApplicationId: applicationId, tijdvak: { regelingCode: RegelingCode.REGELING_CODE_NLLD_SCHOLING, tijdvakId: application.tijdvakId }, leadProviderId: application.leadProviderId,
      granted: decision.granted, grantedCents, reasons: decision.reasons.map(scholingRejectionReasonFromJSON), decision: { reference: decision.decisionReference, reason: '', decidedOn: undefined },
    })]);
    return { granted: decision.granted, grantedCents };
  }, DECISION_TRANSACTION);
}

/** Decisions queue on the tijdvak's budget row at busy moments; they wait for it rather than fail. */
const DECISION_TRANSACTION = { maxWait: 30_000, timeout: 30_000 };

/** Adds the amount to the tijdvak's granted total only if it stays within the ceiling: atomic in one statement. */
async function reserveBudget(tx: TransactionClient, tijdvakId: string, cents: bigint): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE scholing_tijdvak_budget SET granted_cents = granted_cents + ${cents}
     WHERE tijdvak_id = ${tijdvakId} AND granted_cents + ${cents} <= ceiling_cents`;
  return updated === 1;
}

/** The public catalogue: only activities granted in a decided application (DOMAIN.md §2.5 [003]). */
export async function listCatalogue(prisma: PrismaClient, filter: { query?: string; sectors?: string[]; categories?: string[] }, offset = 0, limit = 50) {
  const text = filter.query?.trim();
  return prisma.scholingActivity.findMany({
    where: {
      granted: true,
      application: { status: 'GRANTED' },
      ...(filter.sectors?.length ? { sector: { in: filter.sectors } } : {}),
      ...(filter.categories?.length ? { category: { in: filter.categories } } : {}),
      ...(text ? { OR: [{ title: { contains: text, mode: 'insensitive' as const } }, { description: { contains: text, mode: 'insensitive' as const } }] } : {}),
    },
    include: { application: { select: { tijdvakId: true, coFinancingCents: true, applicantType: true, partners: true } } },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    skip: offset,
    take: Math.min(limit, 500),
  });
}
