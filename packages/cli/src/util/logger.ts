/**
 * pino JSON logs to stderr (the CLI's stdout is for data), with secrets redacted wherever they
 * appear in a logged object.
 */
import type { Logger } from '@haechi/core';
import pino from 'pino';

export const REDACT_PATHS = [
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'hash',
  '*.hash',
  'nt',
  '*.nt',
];

export function createLogger(level: string = process.env.HAECHI_LOG_LEVEL ?? 'warn'): Logger {
  return pino(
    { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: undefined },
    pino.destination(2),
  );
}
