export { createLogger, type Logger, type LoggerOptions } from './logger';
export { BSN_MASK, maskBsnInJsonLine, maskIban, REDACTED, redactKeys } from './redaction';
