// Use case: a career adviser registers a trajectory before it starts. The scheme conditions are decided by the
// domain (libs/regelingen); the limits that depend on other registrations are enforced ATOMICALLY in one
// transaction: the (tranche, BSN) unique key gives one trajectory per person per tranche [001][003], and two
// conditional UPDATEs on counter rows take a place under the adviser's daily limit [pub] and the tranche cap
// [001][003][004]. Concurrent registrations serialise on those rows, so neither limit can be passed, ever.
// When the last place is taken the tranche is closed: TrancheCapReached is published with the registration.
import { randomUUID } from 'node:crypto';
import { conflict, invalid, notFoundError, preconditionFailed, forbidden } from '@stap/platform/errors';
import { amsterdamDateOf, type Tijdvak } from '@stap/regelingen';
import { requireAdviserOrganisationLogin, type Actor } from '../domain/actor';
import {
  assessRegistration,
  INVALID_INPUT_REFUSALS,
  registrationViolations,
  toValidRegistration,
  type RegistrationInput,
  type RegistrationRefusal,
  type ValidRegistration,
} from '../domain/registration';
import { outboxRecord } from '@stap/platform/kafka';
import { dateMessage, EVENT_SOURCE, publish, tijdvakRef, trajectoryRegistered, trancheCapReached } from '../infrastructure/messaging/advice-events';
import { takeTranchePlaceWithEvent } from '../infrastructure/prisma/tranche-place';
import { isUniqueViolation, type TransactionClient, type TrajectoryRow } from '../infrastructure/prisma/client';
import { dateColumn, TRANSACTION_OPTIONS, type UseCaseContext } from './context';
import { dailyLimitReached } from './errors';
import { adviceTranche, ensureTrancheCounter, trancheParameters } from './tranches';

const CAP_REACHED_MESSAGE = 'the tranche is full: its registration cap was reached';

const REFUSAL_MESSAGES: Partial<Record<RegistrationRefusal, string>> = {
  TIJDVAK_NOT_YET_OPEN: 'the tranche is not open yet',
  TIJDVAK_CLOSED: 'the tranche is closed',
  UNDER_MINIMUM_AGE: 'the participant is younger than the minimum age of the regeling',
  AOW_AGE_REACHED: 'the participant has reached the AOW age',
  AOW_AGE_NOT_ESTABLISHED: 'the participant may have reached the AOW age (not yet established for this birth date)',
  EDUCATION_LEVEL_UNKNOWN: 'the regeling is for people educated up to MBO-2; the education level is unknown',
  EDUCATION_ABOVE_TARGET_GROUP: 'the regeling is for people educated up to MBO-2',
  NO_DUTCH_LABOUR_MARKET_TIE: 'the participant must have a tie to the Dutch labour market',
  PLAFOND_BEREIKT: 'the tranche is full: its budget ceiling was reached',
};

export async function registerTrajectory(ctx: UseCaseContext, input: RegistrationInput, actor: Actor): Promise<TrajectoryRow> {
  const violations = registrationViolations(input);
  if (violations.length > 0) throw invalid(violations, 'the registration has invalid fields');
  const registration = toValidRegistration(input);
  const tijdvak = adviceTranche(registration.tijdvakId, input.regeling);
  const now = ctx.clock();
  const assessment = assessRegistration(registration, tijdvak, now);
  const organisationId = await adviserOrganisationOf(ctx, registration.careerAdviserId, actor, assessment.registrationDate);
  refuseOnConditions(assessment.refusals);
  await refuseWhenTrancheFull(ctx, tijdvak);

  const row = {
    id: randomUUID(),
    regeling: tijdvak.regeling,
    tijdvakId: tijdvak.id,
    adviserOrganisationId: organisationId,
    careerAdviserId: registration.careerAdviserId,
    participantBsn: registration.participantBsn,
    participantBirthDate: dateColumn(registration.participantBirthDate),
    participantAge: assessment.participantAge,
    educationLevel: registration.educationLevel,
    sector: registration.sector,
    employmentStatus: registration.employmentStatus,
    plannedStartDate: dateColumn(registration.plannedStartDate),
    status: 'REGISTERED',
    priceCents: BigInt(assessment.priceCents ?? 0),
    parametersVersion: assessment.parametersVersion ?? '',
    registeredAt: now,
    registeredBy: actor.subject,
  };
  try {
    return await ctx.prisma.$transaction((tx) => takePlaceAndStore(tx, tijdvak, registration, row), TRANSACTION_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict('this person already has a trajectory in this tranche', [
        { field: 'participant_bsn.value', description: 'already has a trajectory in this tranche (one per person per tranche)' },
      ]);
    }
    throw error;
  }
}

interface AdviserFacts {
  organisation_id: string;
  kvk_number: string | null;
  active_from: Date | null;
  active_until: Date | null;
}

/**
 * The adviser must be known from provider-registry, belong to the organisation that is logged in, and be active on
 * the registration date. One query: this runs for every registration of an opening burst.
 */
