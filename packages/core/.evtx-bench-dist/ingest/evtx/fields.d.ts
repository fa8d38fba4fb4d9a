/**
 * Direct path from a resolved record tree to `Event.fields`, without building the evtx_dump JSON
 * object of the whole record and walking it again in `normalizeEvtxJson`.
 *
 * It must give EXACTLY what `normalizeEvtxJson(toEvtxJson(nodes))` gives (a rule has to match an
 * `.evtx` file and its JSON twin alike; `fields.test.ts` compares both paths on every record of
 * the samples). So it reproduces that composition step by step for the shapes real logs have
 * (`System` leaves with attributes, `EventData` with named or unnamed `Data`, `UserData`), reuses
 * the renderer's own value functions for every leaf, and returns `undefined` — "use the slow path
 * for this record" — for every rare shape whose outcome depends on JSON-object quirks: duplicate
 * names, names that are special as object keys (`__proto__`, `@x`, `#text`, integer-like), text
 * mixed into containers, and every record the normaliser would reject (so the slow path words the
 * problem).
 */
import type { Event, SourceRef } from '../../model/index.js';
import { type XNode } from './binxml.js';
/**
 * The Event of a resolved record, built directly; `undefined` when the record has a shape this
 * path leaves to `normalizeEvtxJson(toEvtxJson(...))` (including every record that is rejected).
 */
export declare function fastEvent(nodes: readonly XNode[], source: SourceRef): Event | undefined;
