/**
 * Shared plumbing of the network log readers: line splitting over a byte stream, problem
 * reporting (skip or, with `strict`, stop), flattening of nested JSON and timestamp parsing.
 */
import type { Readable } from 'node:stream';
import type { ReadOptions, RecordProblem } from '../types.js';
export declare const DEFAULT_BATCH = 1000;
/**
 * The lines of a stream, a chunk at a time (one array per stream chunk keeps the per-line cost of
 * async iteration away). `first` is the 1-based number of the first line in `lines`. A trailing
 * `\r` is removed (logs copied through Windows tools).
 */
export declare function lineChunks(stream: Readable): AsyncGenerator<{
    lines: string[];
    first: number;
}>;
/** Report a problem; an error-level problem throws under `strict` (HaechiError 'input'). */
export declare function report(opts: ReadOptions, p: RecordProblem): void;
/** Nested objects become dotted names (`alert.signature`); arrays and scalars are kept as they are. */
export declare function flattenInto(out: Record<string, unknown>, obj: Record<string, unknown>, prefix: string): void;
export declare function hasNested(obj: Record<string, unknown>): boolean;
/**
 * RFC 3339 / ISO 8601 timestamps as Zeek, Corelight and Suricata write them, including offsets
 * without a colon (`+0200`, Suricata) and microseconds. No zone means UTC. NaN when unparsable.
 */
export declare function parseIsoTime(s: string): number;
/** Before 1980: the log was written with times relative to the start of the capture. */
export declare const RELATIVE_TIME_LIMIT_S = 315532800;
/** `settings.baseTime` (epoch ms or an ISO string) shifts relative timestamps; 0 otherwise. */
export declare function baseTimeOf(opts: ReadOptions): number;
/** `conn.2020-01-01-00-00-00.log.gz`, `conn.log.labeled`, `/x/conn.17_32_32-18_00_00.log` -> `conn` */
export declare function logNameOf(uri: string): string;
