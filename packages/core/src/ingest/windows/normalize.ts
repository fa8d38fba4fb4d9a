/**
 * Normalisation of Windows events from their JSON flavours into `Event` with Sigma's field names
 * (see field-maps.ts for the names and the per-flavour tables):
 *  - `evtx-json`: the evtx_dump / evtx-rs JSON shape of the EVTX XML
 *    (`{"Event": {"System": {..., "#attributes": ...}, "EventData": {...}}}`), also what the EVTX
 *    reader produces per record, so `.evtx` and its JSON twin give the same fields;
 *  - `nxlog-json`: NXLog `im_msvistalog` flat JSON and similar flat exports (OTRF Security-Datasets);
 *  - `ecs-json`: Winlogbeat / Elastic Agent documents (`winlog.*`, ECS `@timestamp`).
 */
import type { Event, SourceRef } from '../../model/index.js';
import { epochFromNumber, parseTimestamp } from '../time.js';
import { ECS_MAP, NUMERIC_SYSTEM_FIELDS, NXLOG_MAP, PROTECTED_SYSTEM_FIELDS } from './field-maps.js';

export type WindowsFlavour = 'evtx-json' | 'nxlog-json' | 'ecs-json';

/** Why a record could not become an event; `field` names the culprit where there is one. */
export class Rejection {
  constructor(
    readonly reason: string,
    readonly field?: string,
  ) {}
}

export interface WindowsNormalizeOptions {
  /**
   * Minutes east of UTC for times written without a zone (NXLog `EventTime` when the collector's
   * offset cannot be derived from the record, zone-less `TimeCreated`). Default 0 (UTC).
   */
  offsetMinutes?: number;
  /**
   * Per-input memory of each host's TimeCreated clock offset, measured on records that carry
   * Sysmon's `UtcTime` (see flatTimeCreated); pass the same object (newFlatTimeState()) for every
   * record of one input, as readers do. Without it each record stands alone.
   */
  state?: FlatTimeState;
}

export interface FlatTimeState {
  /** per host (`Hostname`): TimeCreated minus true UTC, in ms, as last measured against UtcTime */
  offsets: Map<string, number>;
  /** set when a zone-less time had to be taken as UTC for lack of any evidence */
  assumedUtc?: boolean;
  /** NXLog: the last EventReceivedTime / @timestamp pair and the collector offset they gave */
  recvText?: string;
  stampText?: string;
  recvOffset?: number;
  /** the first correction of a TimeCreated that carried a zone but disagreed with UtcTime */
  corrected?: { host: string; offsetMs: number };
}

export function newFlatTimeState(): FlatTimeState {
  return { offsets: new Map() };
}

type Obj = Record<string, unknown>;

const NUMERIC_RE = /^\s*-?\d+\s*$/;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which flavour a parsed JSON record is, or undefined when it is not a Windows event we know. */
export function detectWindowsFlavour(rec: unknown): WindowsFlavour | undefined {
  if (!isObj(rec)) return undefined;
  const ev = rec.Event;
  if (isObj(ev) && isObj(ev.System)) return 'evtx-json';
  const doc = isObj(rec._source) ? rec._source : rec;
  if (isObj(doc.winlog) || 'winlog.event_id' in doc || 'winlog.channel' in doc) return 'ecs-json';
  if ('EventID' in doc && ('Channel' in doc || 'Hostname' in doc || 'SourceName' in doc || 'Computer' in doc))
    return 'nxlog-json';
  return undefined;
}

/**
 * Normalises one record of any supported flavour (detected per record unless `flavour` is given).
 * Returns the Event, or a Rejection saying why the record is not usable.
 */
export function normalizeWindowsRecord(
  rec: unknown,
  source: SourceRef,
  flavour?: WindowsFlavour,
  opts: WindowsNormalizeOptions = {},
): Event | Rejection {
  const fl = flavour ?? detectWindowsFlavour(rec);
  if (!isObj(rec)) return new Rejection(`expected a JSON object, got ${jsonType(rec)}`);
  switch (fl) {
    case 'evtx-json':
      return normalizeEvtxRecord(rec, source, opts);
    case 'nxlog-json':
      return normalizeFlatRecord(isObj(rec._source) ? rec._source : rec, source, opts);
    case 'ecs-json':
      return normalizeEcsRecord(isObj(rec._source) ? rec._source : rec, source, opts);
    default:
      return new Rejection('not a Windows event (no Event.System, winlog or EventID with Channel/Hostname)');
  }
}

