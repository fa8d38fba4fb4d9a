/**
 * What a record becomes: an `Event` (through the same normaliser as the evtx_dump JSON reader,
 * so a rule sees the same fields from an `.evtx` file and from its JSON twin), an evtx_dump JSON
 * line, or Windows XML.
 */
import type { Event } from '../../model/index.js';
import type { RecordProblem } from '../types.js';
import type { EvtxRecord } from './chunk.js';
export type EvtxOutputKind = 'events' | 'jsonl' | 'xml';
/**
 * The Event for a record, or a problem saying why there is none: built directly from the record
 * tree (`fastEvent`), which gives exactly what the render + normalise path gives; records of a
 * shape it leaves alone (and every rejected record) take that path.
 */
export declare function recordToEvent(rec: EvtxRecord, uri: string): Event | RecordProblem;
/**
 * The reference path: the record as evtx_dump JSON, then `normalizeEvtxJson` (the JSON reader's
 * normaliser), so `.evtx` and its JSON twin give the same fields by construction.
 */
export declare function recordToEventSlow(rec: EvtxRecord, uri: string): Event | RecordProblem;
/** One evtx_dump-style JSON line (no newline). */
export declare function recordToJsonLine(rec: EvtxRecord): string;
/** Windows XML of a record (ends with a newline). Carved records say so in a comment. */
export declare function recordToXml(rec: EvtxRecord): string;
export type EvtxItem = Event | string;
/** Converts the records of one chunk to the wanted output; problems go to `problem`. */
export declare function convertRecords(recs: EvtxRecord[], kind: EvtxOutputKind, uri: string, problem: (p: RecordProblem) => void): EvtxItem[];
