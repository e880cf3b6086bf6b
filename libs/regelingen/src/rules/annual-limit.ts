// At most one STAP-budget per calendar year: a granted application counts, a rejected one does not.
// Source: DOMAIN.md §2.1 [pub] ("één keer per kalenderjaar").
// Assumptions, the sources being silent: the year is that of the application date; an application
// still being decided blocks a new one (it may yet be granted); one withdrawn before it was granted does not count
// (a withdrawn GRANT keeps counting: parameter withdrawnGrantCountsForTheYear, applied by stap-portal).
import { yearOf, type IsoDate } from '../calendar/iso-date';
import { verdictWith, type VerdictWith } from '../result';

export type PriorApplicationStatus = 'SUBMITTED' | 'GRANTED' | 'REJECTED' | 'WITHDRAWN';

export interface PriorApplication {
  /** Amsterdam calendar date on which it was received. */
  readonly submittedOn: IsoDate;
  readonly status: PriorApplicationStatus;
}

export type AnnualLimitReason = 'ALREADY_GRANTED_THIS_YEAR' | 'APPLICATION_PENDING_THIS_YEAR';

export interface AnnualLimitCheck {
  readonly applicationDate: IsoDate;
  readonly previous: readonly PriorApplication[];
  readonly grantsPerCalendarYear: number;
}

export function checkGrantsPerCalendarYear({ applicationDate, previous, grantsPerCalendarYear }: AnnualLimitCheck): VerdictWith<AnnualLimitReason, { grantedThisYear: number }> {
  const year = yearOf(applicationDate);
  const sameYear = previous.filter((application) => yearOf(application.submittedOn) === year);
  const grantedThisYear = sameYear.filter((application) => application.status === 'GRANTED').length;
  const pending = sameYear.some((application) => application.status === 'SUBMITTED');
  return verdictWith<AnnualLimitReason, { grantedThisYear: number }>(
    [grantedThisYear >= grantsPerCalendarYear && 'ALREADY_GRANTED_THIS_YEAR', pending && 'APPLICATION_PENDING_THIS_YEAR'],
    { grantedThisYear },
  );
}
