// No student finance, lerarenbeurs or tegemoetkoming schoolkosten at the moment of application.
// Source: DOMAIN.md §2.1 [pub].
import type { ExcludedBenefit } from '../config/types';
import { verdict, type Verdict } from '../result';

export type BenefitReason = `RECEIVES_${ExcludedBenefit}`;

export interface BenefitsCheck {
  /** What the person receives on the application date (from DUO), whatever the scheme excludes. */
  readonly receives: readonly ExcludedBenefit[];
  /** What the version of the scheme in force excludes. */
  readonly excluded: readonly ExcludedBenefit[];
}

export function checkNoExcludedBenefits({ receives, excluded }: BenefitsCheck): Verdict<BenefitReason> {
  return verdict<BenefitReason>(excluded.filter((benefit) => receives.includes(benefit)).map((benefit) => `RECEIVES_${benefit}` as const));
}
