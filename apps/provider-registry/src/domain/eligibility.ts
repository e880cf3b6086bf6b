// "Is this provider eligible for regeling R on date D, and if not, why?" Answered from history, so any past date
// gets the answer that holds for that day. Sources: DOMAIN.md §3 (recognition routes, revocation makes trainings
// non-applyable, suspension only by explicit decision, an investigation alone does not block [pub]); §2.1 (from
// September 2023 only OCW-recognised programmes [pub]); §4 (payee: the provider, so a bank account is needed).
import { acceptedRecognitionRoutes, type IsoDate, type RegelingCode } from '@stap/regelingen';
import { statusOn, type StatusDecisionFacts } from './provider-status';
import { isValidOn, regelingenRouteName, type RecognitionFacts } from './recognition';

export type EligibilityReasonCode =
  | 'RECOGNISED'
  | 'UNDER_INVESTIGATION'
  | 'NO_VALID_RECOGNITION'
  | 'ROUTE_NOT_ACCEPTED'
  | 'SUSPENDED'
  | 'ENDED'
  | 'NO_BANK_ACCOUNT'
  | 'REGELING_NOT_APPLICABLE';

export interface EligibilityReason {
  code: EligibilityReasonCode;
  /** Dutch, for officers and letters. */
  message: string;
  recognitionId?: string;
}

export interface EligibilityFacts {
  recognitions: readonly RecognitionFacts[];
  decisions: readonly StatusDecisionFacts[];
  /**
   * Whether a bank account is known now. Deliberately not "on date D": a payment is created now and goes to the
   * account in force when it is created (BankAccount history answers which one), so an account set after D still
   * lets a provider recognised on D be paid.
   */
  hasBankAccount: boolean;
}

export interface EligibilityAnswer {
  eligible: boolean;
  reasons: EligibilityReason[];
  rulesVersion: string;
}

const BLOCKING: ReadonlySet<EligibilityReasonCode> = new Set([
  'NO_VALID_RECOGNITION',
  'ROUTE_NOT_ACCEPTED',
  'SUSPENDED',
  'ENDED',
  'NO_BANK_ACCOUNT',
  'REGELING_NOT_APPLICABLE',
]);

export function checkEligibility(regeling: RegelingCode, date: IsoDate, facts: EligibilityFacts): EligibilityAnswer {
  const accepted = acceptedRecognitionRoutes(regeling, date);
  if (!accepted) {
    const message = `De regeling ${regeling} financiert op ${date} geen opleiders.`;
    return { eligible: false, reasons: [{ code: 'REGELING_NOT_APPLICABLE', message }], rulesVersion: '' };
  }
  const reasons = [
    ...statusReasons(facts.decisions, date),
    ...recognitionReasons(facts.recognitions, accepted.routes, date),
    ...bankAccountReasons(facts.hasBankAccount),
  ];
  return { eligible: !reasons.some((reason) => BLOCKING.has(reason.code)), reasons, rulesVersion: accepted.rulesVersion };
}

function statusReasons(decisions: readonly StatusDecisionFacts[], date: IsoDate): EligibilityReason[] {
  switch (statusOn(decisions, date)) {
    case 'SUSPENDED':
      return [{ code: 'SUSPENDED', message: `De opleider is op ${date} geschorst bij besluit.` }];
    case 'ENDED':
      return [{ code: 'ENDED', message: `De registratie van de opleider is op of voor ${date} beëindigd.` }];
    case 'UNDER_INVESTIGATION':
      // Informational only: an investigation alone does not justify withholding payment (DOMAIN.md §3 [pub]).
      return [{ code: 'UNDER_INVESTIGATION', message: 'Er loopt een onderzoek; dat alleen staat betaling en aanvragen niet in de weg.' }];
    default:
      return [];
  }
}

function recognitionReasons(recognitions: readonly RecognitionFacts[], routes: readonly string[], date: IsoDate): EligibilityReason[] {
  const valid = recognitions.filter((recognition) => isValidOn(recognition, date));
  if (valid.length === 0) return [{ code: 'NO_VALID_RECOGNITION', message: `Op ${date} is geen erkenning van de opleider geldig.` }];
  const acceptedOnes = valid.filter((recognition) => routes.includes(regelingenRouteName(recognition.route)));
  if (acceptedOnes.length === 0) {
    const message = `Op ${date} zijn alleen erkenningen geldig via routes die de regeling niet (meer) accepteert (${valid.map((r) => r.route).join(', ')}).`;
    return [{ code: 'ROUTE_NOT_ACCEPTED', message, recognitionId: valid[0].id }];
  }
  return acceptedOnes.map((recognition) => ({
    code: 'RECOGNISED' as const,
    message: `Erkend via ${recognition.route} (${recognition.issuingBody}).`,
    recognitionId: recognition.id,
  }));
}

function bankAccountReasons(hasBankAccount: boolean): EligibilityReason[] {
  if (hasBankAccount) return [];
  return [{ code: 'NO_BANK_ACCOUNT', message: 'Er is geen bankrekening bekend, dus er kan niet worden betaald.' }];
}
