// Identifier checks shared by the use cases: a malformed id is INVALID_ARGUMENT naming the field, never a crash.
import { invalid } from '@stap/platform/errors';
import { isValidKvk } from '@stap/regelingen';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertUuid(value: string, field: string): void {
  if (!UUID.test(value)) throw invalid([{ field, description: 'must be a UUID' }]);
}

export function assertKvk(value: string, field: string): void {
  if (!isValidKvk(value)) throw invalid([{ field, description: 'must be a KVK number of 8 digits' }]);
}
