// The waiting room in front of the application form. Everyone present at opening gets a place drawn at random (so
// arriving early gives no advantage); later arrivals queue behind in order of arrival; places are admitted at a
// configured rate, counted from the opening instant. Admission is a pure function of place and time, so polling,
// refreshing or a second device cannot change it. Source: DOMAIN.md §2.1 [pub] ("positions were assigned at random
// among those present at opening").

export type TicketState = 'WAITING_FOR_OPENING' | 'WAITING' | 'ADMITTED' | 'CEILING_REACHED';

export interface AdmissionSchedule {
  opensAt: Date;
  /** Places admitted per second. */
  ratePerSecond: number;
}

/** The instant a place is admitted: place 1 at opening, then one place every 1/rate seconds. */
export function admittedAt(position: number, schedule: AdmissionSchedule): Date {
  return new Date(schedule.opensAt.getTime() + Math.floor(((position - 1) * 1000) / schedule.ratePerSecond));
}

/** Places admitted so far. */
export function admittedCount(schedule: AdmissionSchedule, now: Date): number {
  const elapsed = now.getTime() - schedule.opensAt.getTime();
  return elapsed < 0 ? 0 : Math.floor((elapsed * schedule.ratePerSecond) / 1000) + 1;
}

export interface TicketView {
  state: TicketState;
  position: number;
  peopleAhead: number;
  /** Milliseconds until admission; undefined when not known yet (before the draw). */
  estimatedWaitMs: number | undefined;
  admittedAt: Date | undefined;
}

export function ticketView(position: number | null, schedule: AdmissionSchedule, now: Date, ceilingReached: boolean): TicketView {
  if (position === null) return { state: 'WAITING_FOR_OPENING', position: 0, peopleAhead: 0, estimatedWaitMs: undefined, admittedAt: undefined };
  const at = admittedAt(position, schedule);
  if (now >= at) return { state: 'ADMITTED', position, peopleAhead: 0, estimatedWaitMs: 0, admittedAt: at };
  if (ceilingReached) return { state: 'CEILING_REACHED', position, peopleAhead: 0, estimatedWaitMs: undefined, admittedAt: undefined };
  return {
    state: 'WAITING',
    position,
    peopleAhead: Math.max(position - 1 - admittedCount(schedule, now), 0),
    estimatedWaitMs: at.getTime() - now.getTime(),
    admittedAt: undefined,
  };
}

/** Fisher-Yates with a caller-supplied source of randomness (crypto in production, seeded in tests). */
export function shuffle<T>(items: readonly T[], randomInt: (exclusiveMax: number) => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
