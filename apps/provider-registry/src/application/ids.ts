// Identifier checks shared by the use cases: a malformed id is INVALID_ARGUMENT naming the field, never a crash.
import { invalid } from '@stap/platform/errors';
import { isValidKvk } from '@stap/regelingen';
import { isUuid } from '@stap/platform/ids';


export function assertUuid(value: string, field: string): void {
  if (!isUuid(value)) throw invalid([{ field, description: 'must be a UUID' }]);
}

export function assertKvk(value: string, field: string): void {
  if (!isValidKvk(value)) throw invalid([{ field, description: 'must be a KVK number of 8 digits' }]);
}
