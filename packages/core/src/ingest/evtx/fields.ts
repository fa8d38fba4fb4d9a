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
import { parseTimestamp } from '../time.js';
import { NUMERIC_SYSTEM_FIELDS, PROTECTED_SYSTEM_FIELDS } from '../windows/field-maps.js';
import { intern, K_ELEM, K_TEXT, K_VALUE, type XElem, type XNode } from './binxml.js';
import {
  contentValue,
  contentValueSkipElements,
  dataValue,
  elementValue,
  hasElement,
  hasText,
  textOf,
} from './render.js';
import { type FileTime, fileTimeMs, isJsonNumberType, VT } from './values.js';

export type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names whose handling as a JSON object key is not plain (prototype keys, `@`/`#` prefixes, array indexes). */
export function unsafeName(s: string): boolean {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if (c === 64 || c === 35 || (c >= 48 && c <= 57)) return true;
  // prototype keys are all lower-case-initial or `_` (`constructor`, `toString`, `__proto__`...)
  return (c >= 97 || c === 95) && s in Object.prototype;
}

/** `Element_Attribute` field names, made once (the same dozen recur in every record); bounded. */
const ATTR_KEYS = new Map<string, Map<string, string>>();

function attrKey(element: string, attr: string): string {
  let m = ATTR_KEYS.get(element);
  if (m === undefined) {
    m = new Map();
    if (ATTR_KEYS.size < 64) ATTR_KEYS.set(element, m);
  }
  let key = m.get(attr);
  if (key === undefined) {
    key = intern(`${element}_${attr}`);
    if (m.size < 64) m.set(attr, key);
  }
  return key;
}

/** evtx_dump's `{"#text": x}` -> x (the normaliser's textOf on JSON values). */
export function jsonText(v: unknown): unknown {
  if (isObj(v) && '#text' in v) return v['#text'];
  return v;
}

export function setField(f: Obj, key: string, value: unknown): void {
  if (key === '__proto__') return;
  // (the set first: most names are not protected, and a miss of `in` walks the prototype)
  if (PROTECTED_SYSTEM_FIELDS.has(key) && key in f) {
    f[`EventData_${key}`] = value;
    return;
  }
  f[key] = value;
}

/**
 * `hasText(nodes) ? contentValue(nodes) : undefined` with the common single-value and
 * single-text cases short-cut (same results: a string is trimmed, a number or boolean of an
 * integer/boolean type stays as it is).
 */
export function leafValue(nodes: readonly XNode[]): unknown {
  if (nodes.length === 1) {
    const n = nodes[0];
    if (n.k === K_VALUE) {
      const v = n.v;
      if (typeof v === 'string') {
        if (!isJsonNumberType(n.t)) return v === '' ? undefined : v.trim();
      } else if ((typeof v === 'number' || typeof v === 'boolean') && isJsonNumberType(n.t)) return v;
    } else if (n.k === K_TEXT) return n.s === '' ? undefined : n.s.trim();
  } else if (nodes.length === 0) return undefined;
  return hasText(nodes) ? contentValue(nodes) : undefined;
}

/** The renderer's dataValue, with leafValue's short-cuts for a `<Data>` without child elements. */
function dataLeaf(el: XElem): unknown {
  const ch = el.children;
  if (ch.length === 0) return '';
  if (ch.length === 1 && ch[0].k !== K_ELEM) return leafValue(ch) ?? '';
  return dataValue(el);
}

function attrsHaveText(el: XElem): boolean {
  for (const a of el.attrs) if (hasText(a.value)) return true;
  return false;
}

/** one-entry memo of the `YYYY-MM-DDTHH:MM:SS` part: consecutive records mostly share the second */
let isoSec = Number.NaN;
let isoPrefix = '';

/** `new Date(ms).toISOString()` for years 0-9999, without the runtime call for every record. */
function isoMs(ms: number): string {
  if (!Number.isInteger(ms)) return new Date(ms).toISOString();
  const sec = Math.floor(ms / 1000);
  if (sec !== isoSec) {
    const full = new Date(sec * 1000).toISOString();
    if (full.length !== 24) return new Date(ms).toISOString(); // outside years 0-9999
    isoSec = sec;
    isoPrefix = full.slice(0, 20);
  }
  const r = ms - sec * 1000;
  return isoPrefix + (r < 10 ? `00${r}Z` : r < 100 ? `0${r}Z` : `${r}Z`);
}

/** Unix seconds of year 9999-12-31T23:59:59 (beyond it, and before 1970, take the text route). */
const MAX_UNIX_SECS = 253402300799;
const FILETIME_EPOCH_DIFF = 11644473600;

/**
 * Epoch ms of a TimeCreated SystemTime attribute value, as `parseTimestamp` reads the evtx_dump
 * text of it (microseconds, truncated to ms), or undefined when it is not a plain FILETIME
 * (then the text is parsed exactly as the normaliser does).
 */