/**
 * The public entry for the EVTX reader: one record in evtx_dump's JSON shape -> Event, or a string
 * saying why it is invalid. Signature kept stable for `ingest/evtx/`.
 */
export function normalizeEvtxJson(
  obj: unknown,
  source: SourceRef,
  opts?: WindowsNormalizeOptions,
): Event | string {
  const r = isObj(obj)
    ? normalizeEvtxRecord(obj, source, opts ?? {})
    : new Rejection('expected a JSON object');
  return r instanceof Rejection ? (r.field ? `${r.reason} (field ${r.field})` : r.reason) : r;
}

function jsonType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

// ---------------------------------------------------------------------------------------------
// evtx_dump JSON

/** `{"#attributes": {...}, "#text": x}` -> x; a plain value stays as it is. */
function textOf(v: unknown): unknown {
  if (isObj(v) && '#text' in v) return v['#text'];
  return v;
}

/**
 * The attributes of an element: evtx_dump's `{"#attributes": {...}}`, or xmltodict's `@name` keys
 * (python-evtx + xmltodict exports: `{"Provider": {"@Name": ...}}`, `{"Data": [{"@Name": ...}]}`).
 */
function attrsOf(v: Obj): Obj | undefined {
  let out: Obj | undefined = isObj(v['#attributes']) ? v['#attributes'] : undefined;
  for (const k in v) {
    if (k.charCodeAt(0) === 64 /* @ */ && k.length > 1) {
      if (!out || out === v['#attributes']) out = { ...out };
      out[k.slice(1)] = v[k];
    }
  }
  return out;
}

function attrOf(v: unknown, name: string): unknown {
  if (!isObj(v)) return undefined;
  const a = v['#attributes'];
  if (isObj(a) && a[name] !== undefined) return a[name];
  return v[`@${name}`];
}

function setField(f: Obj, key: string, value: unknown, fromData: boolean): void {
  if (key === '__proto__') return;
  if (fromData && key in f && PROTECTED_SYSTEM_FIELDS.has(key)) {
    // an EventData value named like a routing System field: keep both, the System one unchanged
    f[`EventData_${key}`] = value;
    return;
  }
  f[key] = value;
}

/**
 * Unnamed `<Data>` elements (classic event log sources, WEC-forwarded events): evtx_dump puts them
 * under `Data` as `{"#text": "x"}` or `{"#text": ["a", "b"]}`. Sigma rules search them as `Data`
 * (`Data|contains: 'HostApplication='`), so `Data` is the string, or the array of strings when there
 * are several (a list field matches when any element matches).
 */
function addUnnamedData(f: Obj, v: unknown): void {
  if (Array.isArray(v) && v.some(isObj)) {
    // xmltodict style: one element per <Data>, named by its Name attribute
    for (const el of v) addUnnamedData(f, el);
    return;
  }
  const name = attrOf(v, 'Name');
  if (typeof name === 'string' && name) {
    const t = isObj(v) && '#text' in v ? v['#text'] : null;
    setField(f, name, t, true);
    return;
  }
  const t = textOf(v);
  if (isObj(t)) return; // an attribute-only element carries no value
  if (t === null || t === undefined) return;
  const prev = f.Data;
  if (prev === undefined) f.Data = t;
  else f.Data = [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(t) ? t : [t])];
}

function addEventData(f: Obj, data: unknown): void {
  if (!isObj(data)) {
    if (data !== null && data !== undefined) addUnnamedData(f, data);
    return;
  }
  for (const k in data) {
    const v = data[k];
    // EventData's own attributes (a template Name), evtx_dump's or xmltodict's
    if (k === '#attributes' || k.charCodeAt(0) === 64) continue;
    if (k === 'Data' || k === '#text') addUnnamedData(f, v);
    else setField(f, k, textOf(v), true);
  }
}

