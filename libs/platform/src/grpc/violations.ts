// Collects every field violation of a request before answering, so a caller learns all its mistakes at once
// instead of one per round trip.
import { invalidArgument, type FieldViolation } from './errors';

export class FieldViolations {
  private readonly collected: FieldViolation[] = [];

  /** Records a violation for `field` unless `valid` holds. Returns `valid` for chaining further checks. */
  check(valid: boolean, field: string, description: string): boolean {
    if (!valid) this.collected.push({ field, description });
    return valid;
  }

  /** Records a violation when the string is missing or blank. */
  requireText(value: string | undefined | null, field: string): boolean {
    return this.check(typeof value === 'string' && value.trim().length > 0, field, 'is required');
  }

  add(field: string, description: string): void {
    this.collected.push({ field, description });
  }

  get list(): readonly FieldViolation[] {
    return this.collected;
  }

  /** Throws INVALID_ARGUMENT with all collected violations, if any. */
  throwIfAny(message = 'request has invalid fields'): void {
    if (this.collected.length > 0) throw invalidArgument([...this.collected], message);
  }
}
