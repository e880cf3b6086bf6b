// The platform's transport-neutral errors, plus the one shape the register needs often: a duplicate key.
import { conflict } from '@stap/platform/errors';

export { invalid, preconditionFailed, notFoundError, forbidden, conflict } from '@stap/platform/errors';

export const alreadyExistsOr = (message: string, field: string) => conflict(message, [{ field, description: 'already exists' }]);
