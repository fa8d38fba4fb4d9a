import { normalizeEvtxJson } from '../windows/normalize.js';
import { fastEvent } from './fields.js';
import { stringifyEvtxJson, toEvtxJson, toXml } from './render.js';
/**
 * The Event for a record, or a problem saying why there is none: built directly from the record
 * tree (`fastEvent`), which gives exactly what the render + normalise path gives; records of a
 * shape it leaves alone (and every rejected record) take that path.
 */
export function recordToEvent(rec, uri) {
    const ev = fastEvent(rec.nodes, { kind: 'evtx', uri, record: rec.id });
    if (ev === undefined)
        return recordToEventSlow(rec, uri);
    if (rec.carved)
        ev.fields.EvtxCarved = true;
    return ev;
}
/**
 * The reference path: the record as evtx_dump JSON, then `normalizeEvtxJson` (the JSON reader's
 * normaliser), so `.evtx` and its JSON twin give the same fields by construction.
 */
export function recordToEventSlow(rec, uri) {
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
    if (rec.carved)
        ev.fields.EvtxCarved = true;
    return ev;
}
/** One evtx_dump-style JSON line (no newline). */
export function recordToJsonLine(rec) {
    return stringifyEvtxJson(toEvtxJson(rec.nodes, true));
}
/** Windows XML of a record (ends with a newline). Carved records say so in a comment. */
export function recordToXml(rec) {
    const x = toXml(rec.nodes);
    return rec.carved
        ? `<!-- recovered from slack space: record ${rec.id} at file offset ${rec.offset} -->\n${x}`
        : x;
}
/** Converts the records of one chunk to the wanted output; problems go to `problem`. */
export function convertRecords(recs, kind, uri, problem) {
    const out = [];
    for (const r of recs) {
        if (kind === 'events') {
            const ev = recordToEvent(r, uri);
            if ('reason' in ev)
                problem(ev);
            else
                out.push(ev);
        }
        else if (kind === 'jsonl')
            out.push(recordToJsonLine(r));
        else
            out.push(recordToXml(r));
    }
    return out;
}
//# sourceMappingURL=output.js.map