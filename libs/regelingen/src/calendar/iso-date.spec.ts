import {
  addDays,
  addMonthsClamped,
  anniversary,
  compareDates,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isoWeekday,
  lastDayOfMonth,
  toDayNumber,
} from './iso-date';

describe('ISO calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2022-04-31')).toBe(false);
    expect(isIsoDate('2022-13-01')).toBe(false);
    expect(isIsoDate('2022-1-01')).toBe(false);
    expect(isIsoDate('2022-01-01T00:00')).toBe(false);
  });

  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('maps dates to day numbers and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    for (let day = -719_162; day <= 2_932_896; day += 997) expect(toDayNumber(fromDayNumber(day))).toBe(day);
  });

  it('agrees with Date.UTC on every day of 1999-2032', () => {
    const start = Date.UTC(1999, 0, 1) / 86_400_000;
    for (let n = start; n < start + 34 * 366; n += 1) {
      expect(fromDayNumber(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2022-03-27', 1)).toBe('2022-03-28'); // summer time starts that night
    expect(addDays('2022-10-30', 1)).toBe('2022-10-31'); // and ends that night
    expect(addDays('2023-02-28', 28)).toBe('2023-03-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2022-03-01', '2022-03-29')).toBe(28);
    expect(compareDates('2022-01-02', '2022-01-01')).toBe(1);
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonthsClamped('2022-08-31', 3)).toBe('2022-11-30');
    expect(addMonthsClamped('2022-04-30', 3)).toBe('2022-07-30');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('2022-03-01', -27)).toBe('2019-12-01');
    expect(addMonthsClamped('2023-01-15', -1)).toBe('2022-12-15');
  });

  it('completes an age period on the first of the next month when the day does not exist', () => {
    expect(anniversary('2004-02-29', 18)).toBe('2022-03-01');
    expect(anniversary('2004-02-29', 20)).toBe('2024-02-29');
    expect(anniversary('1956-05-31', 66, 7)).toBe('2022-12-31');
    expect(anniversary('1961-11-30', 67, 3)).toBe('2029-03-01'); // 30 February does not exist
    expect(anniversary('2004-06-15', 18)).toBe('2022-06-15');
  });

  it('knows the weekday and the last day of a month', () => {
    expect(isoWeekday('2022-05-01')).toBe(7); // a Sunday: STAP opened on Monday 2 May 2022
    expect(isoWeekday('2023-03-17')).toBe(5);
    expect(lastDayOfMonth('2024-02-10')).toBe('2024-02-29');
  });
});
