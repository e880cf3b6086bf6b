// Calendar dates (Europe/Amsterdam) as ISO strings in the domain; PostgreSQL `date` columns arrive as UTC midnight.
// Source: DOMAIN.md §5 ("the scheme rules use calendar dates in Europe/Amsterdam").
import { amsterdamDateOf, isIsoDate, type IsoDate } from '@stap/regelingen';

export type { IsoDate };

export const todayInAmsterdam = (now: Date = new Date()): IsoDate => amsterdamDateOf(now);
export const amsterdamDateOfInstant = (instant: Date): IsoDate => amsterdamDateOf(instant);

export const fromDbDate = (value: Date): IsoDate => value.toISOString().slice(0, 10);
export const fromDbDateOrNull = (value: Date | null): IsoDate | null => (value ? fromDbDate(value) : null);
export const toDbDate = (date: IsoDate): Date => new Date(`${date}T00:00:00.000Z`);

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** google.type.Date → ISO date, or undefined when unset or not a real calendar date. */
export function isoFromParts(parts: DateParts | undefined): IsoDate | undefined {
  if (!parts || parts.year === 0) return undefined;
  const iso = `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

export function partsFromIso(date: IsoDate): DateParts {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}
