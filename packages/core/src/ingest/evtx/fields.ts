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
import { PROTECTED_SYSTEM_FIELDS } from '../windows/field-maps.js';
// the normaliser's own steps, so that the two paths cannot drift apart
import { addUserData, coerceSystemNumbers } from '../windows/normalize.js';
import {
  intern,
  K_ELEM,
  K_SUBST,
  K_TEXT,
  K_VALUE,
  scalarNode,
  type Values,
  type XElem,
  type XNode,
  type XSubst,
  type XText,
  type XValue,
} from './binxml.js';
import {
  contentValue,
  contentValueSkipElements,
  dataValue,
  elementValue,
  hasElement,
  hasText,
  textOf,
} from './render.js';
import { decodeScalar, type FileTime, fileTimeMs, isJsonNumberType, VT } from './values.js';

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

/** one-entry memo of the `YYYY-MM-DDTHH:MM:` part: consecutive records mostly share the minute */
let isoMin = Number.NaN;
let isoPrefix = '';

/** `new Date(ms).toISOString()` for years 0-9999, without the runtime call for every record. */
export function isoMs(ms: number): string {
  if (!Number.isInteger(ms)) return new Date(ms).toISOString();
  const sec = Math.floor(ms / 1000);
  const min = Math.floor(sec / 60);
  if (min !== isoMin) {
    const full = new Date(min * 60000).toISOString();
    if (full.length !== 24) return new Date(ms).toISOString(); // outside years 0-9999
    isoMin = min;
    isoPrefix = full.slice(0, 17);
  }
  return isoPrefix + SECONDS[sec - min * 60] + MS_SUFFIX[ms - sec * 1000];
}

/** `00.` to `59.` and `000Z` to `999Z` */
const SECONDS = Array.from({ length: 60 }, (_v, s) => `${String(s).padStart(2, '0')}.`);
const MS_SUFFIX = Array.from({ length: 1000 }, (_v, r) => `${String(r).padStart(3, '0')}Z`);

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

/** A `System` child of a template, compiled (`compileSystem`): its leaf and its attributes' leaves. */
export interface SysChild {
  name: string;
  /** the element's content: nothing, one constant text, or one substitution */
  leaf: XText | XSubst | undefined;
  attrs: { name: string; key: string; leaf: XText | XSubst | undefined }[];
}

function compileLeaf(nodes: readonly XNode[]): XText | XSubst | undefined | null {
  if (nodes.length === 0) return undefined;
  const n = nodes[0];
  return nodes.length === 1 && (n.k === K_TEXT || n.k === K_SUBST) ? n : null;
}

/**
 * A template's `System` element as leaves, when every child is an element of a distinct, plain
 * name whose content and attribute values are each nothing, one constant text or one
 * substitution (what Windows templates have); else null (the System is resolved and walked).
 */
export function compileSystem(sys: XElem): SysChild[] | null {
  if (sys.attrs.length !== 0 || sys.children.length === 0) return null;
  const out: SysChild[] = [];
  const names = new Set<string>();
  for (const c of sys.children) {
    if (c.k !== K_ELEM || unsafeName(c.name) || names.has(c.name)) return null;
    names.add(c.name);
    const leaf = compileLeaf(c.children);
    if (leaf === null) return null;
    const attrs: SysChild['attrs'] = [];
    const an = new Set<string>();
    for (const a of c.attrs) {
      if (unsafeName(a.name) || an.has(a.name)) return null;
      an.add(a.name);
      const l = compileLeaf(a.value);
      if (l === null) return null;
      attrs.push({ name: a.name, key: attrKey(c.name, a.name), leaf: l });
    }
    out.push({ name: c.name, leaf, attrs });
  }
  return out;
}

const NULL_VALUE: XValue = { k: K_VALUE, t: VT.Null, v: null };
/** leafNode: the value is embedded BinXML (the System must then be resolved) */
const BINXML: XText = { k: K_TEXT, s: '' };

/** The node a leaf resolves to (as resolveList makes it), or null for none. */
function leafNode(leaf: XText | XSubst | undefined, vals: Values): XNode | null {
  if (leaf === undefined) return null;
  if (leaf.k === K_TEXT) return leaf;
  const i = leaf.i;
  if (i >= vals.count) return null;
  const t = vals.desc[i * 3];
  if (t === VT.Null) return leaf.optional ? null : NULL_VALUE;
  if (t === VT.BinXml) return BINXML;
  return scalarNode(vals, i);
}

const EMPTY: readonly XNode[] = [];
const SCRATCH: XNode[] = [];
/** `[n]` (or `[]`) for the tree helpers, which read it at once and keep nothing */
function list(n: XNode | null): readonly XNode[] {
  if (n === null) return EMPTY;
  SCRATCH[0] = n;
  return SCRATCH;
}

/**
 * `systemFields` of the resolved System of a compiled template's instance, without resolving it:
 * the same steps on each child's leaves (statically: no child elements, no text of System itself,
 * distinct plain names). Returns the time, undefined (slow path), or null when a value is
 * embedded BinXML (then resolve the System and use `systemFields`).
 */
