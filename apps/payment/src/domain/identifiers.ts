// Shapes of identifiers and dates accepted at the edge, checked before anything reaches the database, so a malformed
// value is INVALID_ARGUMENT instead of a failed cast.
import { isIsoDate } from '@stap/regelingen';
export { isUuid } from '@stap/platform/ids';

/** A real calendar date "YYYY-MM-DD" (2023-02-30 is not one). */
export const isCalendarDate = (value: string): boolean => isIsoDate(value);