function fileTimeValueMs(nodes: readonly XNode[]): number | undefined {
  if (nodes.length !== 1) return undefined;
  const n = nodes[0];
  if (n.k !== K_VALUE || n.t !== VT.FileTime || n.v === null || typeof n.v !== 'object' || Array.isArray(n.v))
    return undefined;
  const ft = n.v as FileTime;
  const unix = ft.secs - FILETIME_EPOCH_DIFF;
  if (unix < 0 || unix > MAX_UNIX_SECS) return undefined;
  return fileTimeMs(ft);
}

const NUMERIC_RE = /^\s*-?\d+\s*$/;

function keywordsHex(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  let b = BigInt(Math.trunc(n));
  if (b < 0n) b += 1n << 64n;
  return `0x${b.toString(16).padStart(16, '0')}`;
}

/** System children: the normaliser's loop over `Event.System` (keys in document order). Returns the time or undefined (slow path). */
function systemFields(sys: XElem, f: Obj): number | undefined {
  // `#text` of System itself would become a field named `#text`: rare, slow path
  if (hasText(sys.children)) return undefined;
  for (const a of sys.attrs) if (unsafeName(a.name)) return undefined;
  let timeMs: number | undefined;
  let timeText: unknown;
  const seen: string[] = [];
  for (const c of sys.children) {
    if (c.k !== K_ELEM) continue;
    const k = c.name;
    if (unsafeName(k) || seen.includes(k)) return undefined;
    seen.push(k);
    const attrText = attrsHaveText(c);
    const hasE = hasElement(c.children);
    if (!attrText && !hasE) {
      const v = leafValue(c.children);
      if (v === undefined) continue; // null: skipped
      if (k === 'TimeCreated') timeText = v;
      else f[k] = v;
      continue;
    }
    // an object: `#attributes` (attributes with text) and `#text`
    if (hasE) {
      if (k === 'TimeCreated' || k === 'EventID') return undefined;
      for (const e of c.children) if (e.k === K_ELEM && unsafeName(e.name)) return undefined;
    }
    if (k === 'TimeCreated') {
      let found = false;
      for (const a of c.attrs) {
        if (a.name !== 'SystemTime' || !hasText(a.value)) continue;
        found = true;
        timeMs = fileTimeValueMs(a.value);
        if (timeMs === undefined) timeText = contentValue(a.value);
        break;
      }
      if (!found) return undefined;
      continue;
    }
    if (k === 'EventID') {
      if (!hasText(c.children)) return undefined;
      f.EventID = contentValueSkipElements(c.children);
      for (const a of c.attrs) {
        if (a.name !== 'Qualifiers' || !hasText(a.value)) continue;
        const q = contentValue(a.value);
        if (q !== null && q !== '') f.EventID_Qualifiers = q;
        break;
      }
      continue;
    }
    const names: string[] = [];
    for (const a of c.attrs) {
      const v = leafValue(a.value);
      if (v === undefined) continue;
      if (unsafeName(a.name) || names.includes(a.name)) return undefined;
      names.push(a.name);
      if (v !== null && v !== '') f[attrKey(k, a.name)] = v;
    }
    if (hasText(c.children)) f[k] = contentValueSkipElements(c.children);
  }
  if (f.EventID === undefined) return undefined;
  if (timeMs !== undefined) return timeMs;
  if (typeof timeText !== 'string') return undefined;
  return parseTimestamp(timeText, 0)?.ms;
}

function addUnnamed(f: Obj, t: unknown): void {
  if (isObj(t) || t === null || t === undefined) return;
  const prev = f.Data;
  if (prev === undefined) f.Data = t;
  else f.Data = [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(t) ? t : [t])];
}

function nameAttr(el: XElem): XNode[] | undefined {
  for (const a of el.attrs) if (a.name === 'Name') return a.value;
  return undefined;
}

/** EventData: evtx_dump's flattening of `<Data Name=...>` (or its `Data` list) and the normaliser's addEventData. False: slow path. */
export function eventDataFields(ed: XElem, f: Obj): boolean {
  const hasE = hasElement(ed.children);
  const txt = hasText(ed.children);
  if (txt) return false;
  if (!hasE) return true; // null or attributes only: nothing
  let flatten = false;
  let positional = 0;
  for (const c of ed.children) {
    if (c.k !== K_ELEM || c.name !== 'Data') continue;
    positional++;
    const nv = nameAttr(c);
    if (nv && hasText(nv)) flatten = true;
  }
  const seen: string[] = [];
  let positionalDone = false;
  for (const c of ed.children) {
    if (c.k !== K_ELEM) continue;
    if (c.name === 'Data') {
      if (flatten) {
        const nv = nameAttr(c);
        if (!nv || !hasText(nv)) continue;
        const key = textOf(nv);
        if (key === 'Data' || unsafeName(key) || seen.includes(key)) return false;
        seen.push(key);
        setField(f, key, jsonText(dataLeaf(c)));
      } else if (!positionalDone && positional > 0) {
        positionalDone = true;
        seen.push('Data');
        if (positional === 1) addUnnamed(f, dataLeaf(c));
        else {
          const list: unknown[] = [];
          for (const d of ed.children) if (d.k === K_ELEM && d.name === 'Data') list.push(dataLeaf(d));
          addUnnamed(f, list);
        }
      }
      continue;
    }
    if (unsafeName(c.name)) return false;
    let key = c.name;
    if (seen.includes(key)) {
      let k = 1;
      while (seen.includes(`${c.name}_${k}`)) k++;
      key = `${c.name}_${k}`;
    }
    seen.push(key);
    setField(f, key, jsonText(elementValue(c, c.name === 'EventData' || c.name === 'UserData')));
  }
  return true;
}