async function adviserOrganisationOf(ctx: UseCaseContext, careerAdviserId: string, actor: Actor, on: string): Promise<string> {
  const kvk = requireAdviserOrganisationLogin(actor);
  const [adviser] = await ctx.prisma.$queryRaw<AdviserFacts[]>`
    SELECT a.adviser_organisation_id::text AS organisation_id, o.kvk_number, a.active_from, a.active_until
      FROM career_adviser a LEFT JOIN adviser_organisation o ON o.id = a.adviser_organisation_id
     WHERE a.id = ${careerAdviserId}::uuid`;
  if (!adviser) throw notFoundError(`no registered career adviser ${careerAdviserId}`);
  if (adviser.kvk_number !== kvk) throw forbidden('the career adviser does not belong to your organisation');
  const day = dateColumn(on);
  const active = (!adviser.active_from || adviser.active_from <= day) && (!adviser.active_until || adviser.active_until >= day);
  if (!active) throw preconditionFailed('the career adviser is not active on this date', 'ADVISER_NOT_ACTIVE');
  return adviser.organisation_id;
}

function refuseOnConditions(refusals: readonly RegistrationRefusal[]): void {
  const inputErrors = refusals.map((refusal) => INVALID_INPUT_REFUSALS[refusal]).filter((v) => v !== undefined);
  if (inputErrors.length > 0) throw invalid(inputErrors, 'the registration has invalid fields');
  const [first] = refusals;
  if (first) throw preconditionFailed(REFUSAL_MESSAGES[first] ?? `not eligible: ${first}`, first);
}

/**
 * A fast answer once the tranche is full; the conditional UPDATE below stays the authority. The tranche's counter
 * row is created here the first time the tranche is used.
 */
async function refuseWhenTrancheFull(ctx: UseCaseContext, tijdvak: Tijdvak): Promise<void> {
  let counter = await ctx.prisma.trancheCounter.findUnique({ where: { tijdvakId: tijdvak.id } });
  if (!counter) {
    await ensureTrancheCounter(ctx.prisma, tijdvak);
    counter = await ctx.prisma.trancheCounter.findUniqueOrThrow({ where: { tijdvakId: tijdvak.id } });
  }
  if (counter.registrationCap !== null && counter.registered >= counter.registrationCap) {
    throw preconditionFailed(CAP_REACHED_MESSAGE, 'CAP_REACHED');
  }
}

type NewTrajectory = Parameters<TransactionClient['trajectory']['create']>[0]['data'];

async function takePlaceAndStore(tx: TransactionClient, tijdvak: Tijdvak, registration: ValidRegistration, row: NewTrajectory & { id: string; registeredAt: Date }) {
  const stored = await tx.trajectory.create({ data: row });
  await takeAdviserDailyPlace(tx, tijdvak, registration.careerAdviserId, row.registeredAt);
  // The count in the tranche is filled in by the statement that takes the place (infrastructure/prisma/tranche-place.ts).
  const registered = trajectoryRegistered({
    trajectoryId: stored.id,
    tijdvak: tijdvakRef(tijdvak.regeling, tijdvak.id),
    adviserOrganisationId: stored.adviserOrganisationId,
    careerAdviserId: stored.careerAdviserId,
    plannedStartDate: dateMessage(registration.plannedStartDate),
    trancheRegisteredCount: '0',
    registeredAt: row.registeredAt.toISOString(),
  });
  const place = await takeTranchePlaceWithEvent(tx, tijdvak.id, row.registeredAt, outboxRecord(EVENT_SOURCE, { ...registered, occurredAt: row.registeredAt }));
  if (!place) throw preconditionFailed(CAP_REACHED_MESSAGE, 'CAP_REACHED');
  if (place.cap !== null && place.registered === place.cap) {
    // The last place: registration closes by itself. Source: DOMAIN.md §2.3 [001][003].
    await publish(tx, [trancheCapReached({ tijdvak: tijdvakRef(tijdvak.regeling, tijdvak.id), registrationCap: String(place.cap), reachedAt: row.registeredAt.toISOString() })]);
  }
  return stored;
}

/** At most N registrations per adviser per Amsterdam calendar day, N from the regeling's parameters [pub]. */
async function takeAdviserDailyPlace(tx: TransactionClient, tijdvak: Tijdvak, careerAdviserId: string, at: Date): Promise<void> {
  const limit = trancheParameters(tijdvak).parameters.adviserDailyRegistrationLimit.value;
  if (limit === null) return;
  const day = amsterdamDateOf(at);
  const taken = await tx.$queryRaw<{ registered: number }[]>`
    INSERT INTO adviser_day_counter (career_adviser_id, day, registered) VALUES (${careerAdviserId}::uuid, ${day}::date, 1)
    ON CONFLICT (career_adviser_id, day) DO UPDATE SET registered = adviser_day_counter.registered + 1
      WHERE adviser_day_counter.registered < ${limit}
    RETURNING registered`;
  if (taken.length === 0) throw dailyLimitReached(limit);
}
