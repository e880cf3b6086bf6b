// Verleningsgrens (from February 2023): at most 300 grants per training per calendar year; a training
// at the limit drops out of the applyable offer. Source: DOMAIN.md §2.1 [pub].
import { verdictWith, type VerdictWith } from '../result';

export type TrainingLimitReason = 'TRAINING_GRANT_LIMIT_REACHED';

export interface TrainingLimitCheck {
  /** Grants already made for this training in the calendar year of the application. */
  readonly grantsThisYear: number;
  /** Null while no limit applies. */
  readonly limit: number | null;
}

export function checkTrainingGrantLimit({ grantsThisYear, limit }: TrainingLimitCheck): VerdictWith<TrainingLimitReason, { remaining: number | null }> {
  const remaining = limit === null ? null : Math.max(limit - grantsThisYear, 0);
  return verdictWith<TrainingLimitReason, { remaining: number | null }>([remaining === 0 && 'TRAINING_GRANT_LIMIT_REACHED'], { remaining });
}
