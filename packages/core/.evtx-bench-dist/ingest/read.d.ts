import type { Event } from '../model/index.js';
import { type DiscoverOptions } from './inputs.js';
import type { FormatReader, InputSource, ReadOptions, RecordProblem } from './types.js';
/** The reader for an input: the one named by `opts.format`, else the best sniff. */
export declare function readerFor(input: InputSource, opts?: Pick<ReadOptions, 'format'>): FormatReader;
/**
 * The events of one input, in batches. Throws HaechiError('input') when no reader recognises the
 * input, ('usage') for an unknown `opts.format`; record problems go to `opts.onProblem` (or throw
 * under `opts.strict`).
 */
export declare function readEvents(input: InputSource, opts?: ReadOptions): AsyncGenerator<Event[]>;
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
export declare function reasonKey(p: Pick<RecordProblem, 'reason' | 'field'>): string;
/**
 * Every input behind `paths` with its events and statistics. Problems are counted against the
 * input they name and passed on to `opts.onProblem`. An input no reader recognises (or that fails
 * as a whole) gets `stats.error` and no events, unless `opts.strict`, which throws.
 */
export declare function readPaths(paths: readonly string[], opts?: DiscoverOptions): AsyncGenerator<InputRead>;
