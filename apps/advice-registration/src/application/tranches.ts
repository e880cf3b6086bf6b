// The advice tranches this service serves, resolved from libs/regelingen, and their counter rows. A tranche's
// counter row is created the first time it is used, with the caps of its configuration: a new tranche in the
// configuration opens registration again by itself, without a deployment of this service.
import { notFoundError, invalid } from '@stap/platform/errors';
import { adviceTrancheCaps, datePartOf, getTijdvak, parametersOn, type OntwikkeladviesParameters, type Tijdvak } from '@stap/regelingen';
import type { TransactionClient, PrismaClient } from '../infrastructure/prisma/client';

export const ADVICE_REGELINGEN = ['NLLD_ONTWIKKELADVIES', 'STAP_ONTWIKKELADVIES', 'TSOV_45PLUS'] as const;
type AdviceRegeling = (typeof ADVICE_REGELINGEN)[number];

const isAdviceRegeling = (code: string): code is AdviceRegeling => (ADVICE_REGELINGEN as readonly string[]).includes(code);

/** The tijdvak of an advice regeling; `regeling`, when the caller named one, must be the tijdvak's. */
export function adviceTranche(tijdvakId: string, regeling?: string): Tijdvak {
  const tijdvak = getTijdvak(tijdvakId);
  if (!tijdvak || !isAdviceRegeling(tijdvak.regeling)) throw notFoundError(`no advice tranche ${tijdvakId}`);
  if (regeling && regeling !== tijdvak.regeling) {
    throw invalid([{ field: 'tijdvak.regeling_code', description: `tranche ${tijdvakId} belongs to ${tijdvak.regeling}` }]);
  }
  return tijdvak;
}

/** The parameters in force when the tranche opened (price, limits). */
export function trancheParameters(tijdvak: Tijdvak): { version: string; parameters: OntwikkeladviesParameters } {
  const version = isAdviceRegeling(tijdvak.regeling) ? parametersOn(tijdvak.regeling, datePartOf(tijdvak.opensAt.value)) : undefined;
  if (!version) throw new Error(`no parameters in force at the opening of ${tijdvak.id}`);
  return { version: version.version, parameters: version.parameters as OntwikkeladviesParameters };
}

export function trancheCaps(tijdvak: Tijdvak) {
  return adviceTrancheCaps(tijdvak, trancheParameters(tijdvak).parameters.pricePerTrajectoryCents.value);
}

/** Creates the tranche's counter row with its configured caps, once. */
export async function ensureTrancheCounter(db: PrismaClient | TransactionClient, tijdvak: Tijdvak): Promise<void> {
  const caps = trancheCaps(tijdvak);
  await db.$executeRaw`INSERT INTO tranche_counter (tijdvak_id, registration_cap, approved_claim_cap)
                       VALUES (${tijdvak.id}, ${caps.registrationCap}, ${caps.approvedClaimCap}) ON CONFLICT (tijdvak_id) DO NOTHING`;
}
