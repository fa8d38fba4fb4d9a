/**
 * Reading events from inputs: pick the reader (by --format or by sniffing) and delegate; and a
 * convenience over paths that also keeps per-input statistics (records read, skipped and why).
 */
import { basename } from 'node:path';
import type { Event } from '../model/index.js';
import { requireFormat, sniffFormat } from './formats.js';
import { type DiscoverOptions, discoverInputs } from './inputs.js';
import type { FormatReader, InputSource, ReadOptions, RecordProblem } from './types.js';

/** The reader for an input: the one named by `opts.format`, else the best sniff. */
export function readerFor(input: InputSource, opts: Pick<ReadOptions, 'format'> = {}): FormatReader {
  if (opts.format) return requireFormat(opts.format);
  return sniffFormat(input.name ?? basename(input.uri), input.head, input.uri);
}

/**
 * The events of one input, in batches. Throws HaechiError('input') when no reader recognises the
 * input, ('usage') for an unknown `opts.format`; record problems go to `opts.onProblem` (or throw
 * under `opts.strict`).
 */
export async function* readEvents(input: InputSource, opts: ReadOptions = {}): AsyncGenerator<Event[]> {
  // an empty input has no records to read or to skip, whatever its format
  if (input.head.length === 0 && !opts.format) return;
  yield* readerFor(input, opts).read(input, opts);
}

export interface ReadStats {
  uri: string;
  /** the reader used, once chosen */
  format?: string;
  /** records met: events produced plus records skipped (problems that name a record) */
  records: number;
  /** events produced */
  events: number;
  /** error-level problems: records (or chunks) skipped */
  skipped: number;
  warnings: number;
  /** problem reasons with their counts (values and positions blanked so that alike reasons group) */
  reasons: Record<string, number>;
  /** why the whole input could not be read, if it could not */
  error?: string;
}

export interface InputRead {
  input: InputSource;
  stats: ReadStats;
  /** the events; iterate it fully before asking for the next input */
  batches: AsyncIterable<Event[]>;
}

/** A reason with its specific values blanked: `invalid TimeCreated "x"` and `"y"` group together. */
export function reasonKey(p: Pick<RecordProblem, 'reason' | 'field'>): string {
  const r = p.reason.replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/\d+/g, 'N');
  return p.field ? `${r} [${p.field}]` : r;
}

/**
 * Every input behind `paths` with its events and statistics. Problems are counted against the
 * input they name and passed on to `opts.onProblem`. An input no reader recognises (or that fails
 * as a whole) gets `stats.error` and no events, unless `opts.strict`, which throws.
 */
export async function* readPaths(
  paths: readonly string[],
  opts: DiscoverOptions = {},
): AsyncGenerator<InputRead> {
  let current: ReadStats | undefined;
  const onProblem = (p: RecordProblem) => {
    if (current && p.file === current.uri) {
      if (p.level === 'error') {
        current.skipped++;
        if (p.record !== undefined) current.records++;
      } else current.warnings++;
      const k = reasonKey(p);
      current.reasons[k] = (current.reasons[k] ?? 0) + 1;
    }
    opts.onProblem?.(p);
  };
  const inner: DiscoverOptions = { ...opts, onProblem };
  for await (const input of discoverInputs(paths, inner)) {
    const stats: ReadStats = { uri: input.uri, records: 0, events: 0, skipped: 0, warnings: 0, reasons: {} };
    current = stats;
    async function* batches(): AsyncGenerator<Event[]> {
      if (input.head.length === 0 && !opts.format) return; // empty: nothing to read or skip
      let reader: FormatReader;
      try {
        reader = readerFor(input, opts);
      } catch (err) {
        if (opts.strict) throw err;
        stats.error = (err as Error).message;
        return;
      }
      stats.format = reader.name;
      for await (const b of reader.read(input, inner)) {
        stats.events += b.length;
        stats.records += b.length;
        yield b;
      }
    }
    yield { input, stats, batches: batches() };
    current = undefined;
  }
}