/**
 * UserData holds one provider-defined element whose children are the values
 * (`{"UserData": {"LogFileCleared": {"SubjectUserName": ...}}}`): its leaves go to the top level
 * under their own names; a name met twice keeps its dotted path for the later one.
 */
export function addUserData(f: Obj, data: unknown, path: string): void {
  if (!isObj(data)) return;
  for (const k in data) {
    const v = data[k];
    if (k === '#attributes') {
      if (isObj(v))
        for (const a in v) if (a !== 'xmlns' && !a.startsWith('xmlns:')) addLeaf(f, a, v[a], path);
      continue;
    }
    if (isObj(v) && !('#text' in v)) addUserData(f, v, path ? `${path}.${k}` : k);
    else addLeaf(f, k, textOf(v), path);
  }
}

function addLeaf(f: Obj, k: string, v: unknown, path: string): void {
  if (k === '__proto__') return;
  if (k in f && path) f[`${path}.${k}`] = v;
  else setField(f, k, v, true);
}

/** A numeric System field's value as the schema has it: a numeric string becomes its number. */
export function systemNumber(v: unknown): unknown {
  return typeof v === 'string' && v !== '' && NUMERIC_RE.test(v) ? Number(v) : v;
}

/** System fields the schema types as numbers become numbers; a numeric Keywords mask, hex text. */
export function coerceSystemNumbers(f: Obj): void {
  for (const k of NUMERIC_SYSTEM_FIELDS) if (typeof f[k] === 'string') f[k] = systemNumber(f[k]);
  const kw = f.Keywords;
  if (typeof kw === 'number') f.Keywords = keywordsHex(kw);
}

/**
 * Keywords is a 64-bit mask; evtx_dump prints it as `0x8020000000000000`. NXLog sends it as a signed
 * decimal that JSON numbers cannot hold exactly, but the mask's few high bits survive the double
 * rounding, so the hex form matches what the EVTX gives for the usual audit masks.
 */
export function keywordsHex(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  let b = BigInt(Math.trunc(n));
  if (b < 0n) b += 1n << 64n;
  return `0x${b.toString(16).padStart(16, '0')}`;
}

/** `Element_Attribute` names, made once: the same dozen recur in every record */
const ATTR_NAMES = new Map<string, Map<string, string>>();

function attrName(element: string, attr: string): string {
  let m = ATTR_NAMES.get(element);
  if (m === undefined) {
    m = new Map();
    if (ATTR_NAMES.size < 64) ATTR_NAMES.set(element, m); // bounded: input decides the names
  }
  let name = m.get(attr);
  if (name === undefined) {
    name = `${element}_${attr}`;
    if (m.size < 64) m.set(attr, name);
  }
  return name;
}