export function systemFieldsPlanned(
  kids: readonly SysChild[],
  vals: Values,
  f: Obj,
): number | undefined | null {
  let timeMs: number | undefined;
  let timeText: unknown;
  const av: (XNode | null)[] = [];
  for (const c of kids) {
    const k = c.name;
    const attrs = c.attrs;
    if (attrs.length === 0) {
      // no attribute text: the `!attrText` step below, on the value without making its node
      const leaf = c.leaf;
      let v: unknown;
      if (leaf !== undefined) {
        if (leaf.k === K_TEXT) v = leafValue(list(leaf));
        else if (leaf.i < vals.count) {
          const t = vals.desc[leaf.i * 3];
          if (t === VT.BinXml) return null;
          // (a NullType value, kept or dropped, has no leaf value)
          if (t !== VT.Null) v = scalarLeafValue(vals, leaf.i);
        }
      }
      if (v === undefined) continue; // null: skipped
      if (k === 'TimeCreated') timeText = v;
      else f[k] = v;
      continue;
    }
    let attrText = false;
    for (let j = 0; j < attrs.length; j++) {
      const n = leafNode(attrs[j].leaf, vals);
      if (n === BINXML) return null;
      av[j] = n;
      if (!attrText && n !== null && hasText(list(n))) attrText = true;
    }
    const cn = leafNode(c.leaf, vals);
    if (cn === BINXML) return null;
    if (!attrText) {
      const v = leafValue(list(cn));
      if (v === undefined) continue; // null: skipped
      if (k === 'TimeCreated') timeText = v;
      else f[k] = v;
      continue;
    }
    if (k === 'TimeCreated') {
      let found = false;
      for (let j = 0; j < attrs.length; j++) {
        const n = av[j];
        if (attrs[j].name !== 'SystemTime' || n === null || !hasText(list(n))) continue;
        found = true;
        timeMs = fileTimeValueMs(list(n));
        if (timeMs === undefined) timeText = contentValue(list(n));
        break;
      }
      if (!found) return undefined;
      continue;
    }
    if (k === 'EventID') {
      if (cn === null || !hasText(list(cn))) return undefined;
      f.EventID = contentValueSkipElements(list(cn));
      for (let j = 0; j < attrs.length; j++) {
        const n = av[j];
        if (attrs[j].name !== 'Qualifiers' || n === null || !hasText(list(n))) continue;
        const q = contentValue(list(n));
        if (q !== null && q !== '') f.EventID_Qualifiers = q;
        break;
      }
      continue;
    }
    for (let j = 0; j < attrs.length; j++) {
      const v = leafValue(list(av[j]));
      if (v === undefined) continue;
      if (v !== null && v !== '') f[attrs[j].key] = v;
    }
    if (cn !== null && hasText(list(cn))) f[k] = contentValueSkipElements(list(cn));
  }
  SCRATCH.length = 0;
  if (f.EventID === undefined) return undefined;
  if (timeMs !== undefined) return timeMs;
  if (typeof timeText !== 'string') return undefined;
  return parseTimestamp(timeText, 0)?.ms;
}

/**
 * `leafValue([n])` for the node `n` of scalar substitution value i (`scalarNode(vals, i)`; i in
 * range, not NullType), with the common cases taken from the decoded value without the node.
 */
export function scalarLeafValue(vals: Values, i: number): unknown {
  const t = vals.desc[i * 3];
  const v = decodeScalar(t, vals.buf, vals.desc[i * 3 + 1], vals.desc[i * 3 + 2]);
  if (typeof v === 'string') {
    if (!isJsonNumberType(t)) return v === '' ? undefined : v.trim();
  } else if ((typeof v === 'number' || typeof v === 'boolean') && isJsonNumberType(t)) return v;
  const r = leafValue(list(scalarNode(vals, i)));
  SCRATCH.length = 0;
  return r;
}

/** `TimeCreated` from the event time (systemStart's end); undefined when there is no usable time. */
export function systemTime(ms: number | undefined, f: Obj): number | undefined {
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  f.TimeCreated = isoMs(ms);
  return ms;
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
  const f: Obj = {};
  const ms = systemStart(sys, f);
  if (ms === undefined) return undefined;
  if (ed && !eventDataFields(ed, f)) return undefined;
  return eventFinish(f, ms, ud, ri, ped, source);
}

/**
 * The System fields of a resolved `System` element, and `TimeCreated`: the event time, or
 * undefined (slow path). Shared by `fastEvent` and the per-template plans (`plan.ts`), which then
 * fill EventData their own way and call `eventFinish`.
 */
export function systemStart(sys: XElem, f: Obj): number | undefined {
  // System must render as an object (attributes with text or child elements)
  if (!hasElement(sys.children) && !attrsHaveText(sys)) return undefined;
  return systemTime(systemFields(sys, f), f);
}

/** The rest of fastEvent after EventData: UserData, RenderingInfo, ProcessingErrorData, number fixes. */
export function eventFinish(
  f: Obj,
  ms: number,
  ud: XElem | undefined,
  ri: XElem | undefined,
  ped: XElem | undefined,
  source: SourceRef,
): Event | undefined {
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
  coerceSystemNumbers(f);
  if (typeof f.EventID !== 'number' || !Number.isInteger(f.EventID)) return undefined;
  return { time: ms, source, fields: f };
}
