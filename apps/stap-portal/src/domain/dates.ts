// google.type.Date ↔ ISO calendar dates (DESIGN.md §2: dates are calendar dates in Europe/Amsterdam).
import { isIsoDate, type IsoDate } from '@stap/regelingen';

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function toIsoDate(date: DateParts | undefined): IsoDate | undefined {
  if (!date) return undefined;
  const text = `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
  return isIsoDate(text) ? text : undefined;
}

export function toDateParts(date: IsoDate): DateParts {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}
