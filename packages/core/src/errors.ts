/**
 * One error type for the whole project (DESIGN.md, "Conventions"). Codes map to exit codes and
 * HTTP statuses here and only here.
 */
export type ErrorCode =
  | 'usage' // bad flags or arguments
  | 'config' // bad configuration file or value
  | 'input' // unreadable or malformed input data
  | 'rule' // a detection rule that cannot be loaded
  | 'not-found'
  | 'auth'
  | 'forbidden'
  | 'conflict'
  | 'internal';

export interface ErrorDetails {
  cause?: unknown;
  file?: string;
  line?: number;
  record?: number;
  field?: string;
}

export class HaechiError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly record?: number;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'HaechiError';
    this.code = code;
    this.file = details.file;
    this.line = details.line;
    this.record = details.record;
    this.field = details.field;
  }

  /** "file:line: message" style, the way people read it in a terminal. */
  describe(): string {
    const where = [this.file, this.line ?? this.record].filter((x) => x !== undefined).join(':');
    const field = this.field ? ` (field ${this.field})` : '';
    return `${where ? `${where}: ` : ''}${this.message}${field}`;
  }
}

const EXIT: Record<ErrorCode, number> = {
  usage: 2,
  config: 2,
  rule: 2,
  input: 3,
  'not-found': 3,
  auth: 2,
  forbidden: 2,
  conflict: 2,
  internal: 70,
};

const HTTP: Record<ErrorCode, number> = {
  usage: 400,
  config: 400,
  rule: 400,
  input: 422,
  'not-found': 404,
  auth: 401,
  forbidden: 403,
  conflict: 409,
  internal: 500,
};

export function exitCodeOf(err: unknown): number {
  return err instanceof HaechiError ? EXIT[err.code] : 70;
}

export function httpStatusOf(err: unknown): number {
  return err instanceof HaechiError ? HTTP[err.code] : 500;
}