function addLeaf(f: Obj, k: string, v: unknown, path: string): void {
  if (k === '__proto__') return;
  if (k in f && path) f[`${path}.${k}`] = v;
  else setField(f, k, v);
}

/** The normaliser's UserData walk, on the renderer's own JSON value of UserData. */
function addUserData(f: Obj, data: unknown, path: string): void {
  if (!isObj(data)) return;
  for (const k in data) {
    const v = data[k];
    if (k === '#attributes') {
      if (isObj(v))
        for (const a in v) if (a !== 'xmlns' && !a.startsWith('xmlns:')) addLeaf(f, a, v[a], path);
      continue;
    }
    if (isObj(v) && !('#text' in v)) addUserData(f, v, path ? `${path}.${k}` : k);
    else addLeaf(f, k, jsonText(v), path);
  }
}

/**
 * The Event of a resolved record, built directly; `undefined` when the record has a shape this
 * path leaves to `normalizeEvtxJson(toEvtxJson(...))` (including every record that is rejected).
 */
export function fastEvent(nodes: readonly XNode[], source: SourceRef): Event | undefined {
  let root: XElem | undefined;
  for (const n of nodes) {
    if (n.k === K_ELEM) {
      root = n;
      break;
    }
  }
  if (root?.name !== 'Event') return undefined;
  let sys: XElem | undefined;
  let ed: XElem | undefined;
  let ud: XElem | undefined;
  let ri: XElem | undefined;
  let ped: XElem | undefined;
  let elements = false;
  for (const c of root.children) {
    if (c.k !== K_ELEM) continue;
    elements = true;
    if (unsafeName(c.name)) return undefined;
    switch (c.name) {
      case 'System':
        sys ??= c;
        break;
      case 'EventData':
        ed ??= c;
        break;
      case 'UserData':
        ud ??= c;
        break;
      case 'RenderingInfo':
        ri ??= c;
        break;
      case 'ProcessingErrorData':
        ped ??= c;
        break;
    }
  }
  if (!elements || !sys) return undefined;
  const edEl = ed;
  return eventFromParts(sys, edEl && ((f: Obj) => eventDataFields(edEl, f)), ud, ri, ped, source);
}

/**
 * The Event from the resolved `System`, `UserData`, `RenderingInfo` and `ProcessingErrorData`
 * elements of a record and a filler of the `EventData` fields (false: slow path). Shared by
 * `fastEvent` and the per-template plans (`plan.ts`), which fill EventData without a tree.
 */
export function eventFromParts(
  sys: XElem,
  fillEventData: ((f: Obj) => boolean) | undefined,
  ud: XElem | undefined,
  ri: XElem | undefined,
  ped: XElem | undefined,
  source: SourceRef,
): Event | undefined {
  // System must render as an object (attributes with text or child elements)
  if (!hasElement(sys.children) && !attrsHaveText(sys)) return undefined;
  const f: Obj = {};
  const ms = systemFields(sys, f);
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  f.TimeCreated = isoMs(ms);
  if (fillEventData && !fillEventData(f)) return undefined;
  if (ud) addUserData(f, elementValue(ud, true), '');
  if (ri) {
    for (const c of ri.children) if (c.k === K_ELEM && c.name === '__proto__') return undefined;
    const v = elementValue(ri, false);
    if (isObj(v) && f.Message === undefined && v.Message !== undefined) f.Message = jsonText(v.Message);
  }
  if (ped) {
    const v = elementValue(ped, false);
    if (isObj(v)) for (const k in v) f[`ProcessingErrorData_${k}`] = v[k];
  }
  for (const k of NUMERIC_SYSTEM_FIELDS) {
    const v = f[k];
    if (typeof v === 'string' && v !== '' && NUMERIC_RE.test(v)) f[k] = Number(v);
  }
  const kw = f.Keywords;
  if (typeof kw === 'number') f.Keywords = keywordsHex(kw);
  if (typeof f.EventID !== 'number' || !Number.isInteger(f.EventID)) return undefined;
  return { time: ms, source, fields: f };
}
