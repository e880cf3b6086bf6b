// Recognitions of a provider. A recognition has a body, a route, a start and an optional end; revocation from a date
// makes it stop counting; at the end of its period it expires. Source: DOMAIN.md §3 Provider registry [pub].
import type { Violation } from '@stap/platform/errors';
import { addDays, compareDates, type IsoDate } from '@stap/regelingen';

/** The routes of DOMAIN.md §3 ("OCW-recognised (RIO), NRTO, NLQF, CPION, CEDEO, branch/sector-recognised"). */
export const RECOGNITION_ROUTES = ['OCW_RIO', 'NRTO', 'CEDEO', 'CPION', 'NLQF', 'BRANCH'] as const;
export type RecognitionRouteName = (typeof RECOGNITION_ROUTES)[number];

export const isRecognitionRoute = (text: string): text is RecognitionRouteName => (RECOGNITION_ROUTES as readonly string[]).includes(text);

/** libs/regelingen names the branch route BRANCHE (the Dutch word); the contract BRANCH. */
export const regelingenRouteName = (route: RecognitionRouteName) => (route === 'BRANCH' ? 'BRANCHE' : route);

export interface RecognitionFacts {
  id: string;
  route: RecognitionRouteName;
  issuingBody: string;
  validFrom: IsoDate;
  /** Inclusive; null = open-ended. */
  validUntil: IsoDate | null;
  /** First day it no longer counts; null = not revoked. */
  revokedFrom: IsoDate | null;
}

export type RecognitionState = 'VALID' | 'PENDING' | 'EXPIRED' | 'REVOKED';

/** Whether the recognition counts on a day: inside its period and not revoked on or before that day. */
export function isValidOn(recognition: RecognitionFacts, date: IsoDate): boolean {
  if (compareDates(date, recognition.validFrom) < 0) return false;
  if (recognition.validUntil !== null && compareDates(date, recognition.validUntil) > 0) return false;
  return recognition.revokedFrom === null || compareDates(date, recognition.revokedFrom) < 0;
}

export function stateOn(recognition: RecognitionFacts, date: IsoDate): RecognitionState {
  if (recognition.revokedFrom !== null && compareDates(date, recognition.revokedFrom) >= 0) return 'REVOKED';
  if (compareDates(date, recognition.validFrom) < 0) return 'PENDING';
  if (recognition.validUntil !== null && compareDates(date, recognition.validUntil) > 0) return 'EXPIRED';
  return 'VALID';
}

/** Two periods share at least one day (null end = open-ended). */
export function periodsOverlap(a: { validFrom: IsoDate; validUntil: IsoDate | null }, b: { validFrom: IsoDate; validUntil: IsoDate | null }): boolean {
  const aEndsBeforeB = a.validUntil !== null && compareDates(a.validUntil, b.validFrom) < 0;
  const bEndsBeforeA = b.validUntil !== null && compareDates(b.validUntil, a.validFrom) < 0;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The day after the last valid day: when the expiry sweep may declare it expired. */
export function isDueForExpiry(recognition: RecognitionFacts, today: IsoDate): boolean {
  if (recognition.validUntil === null) return false;
  if (recognition.revokedFrom !== null && compareDates(recognition.revokedFrom, recognition.validUntil) <= 0) return false;
  return compareDates(today, addDays(recognition.validUntil, 1)) >= 0;
}

export interface GrantInput {
  route: string;
  issuingBody: string;
  externalReference: string;
  validFrom: IsoDate | undefined;
  validUntil: IsoDate | undefined;
  /** True when the request carried an end date that is not a real date. */
  validUntilMalformed: boolean;
}

const MAX_TEXT = 200;

export function grantViolations(input: GrantInput): Violation[] {
  const violations: Violation[] = [];
  if (!isRecognitionRoute(input.route)) violations.push({ field: 'route', description: `must be one of ${RECOGNITION_ROUTES.join(', ')}` });
  if (input.issuingBody.trim() === '') violations.push({ field: 'issuing_body', description: 'is required' });
  if (input.issuingBody.length > MAX_TEXT) violations.push({ field: 'issuing_body', description: `must be at most ${MAX_TEXT} characters` });
  if (input.externalReference.length > MAX_TEXT) violations.push({ field: 'external_reference', description: `must be at most ${MAX_TEXT} characters` });
  if (!input.validFrom) violations.push({ field: 'valid_period.start', description: 'must be a calendar date' });
  if (input.validUntilMalformed) violations.push({ field: 'valid_period.end', description: 'must be a calendar date when set' });
  if (input.validFrom && input.validUntil && compareDates(input.validUntil, input.validFrom) < 0) {
    violations.push({ field: 'valid_period.end', description: 'must not be before the start' });
  }
  return violations;
}
