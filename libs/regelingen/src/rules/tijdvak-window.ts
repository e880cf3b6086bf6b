// An application, registration or claim counts at the instant it is completely received; the
// tijdvak accepts it from its opening moment (inclusive) to its closing moment (exclusive).
// Source: DOMAIN.md §2.1 ("in order of complete receipt", windows opening at 10:00) [pub].
import { amsterdamToInstant } from '../calendar/amsterdam-time';
import type { ApplicantType, Tijdvak } from '../config/types';
import { verdict, type Verdict } from '../result';

export type WindowReason = 'TIJDVAK_NOT_YET_OPEN' | 'TIJDVAK_CLOSED';

export function checkWithinTijdvak(at: Date, tijdvak: Tijdvak): Verdict<WindowReason> {
  const instant = at.getTime();
  return verdict<WindowReason>([
    instant < amsterdamToInstant(tijdvak.opensAt.value).getTime() && 'TIJDVAK_NOT_YET_OPEN',
    instant >= amsterdamToInstant(tijdvak.closesAt.value).getTime() && 'TIJDVAK_CLOSED',
  ]);
}

export type ApplicantTypeReason = 'APPLICANT_TYPE_NOT_ALLOWED';

/** Some tijdvakken are open to some applicant types only. Source: DOMAIN.md §2.5; seeds 003, 004. */
export function checkApplicantType(applicantType: ApplicantType, tijdvak: Tijdvak): Verdict<ApplicantTypeReason> {
  const allowed = tijdvak.applicantTypes?.value;
  return verdict<ApplicantTypeReason>([allowed !== undefined && !allowed.includes(applicantType) && 'APPLICANT_TYPE_NOT_ALLOWED']);
}