function normalizeEvtxRecord(rec: Obj, source: SourceRef, opts: WindowsNormalizeOptions): Event | Rejection {
  const ev = rec.Event;
  if (!isObj(ev)) return new Rejection('no Event element', 'Event');
  const sys = ev.System;
  if (!isObj(sys)) return new Rejection('no Event.System element', 'Event.System');
  const f: Obj = {};
  let systemTime: unknown;
  for (const k in sys) {
    const v = sys[k];
    if (v === null || v === undefined || k === '__proto__') continue;
    if (k === 'TimeCreated') {
      systemTime = isObj(v) ? (attrOf(v, 'SystemTime') ?? v.SystemTime) : v;
      continue;
    }
    if (k === 'EventID' && isObj(v)) {
      f.EventID = v['#text'];
      const q = attrOf(v, 'Qualifiers');
      if (q !== undefined && q !== null && q !== '') f.EventID_Qualifiers = q;
      continue;
    }
    if (isObj(v)) {
      // Provider, Execution, Security, Correlation: attributes become `Element_Attribute`
      const attrs = attrsOf(v);
      if (attrs)
        for (const a in attrs) if (attrs[a] !== null && attrs[a] !== '') f[attrName(k, a)] = attrs[a];
      if ('#text' in v) f[k] = v['#text'];
      continue;
    }
    f[k] = v;
  }
  if (f.EventID === undefined) return new Rejection('no EventID', 'Event.System.EventID');
  if (systemTime === undefined || systemTime === null)
    return new Rejection('no TimeCreated SystemTime', 'Event.System.TimeCreated');
  const t = typeof systemTime === 'string' ? parseTimestamp(systemTime, opts.offsetMinutes ?? 0) : undefined;
  if (!t)
    return new Rejection(`invalid TimeCreated ${JSON.stringify(systemTime)}`, 'Event.System.TimeCreated');
  f.TimeCreated = new Date(t.ms).toISOString();
  if (ev.EventData !== undefined) addEventData(f, ev.EventData);
  if (ev.UserData !== undefined) addUserData(f, ev.UserData, '');
  const ri = ev.RenderingInfo;
  if (isObj(ri) && f.Message === undefined && ri.Message !== undefined) f.Message = textOf(ri.Message);
  if (isObj(ev.ProcessingErrorData)) {
    for (const k in ev.ProcessingErrorData) f[`ProcessingErrorData_${k}`] = ev.ProcessingErrorData[k];
  }
  coerceSystemNumbers(f);
  if (typeof f.EventID !== 'number' || !Number.isInteger(f.EventID))
    return new Rejection(`EventID is not an integer: ${JSON.stringify(f.EventID)}`, 'Event.System.EventID');
  return { time: t.ms, source, fields: f };
}

// ---------------------------------------------------------------------------------------------
// NXLog and other flat JSON

const QUARTER_HOUR = 15 * 60_000;

/**
 * The event time of a flat record, in order of reliability:
 *  1. `TimeCreated`, the event's own time (checked against Sysmon UtcTime: see flatTimeCreated);
 *  2. NXLog `EventTime`, which is the COLLECTOR's local time without a zone. NXLog also writes
 *     `EventReceivedTime` in the same local clock, and the shipper stamps `@timestamp` in UTC at
 *     about the same moment, so their difference rounded to a quarter hour is the collector's UTC
 *     offset (all 117,455 such records of Security-Datasets give -4 h, the lab's EDT);
 *  3. `EventTime` at `offsetMinutes` when that offset is configured;
 *  4. `@timestamp` (ingest time, seconds after the event) when nothing better exists.
 */
function flatTime(rec: Obj, opts: WindowsNormalizeOptions): number | Rejection {
  const tc = rec.TimeCreated;
  if (tc !== undefined && tc !== null) {
    const s = isObj(tc)
      ? (tc.SystemTime ?? (isObj(tc['#attributes']) ? tc['#attributes'].SystemTime : undefined))
      : tc;
    if (typeof s === 'number') {
      const ms = epochFromNumber(s);
      if (ms !== undefined) return ms;
    }
    const t = typeof s === 'string' ? parseTimestamp(s, 0) : undefined;
    if (!t) return new Rejection(`invalid TimeCreated ${JSON.stringify(tc)}`, 'TimeCreated');
    return flatTimeCreated(rec, t, opts);
  }
  const et = rec.EventTime;
  if (et !== undefined && et !== null) {
    const local = typeof et === 'string' ? parseTimestamp(et, 0) : undefined;
    if (!local) return new Rejection(`invalid EventTime ${JSON.stringify(et)}`, 'EventTime');
    if (local.zoned) return local.ms;
    const recvS = rec.EventReceivedTime;
    const stampS = rec['@timestamp'];
    const st = opts.state;
    // consecutive records usually share both stamps: skip parsing them again
    if (st && st.recvText === recvS && st.stampText === stampS && st.recvOffset !== undefined)
      return local.ms - st.recvOffset;
    const recv = typeof recvS === 'string' ? parseTimestamp(recvS, 0) : undefined;
    const stamp = typeof stampS === 'string' ? parseTimestamp(stampS, 0) : undefined;
    if (recv && !recv.zoned && stamp?.zoned) {
      const offset = Math.round((recv.ms - stamp.ms) / QUARTER_HOUR) * QUARTER_HOUR;
      if (st) {
        st.recvText = recvS as string;
        st.stampText = stampS as string;
        st.recvOffset = offset;
      }
      return local.ms - offset;
    }
    if (opts.offsetMinutes !== undefined) return local.ms - opts.offsetMinutes * 60_000;
    if (stamp) return stamp.ms;
    return local.ms;
  }
  const ts = rec['@timestamp'];
  if (ts !== undefined && ts !== null) {
    const ms = timeValue(ts, opts);
    if (ms === undefined) return new Rejection(`invalid @timestamp ${JSON.stringify(ts)}`, '@timestamp');
    return ms;
  }
  return new Rejection('no time (TimeCreated, EventTime or @timestamp)', 'TimeCreated');
}

