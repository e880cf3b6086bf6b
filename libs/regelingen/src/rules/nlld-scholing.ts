// NL Leert Door scholing: a provider, collective or partnership applies in a tijdvak open to its
// type, for a fixed contribution per activity within its category's range, up to the maximum per
// application of the tijdvak. Source: DOMAIN.md §2.5 [pub]; seeds 000, 003, 004.
import { amsterdamDateOf } from '../calendar/amsterdam-time';
import { parametersOn } from '../config/catalogue';
import type { ApplicantType, CentsRange, ScholingCategory, Tijdvak } from '../config/types';
import { combineVerdicts, verdictWith, type Verdict, type VerdictWith } from '../result';
import { checkApplicantType, checkWithinTijdvak, type ApplicantTypeReason, type WindowReason } from './tijdvak-window';

export interface ScholingActivity {
  readonly category: ScholingCategory;
  /** The fixed contribution per participant asked for this activity. */
  readonly contributionCents: number;
  readonly participants: number;
}

export type ContributionReason = 'NO_ACTIVITIES' | 'CONTRIBUTION_OUTSIDE_CATEGORY_RANGE' | 'INVALID_PARTICIPANT_COUNT' | 'EXCEEDS_MAX_PER_APPLICATION';

export type ScholingApplicationReason = 'NOT_NLLD_SCHOLING' | 'NO_VERSION_IN_FORCE' | WindowReason | ApplicantTypeReason | ContributionReason;

export interface ContributionFacts {
  readonly totalCents: number;
  /** Indexes of the activities that broke a rule, so a form can point at them. */
  readonly rejectedActivities: readonly number[];
}

function activityProblems(activity: ScholingActivity, categories: Readonly<Record<ScholingCategory, CentsRange>>): ContributionReason[] {
  const range = categories[activity.category];
  const problems: ContributionReason[] = [];
  const wholeCents = Number.isSafeInteger(activity.contributionCents);
  if (!wholeCents || activity.contributionCents < range.minCents || activity.contributionCents > range.maxCents) problems.push('CONTRIBUTION_OUTSIDE_CATEGORY_RANGE');
  if (!Number.isSafeInteger(activity.participants) || activity.participants < 1) problems.push('INVALID_PARTICIPANT_COUNT');
  return problems;
}

export interface ContributionCheck {
  readonly activities: readonly ScholingActivity[];
  readonly categories: Readonly<Record<ScholingCategory, CentsRange>>;
  /** Null when the tijdvak sets no maximum. */
  readonly maxPerApplicationCents: number | null;
}

/** Category ranges A €200-300, B €400-600, C €900-1,100 per activity; the total within the maximum. */
export function checkScholingContributions({ activities, categories, maxPerApplicationCents }: ContributionCheck): VerdictWith<ContributionReason, ContributionFacts> {
  const perActivity = activities.map((activity) => activityProblems(activity, categories));
  const rejectedActivities = perActivity.flatMap((problems, index) => (problems.length > 0 ? [index] : []));
  const totalCents = activities.reduce((sum, activity) => sum + activity.contributionCents * activity.participants, 0);
  return verdictWith<ContributionReason, ContributionFacts>(
    [
      activities.length === 0 && 'NO_ACTIVITIES',
      ...perActivity.flat(),
      rejectedActivities.length === 0 && maxPerApplicationCents !== null && totalCents > maxPerApplicationCents && 'EXCEEDS_MAX_PER_APPLICATION',
    ],
    { totalCents, rejectedActivities },
  );
}

export interface ScholingApplication {
  readonly tijdvak: Tijdvak;
  readonly submittedAt: Date;
  readonly applicantType: ApplicantType;
  readonly activities: readonly ScholingActivity[];
}

export function assessScholingApplication(input: ScholingApplication): VerdictWith<ScholingApplicationReason, ContributionFacts> {
  const none: ContributionFacts = { totalCents: 0, rejectedActivities: [] };
  if (input.tijdvak.regeling !== 'NLLD_SCHOLING') return verdictWith(['NOT_NLLD_SCHOLING'], none);
  const version = parametersOn('NLLD_SCHOLING', amsterdamDateOf(input.submittedAt));
  const window = checkWithinTijdvak(input.submittedAt, input.tijdvak);
  const applicant = checkApplicantType(input.applicantType, input.tijdvak);
  if (!version) return verdictWith([...window.reasons, ...applicant.reasons, 'NO_VERSION_IN_FORCE'], none);
  const contributions = checkScholingContributions({
    activities: input.activities,
    categories: version.parameters.categoryContributions.value,
    maxPerApplicationCents: input.tijdvak.maxAmountPerApplicationCents?.value ?? null,
  });
  const combined: Verdict<ScholingApplicationReason> = combineVerdicts<ScholingApplicationReason>(window, applicant, contributions);
  return { ...combined, totalCents: contributions.totalCents, rejectedActivities: contributions.rejectedActivities };
}

