/**
 * What a record becomes: an `Event` (through the same normaliser as the evtx_dump JSON reader,
 * so a rule sees the same fields from an `.evtx` file and from its JSON twin), an evtx_dump JSON
 * line, or Windows XML.
 */
import type { Event } from '../../model/index.js';
import type { RecordProblem } from '../types.js';
import { normalizeEvtxJson } from '../windows/normalize.js';
import type { EvtxRecord } from './chunk.js';
import { fastEvent } from './fields.js';
import { planEvent } from './plan.js';
import { stringifyEvtxJson, toEvtxJson, toXml } from './render.js';

export type EvtxOutputKind = 'events' | 'jsonl' | 'xml';

/**
 * The Event for a record, or a problem saying why there is none: built directly from the record
 * tree (`fastEvent`), which gives exactly what the render + normalise path gives; records of a
 * shape it leaves alone (and every rejected record) take that path.
 */
export function recordToEvent(rec: EvtxRecord, uri: string): Event | RecordProblem {
  const source = { kind: 'evtx' as const, uri, record: rec.id };
  // a planned instance needs no tree; where its plan gives up, so would fastEvent (the tree path
  // is still tried: it costs nothing then)
  const ev = (rec.planned && planEvent(rec.planned, source)) ?? fastEvent(rec.nodes, source);
  if (ev === undefined) return recordToEventSlow(rec, uri);
  if (rec.carved) (ev.fields as Record<string, unknown>).EvtxCarved = true;
  return ev;
}

/**
 * `recordToEvent` without the template plan: `fastEvent` on the record's resolved tree, else the
 * reference path (for comparisons and the benchmark).
 */
export function recordToEventTree(rec: EvtxRecord, uri: string): Event | RecordProblem {
  const ev = fastEvent(rec.nodes, { kind: 'evtx', uri, record: rec.id });
  if (ev === undefined) return recordToEventSlow(rec, uri);
  if (rec.carved) (ev.fields as Record<string, unknown>).EvtxCarved = true;
  return ev;
}

/**
 * The reference path: the record as evtx_dump JSON, then `normalizeEvtxJson` (the JSON reader's
 * normaliser), so `.evtx` and its JSON twin give the same fields by construction.
 */
export function recordToEventSlow(rec: EvtxRecord, uri: string): Event | RecordProblem {
  const obj = toEvtxJson(rec.nodes);
  const ev = normalizeEvtxJson(obj, { kind: 'evtx', uri, record: rec.id });
  if (typeof ev === 'string') {
    return {
      file: uri,
      record: rec.id,
      offset: rec.offset,
      reason: `record ${rec.id}${rec.carved ? ' (carved)' : ''}: ${ev}`,
      level: 'error',
    };
  }
  if (rec.carved) (ev.fields as Record<string, unknown>).EvtxCarved = true;
  return ev;
}

/** One evtx_dump-style JSON line (no newline). */
export function recordToJsonLine(rec: EvtxRecord): string {
  return stringifyEvtxJson(toEvtxJson(rec.nodes, true));
}

/** Windows XML of a record (ends with a newline). Carved records say so in a comment. */
export function recordToXml(rec: EvtxRecord): string {
  const x = toXml(rec.nodes);
  return rec.carved
    ? `<!-- recovered from slack space: record ${rec.id} at file offset ${rec.offset} -->\n${x}`
    : x;
}

export type EvtxItem = Event | string;

/** Converts the records of one chunk to the wanted output; problems go to `problem`. */
export function convertRecords(
  recs: EvtxRecord[],
  kind: EvtxOutputKind,
  uri: string,
  problem: (p: RecordProblem) => void,
): EvtxItem[] {
  const out: EvtxItem[] = [];
  for (const r of recs) {
    if (kind === 'events') {
      const ev = recordToEvent(r, uri);
      if ('reason' in ev) problem(ev);
      else out.push(ev);
    } else if (kind === 'jsonl') out.push(recordToJsonLine(r));
    else out.push(recordToXml(r));
  }
  return out;
}