const MAX_OFFSET = 26 * 3600_000;
/** how far from a whole quarter hour a TimeCreated-UtcTime difference may be and still measure a clock */
const MAX_RESIDUAL = 60_000;

/**
 * `TimeCreated` of flat exports cannot be trusted as UTC. In Security-Datasets it is the host's
 * LOCAL time without a zone, sometimes on a 12-hour clock without AM/PM
 * (`cmd_lsass_memory_dumpert_syscalls`: 10:56 for Sysmon UtcTime 02:56 the next day, EDT 22:56),
 * and in one capture local 12-hour time labelled `Z` (`empire_ninjacopy_dumping_ntds_dit_file`:
 * 05:32Z for UtcTime 00:32 the next day, PDT 17:32). So the clock is measured, not assumed: a
 * Sysmon record carries its own UTC time (`UtcTime`), and TimeCreated minus UtcTime, when within a
 * minute of a whole quarter hour, is the clock's offset (12-hour shifts included), remembered per
 * host for the records without UtcTime. In order: the record's own measurement; for a zoned value,
 * the host's measured offset or the value as it is; for a zone-less value, the configured
 * `timezone`, the host's measured offset, else UTC (flagged in `state.assumedUtc`).
 */
function flatTimeCreated(rec: Obj, t: { ms: number; zoned: boolean }, opts: WindowsNormalizeOptions): number {
  const host = typeof rec.Hostname === 'string' ? rec.Hostname : '';
  const measured = measureOffset(rec, t.ms);
  const state = opts.state;
  if (measured !== undefined) {
    if (state) {
      state.offsets.set(host, measured);
      if (t.zoned && measured !== 0 && !state.corrected) state.corrected = { host, offsetMs: measured };
    }
    return t.ms - measured;
  }
  const learned = state?.offsets.get(host);
  if (t.zoned) return learned === undefined ? t.ms : t.ms - learned;
  if (opts.offsetMinutes !== undefined) return t.ms - opts.offsetMinutes * 60_000;
  if (learned !== undefined) return t.ms - learned;
  if (state) state.assumedUtc = true;
  return t.ms;
}

function measureOffset(rec: Obj, clockMs: number): number | undefined {
  const utc = rec.UtcTime;
  if (typeof utc !== 'string') return undefined;
  const u = parseTimestamp(utc, 0);
  if (!u || u.zoned) return undefined;
  const diff = clockMs - u.ms;
  const off = Math.round(diff / QUARTER_HOUR) * QUARTER_HOUR;
  if (Math.abs(off) > MAX_OFFSET || Math.abs(diff - off) > MAX_RESIDUAL) return undefined;
  return off;
}

/**
 * Seeds `state` from records read ahead (the input's head), so that the records before a host's
 * first Sysmon record get the measured offset too.
 */
export function learnFlatTimeOffset(rec: unknown, state: FlatTimeState): boolean {
  if (!isObj(rec) || typeof rec.TimeCreated !== 'string') return false;
  const host = typeof rec.Hostname === 'string' ? rec.Hostname : '';
  if (state.offsets.has(host)) return false;
  const t = parseTimestamp(rec.TimeCreated, 0);
  if (!t) return false;
  const off = measureOffset(rec, t.ms);
  if (off === undefined) return false;
  state.offsets.set(host, off);
  return true;
}

