/**
 * Shared plumbing of the network log readers: line splitting over a byte stream, problem
 * reporting (skip or, with `strict`, stop), flattening of nested JSON and timestamp parsing.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { HaechiError } from '../../errors.js';
import type { ReadOptions, RecordProblem } from '../types.js';

export const DEFAULT_BATCH = 1000;

/**
 * The lines of a stream, a chunk at a time (one array per stream chunk keeps the per-line cost of
 * async iteration away). `first` is the 1-based number of the first line in `lines`. A trailing
 * `\r` is removed (logs copied through Windows tools).
 */
export async function* lineChunks(stream: Readable): AsyncGenerator<{ lines: string[]; first: number }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let next = 1;
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    if (lines.length === 0) continue;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.length > 0 && l.charCodeAt(l.length - 1) === 13) lines[i] = l.slice(0, -1);
    }
    yield { lines, first: next };
    next += lines.length;
  }
  rest += decoder.end();
  if (rest.length > 0) {
    yield { lines: [rest.endsWith('\r') ? rest.slice(0, -1) : rest], first: next };
  }
}

/** Report a problem; an error-level problem throws under `strict` (HaechiError 'input'). */
export function report(opts: ReadOptions, p: RecordProblem): void {
  if (p.level === 'error' && opts.strict) {
    throw new HaechiError('input', p.reason, {
      file: p.file,
      line: p.line,
      record: p.record,
      field: p.field,
    });
  }
  opts.onProblem?.(p);
}

/** Nested objects become dotted names (`alert.signature`); arrays and scalars are kept as they are. */
export function flattenInto(
  out: Record<string, unknown>,
  obj: Record<string, unknown>,
  prefix: string,
): void {
  for (const k in obj) {
    const v = obj[k];
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      flattenInto(out, v as Record<string, unknown>, `${prefix}${k}.`);
    } else {
      out[prefix + k] = v;
    }
  }
}

export function hasNested(obj: Record<string, unknown>): boolean {
  for (const k in obj) {
    const v = obj[k];
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return true;
  }
  return false;
}

const ISO_RE = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d+))?\s*(Z|[+-]\d\d:?\d\d)?$/i;

/**
 * RFC 3339 / ISO 8601 timestamps as Zeek, Corelight and Suricata write them, including offsets
 * without a colon (`+0200`, Suricata) and microseconds. No zone means UTC. NaN when unparsable.
 */
export function parseIsoTime(s: string): number {
  const m = ISO_RE.exec(s);
  if (!m) return Number.NaN;
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  let t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) + frac;
  const z = m[8];
  if (z && z !== 'Z' && z !== 'z') {
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  // whole milliseconds, as every reader here gives (Zeek's microseconds are kept in `ts`)
  return Math.round(t);
}

/** Before 1980: the log was written with times relative to the start of the capture. */
export const RELATIVE_TIME_LIMIT_S = 315_532_800;

/**
 * Zeek's `ts` (epoch seconds) as epoch ms. Relative times (before 1980: logs written from the
 * start of a capture) are placed after `settings.baseTime`, with one warning per input.
 */
export function zeekSecondsToMs(
  ts: number,
  ctx: { file: string; line: number; base: number; opts: ReadOptions; warned: { relative: boolean } },
): number {
  if (ts >= RELATIVE_TIME_LIMIT_S) return Math.round(ts * 1000);
  if (!ctx.warned.relative) {
    ctx.warned.relative = true;
    report(ctx.opts, {
      file: ctx.file,
      line: ctx.line,
      field: 'ts',
      level: 'warning',
      reason: `timestamps are relative to the capture start (ts=${ts}); placed after settings.baseTime (${new Date(ctx.base).toISOString()})`,
    });
  }
  return ctx.base + Math.round(ts * 1000);
}

/** `settings.baseTime` (epoch ms or an ISO string) shifts relative timestamps; 0 otherwise. */
export function baseTimeOf(opts: ReadOptions): number {
  const b = opts.settings?.baseTime;
  if (typeof b === 'number' && Number.isFinite(b)) return b;
  if (typeof b === 'string') {
    const t = parseIsoTime(b);
    if (Number.isFinite(t)) return t;
  }
  return 0;
}

/** `conn.2020-01-01-00-00-00.log.gz`, `conn.log.labeled`, `/x/conn.17_32_32-18_00_00.log` -> `conn` */
export function logNameOf(uri: string): string {
  const base = uri.split(/[\\/!]/).pop() ?? uri;
  return base.split('.')[0] ?? base;
}

/**
 * One JSON-lines record as an object; a line that is not a JSON object is reported (file, line)
 * and gives undefined, so the caller skips it.
 */
export function parseJsonObjectLine(
  line: string,
  lineNo: number,
  file: string,
  opts: ReadOptions,
): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('not a JSON object');
    }
    return parsed as Record<string, unknown>;
  } catch (err) {
    report(opts, { file, line: lineNo, level: 'error', reason: `invalid JSON: ${(err as Error).message}` });
    return undefined;
  }
}
