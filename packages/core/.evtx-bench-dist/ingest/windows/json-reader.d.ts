import type { Event } from '../../model/index.js';
import type { FormatReader, InputSource, ReadOptions } from '../types.js';
import { type WindowsFlavour } from './normalize.js';
export declare const DEFAULT_BATCH_SIZE = 1000;
/** The head as text for sniffing: BOM removed, UTF-16 decoded. */
export declare function headText(head: Buffer): string;
/** How much the head looks like each flavour (0 = not at all). */
export declare function sniffWindowsJson(name: string, head: Buffer): Record<WindowsFlavour, number>;
/** The `timezone` reader setting (for times written without a zone), as minutes east of UTC. */
export declare function timezoneSetting(opts: ReadOptions): number | undefined;
/** Look-ahead bounds (see readWindowsJson): records and bytes of JSON text held at most. */
export declare const LOOKAHEAD_RECORDS = 2000;
export declare const LOOKAHEAD_BYTES: number;
/**
 * Reads Windows JSON events from one input. `forced`: normalise every record as that flavour
 * (from --format); otherwise each record's flavour is detected.
 *
 * Flat exports whose TimeCreated clock must be measured against Sysmon's UtcTime (see
 * normalize.ts, flatTimeCreated) are read with a bounded look-ahead at the start: records are held
 * (at most LOOKAHEAD_RECORDS / LOOKAHEAD_BYTES) until every host met so far has a measured clock,
 * so that the records before a host's first Sysmon event get the same correction as the rest.
 */
export declare function readWindowsJson(input: InputSource, opts: ReadOptions, forced?: WindowsFlavour): AsyncGenerator<Event[]>;
export declare const evtxJsonReader: FormatReader;
export declare const nxlogJsonReader: FormatReader;
export declare const ecsJsonReader: FormatReader;