function timeValue(v: unknown, opts: WindowsNormalizeOptions): number | undefined {
  if (typeof v === 'number') return epochFromNumber(v);
  if (typeof v === 'string') return parseTimestamp(v, opts.offsetMinutes ?? 0)?.ms;
  return undefined;
}

const NX_RENAME = new Map(Object.entries(NXLOG_MAP.rename));
const NX_RENAME_WHEN = new Map<string, { to: string; when: string }>(
  NXLOG_MAP.renameWhen.map((r) => [r.from, r]),
);
const NX_DROP = new Set<string>(NXLOG_MAP.drop);
const NX_DISPLAY = new Set<string>(NXLOG_MAP.displayNames);

/**
 * Builds the fields in one pass over the record. (Renaming in place with `delete` measured twice
 * as slow: deletes turn V8's fast objects into dictionaries.) A renamed value wins over a field
 * the record already had under the target name.
 */
function normalizeFlatRecord(rec: Obj, source: SourceRef, opts: WindowsNormalizeOptions): Event | Rejection {
  const time = flatTime(rec, opts);
  if (time instanceof Rejection) return time;
  const f: Obj = {};
  for (const k in rec) {
    if (NX_DROP.has(k) || k === '__proto__') continue;
    const v = rec[k];
    let to = NX_RENAME.get(k);
    if (to === undefined) {
      const w = NX_RENAME_WHEN.get(k);
      if (w !== undefined && w.when in rec) to = w.to;
      else if (NX_DISPLAY.has(k) && typeof v === 'string' && !NUMERIC_RE.test(v)) to = `${k}_Name`;
    }
    if (to !== undefined) f[to] = v;
    else if (!(k in f)) f[k] = v;
  }
  if (f.Provider_Name === undefined) {
    for (const k of NXLOG_MAP.providerFallback) {
      if (typeof rec[k] === 'string') {
        f.Provider_Name = rec[k];
        break;
      }
    }
  }
  f.TimeCreated = new Date(time).toISOString();
  coerceSystemNumbers(f);
  if (typeof f.EventID !== 'number' || !Number.isInteger(f.EventID))
    return new Rejection(`EventID is not an integer: ${JSON.stringify(rec.EventID)}`, 'EventID');
  return { time, source, fields: f };
}

// ---------------------------------------------------------------------------------------------
// Winlogbeat / Elastic Agent ECS

/** A dotted path, in a nested document or as a literal dotted key (flattened exports). */
function getPath(doc: Obj, path: string): unknown {
  if (path in doc) return doc[path];
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (!isObj(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function normalizeEcsRecord(doc: Obj, source: SourceRef, opts: WindowsNormalizeOptions): Event | Rejection {
  let time: number | undefined;
  let timeField: string | undefined;
  for (const p of ECS_MAP.time) {
    const v = getPath(doc, p);
    if (v === undefined || v === null) continue;
    timeField = p;
    time = timeValue(v, opts);
    break;
  }
  if (timeField === undefined) return new Rejection('no time (@timestamp)', '@timestamp');
  if (time === undefined)
    return new Rejection(`invalid ${timeField} ${JSON.stringify(getPath(doc, timeField))}`, timeField);
  const f: Obj = {};
  for (const [path, to] of ECS_MAP.fields) {
    if (f[to] !== undefined) continue;
    const v = getPath(doc, path);
    if (v !== undefined && v !== null) f[to] = v;
  }
  for (const p of ECS_MAP.spread) {
    const v = getPath(doc, p);
    if (isObj(v)) {
      for (const k in v) setField(f, k, v[k], true);
    }
    // flattened exports: `winlog.event_data.CommandLine` as literal keys
    const prefix = `${p}.`;
    for (const k in doc) if (k.startsWith(prefix)) setField(f, k.slice(prefix.length), doc[k], true);
  }
  f.TimeCreated = new Date(time).toISOString();
  coerceSystemNumbers(f);
  if (typeof f.EventID !== 'number' || !Number.isInteger(f.EventID))
    return new Rejection(`event id is not an integer: ${JSON.stringify(f.EventID)}`, 'winlog.event_id');
  return { time, source, fields: f };
}
