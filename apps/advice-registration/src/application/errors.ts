// Application errors particular to this service. The per-adviser daily limit is a quota, not a broken
// precondition: the transports answer it with RESOURCE_EXHAUSTED (gRPC) and 429 (HTTP), as the contract says.
import { ApplicationError } from '@stap/platform/errors';

export const ADVISER_DAILY_LIMIT_REACHED = 'ADVISER_DAILY_LIMIT_REACHED';

export const dailyLimitReached = (limit: number) =>
  new ApplicationError('precondition', `the career adviser reached the limit of ${limit} registrations today`, [], ADVISER_DAILY_LIMIT_REACHED);

export const isQuotaError = (error: unknown): error is ApplicationError =>
  error instanceof ApplicationError && error.reason === ADVISER_DAILY_LIMIT_REACHED;
