// Use case: a career adviser registers a trajectory before it starts. The scheme conditions are decided by the
// domain (libs/regelingen); the limits that depend on other registrations are enforced ATOMICALLY in one
// statement (infrastructure/prisma/tranche-place.ts): the (tranche, BSN) unique key gives one trajectory per person
// per tranche [001][003], and conditional updates of counter rows take a place under the adviser's daily limit [pub]
// and the tranche cap [001][003][004]. Concurrent registrations serialise on those rows, so neither limit can be
// passed, ever. When the last place is taken the tranche is closed: TrancheCapReached is published with it.
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
} from '../domain/registration';
import { outboxRecord } from '@stap/platform/kafka';
import { dateMessage, EVENT_SOURCE, tijdvakRef, trajectoryRegistered, trancheCapReached } from '../infrastructure/messaging/advice-events';
import { registerInOneStatement, type NewTrajectory, type RawQueryRunner, type RegistrationStatement } from '../infrastructure/prisma/tranche-place';
import { isUniqueViolation, type TrajectoryRow } from '../infrastructure/prisma/client';
import { dateColumn, TRANSACTION_OPTIONS, type UseCaseContext } from './context';
import { dailyLimitReached } from './errors';
import { adviceTranche, ensureTrancheCounter, trancheCaps, trancheParameters } from './tranches';

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
  const { organisationId, trancheFull, counterExists } = await checkAdviserAndTranche(ctx, registration.careerAdviserId, actor, assessment.registrationDate, tijdvak);
  refuseOnConditions(assessment.refusals);
  if (trancheFull) throw preconditionFailed(CAP_REACHED_MESSAGE, 'CAP_REACHED');
  // The tranche's counter row is created the first time the tranche is used: a new tranche opens by itself.
  if (!counterExists) await ensureTrancheCounter(ctx.prisma, tijdvak);

  const trajectory: NewTrajectory = {
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
  const statement = registrationStatement(tijdvak, trajectory, registration.plannedStartDate);
  try {
    // Without a daily limit the single statement is its own transaction. With one, it runs inside a transaction
    // so that a refusal for the cap after the daily place was taken rolls that place back.
    const run = async (db: RawQueryRunner) => {
      const { outcome } = await registerInOneStatement(db, statement);
      if (outcome === 'ADVISER_DAILY_LIMIT_REACHED') throw dailyLimitReached(statement.dailyLimit ?? 0);
      if (outcome === 'CAP_REACHED') throw preconditionFailed(CAP_REACHED_MESSAGE, 'CAP_REACHED');
    };
    if (statement.dailyLimit === null) await run(ctx.prisma);
    else await ctx.prisma.$transaction(run, TRANSACTION_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict('this person already has a trajectory in this tranche', [
        { field: 'participant_bsn.value', description: 'already has a trajectory in this tranche (one per person per tranche)' },
      ]);
    }
    throw error;
  }
  return { ...trajectory, completedOn: null, labourMarketScanDone: null, developmentPlanDelivered: null, nextStep: null, claimId: null, cancelReason: null, version: 1 };
}

/**
 * The statement's input: the trajectory, the adviser's daily limit of the regeling (at most 25 a day from the
 * second NL Leert Door tranche [pub]; none before), and the two outbox events it may write.
 */
function registrationStatement(tijdvak: Tijdvak, trajectory: NewTrajectory, plannedStartDate: string): RegistrationStatement {
  const ref = tijdvakRef(tijdvak.regeling, tijdvak.id);
  const registered = trajectoryRegistered({
    trajectoryId: trajectory.id,
    tijdvak: ref,
    adviserOrganisationId: trajectory.adviserOrganisationId,
    careerAdviserId: trajectory.careerAdviserId,
    plannedStartDate: dateMessage(plannedStartDate),
    trancheRegisteredCount: '0', // appended by the statement
    registeredAt: trajectory.registeredAt.toISOString(),
  });
  const cap = trancheCaps(tijdvak).registrationCap;
  // The last place closes the tranche: TrancheCapReached is written with it. Source: DOMAIN.md §2.3 [001][003].
  const capReached = trancheCapReached({ tijdvak: ref, registrationCap: String(cap ?? 0), reachedAt: trajectory.registeredAt.toISOString() });
  return {
    trajectory,
    day: amsterdamDateOf(trajectory.registeredAt),
    dailyLimit: trancheParameters(tijdvak).parameters.adviserDailyRegistrationLimit.value,
    registeredEvent: outboxRecord(EVENT_SOURCE, { ...registered, occurredAt: trajectory.registeredAt }),
    capReachedEvent: outboxRecord(EVENT_SOURCE, { ...capReached, occurredAt: trajectory.registeredAt }),
  };
}

interface RegistrationFacts {
  organisation_id: string;
  kvk_number: string | null;
  active_from: Date | null;
  active_until: Date | null;
  /** Null when the tranche's counter row does not exist yet. */
  registered: number | null;
  registration_cap: number | null;
}

/**
 * What the registration needs to know before it takes a place, in ONE query (it runs for every registration of an
 * opening burst): the adviser, known from provider-registry, of the organisation that is logged in and active on the
 * registration date; and whether the tranche is full already (a fast answer; the conditional UPDATE of the
 * registration stays the authority).
 */
async function checkAdviserAndTranche(
  ctx: UseCaseContext,
  careerAdviserId: string,
  actor: Actor,
  on: string,
  tijdvak: Tijdvak,
): Promise<{ organisationId: string; trancheFull: boolean; counterExists: boolean }> {
  const kvk = requireAdviserOrganisationLogin(actor);
  const [facts] = await ctx.prisma.$queryRaw<RegistrationFacts[]>`
    SELECT a.adviser_organisation_id::text AS organisation_id, o.kvk_number, a.active_from, a.active_until, c.registered, c.registration_cap
      FROM career_adviser a
      LEFT JOIN adviser_organisation o ON o.id = a.adviser_organisation_id
      LEFT JOIN tranche_counter c ON c.tijdvak_id = ${tijdvak.id}
     WHERE a.id = ${careerAdviserId}::uuid`;
  if (!facts) throw notFoundError(`no registered career adviser ${careerAdviserId}`);
  if (facts.kvk_number !== kvk) throw forbidden('the career adviser does not belong to your organisation');
  const day = dateColumn(on);
  const active = (!facts.active_from || facts.active_from <= day) && (!facts.active_until || facts.active_until >= day);
  if (!active) throw preconditionFailed('the career adviser is not active on this date', 'ADVISER_NOT_ACTIVE');
  const trancheFull = facts.registration_cap !== null && facts.registered !== null && facts.registered >= facts.registration_cap;
  return { organisationId: facts.organisation_id, trancheFull, counterExists: facts.registered !== null };
}

function refuseOnConditions(refusals: readonly RegistrationRefusal[]): void {
  const inputErrors = refusals.map((refusal) => INVALID_INPUT_REFUSALS[refusal]).filter((v) => v !== undefined);
  if (inputErrors.length > 0) throw invalid(inputErrors, 'the registration has invalid fields');
  const [first] = refusals;
  if (first) throw preconditionFailed(REFUSAL_MESSAGES[first] ?? `not eligible: ${first}`, first);
}

