// The errors the portal's gRPC edge raises itself, in the platform's transport-neutral form.
import { ApplicationError, forbidden, invalid } from '@stap/platform/errors';

export { forbidden, invalid };

export const unauthenticatedError = (message = 'authentication required') => new ApplicationError('unauthenticated', message);
