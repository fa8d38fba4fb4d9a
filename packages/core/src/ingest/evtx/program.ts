/**
 * Record programs: the per-template Event plan (`plan.ts`) compiled one step further, for the
 * shape nearly every Windows record has (an `Event` template whose children are a compiled
 * `System` and an `EventData` of named `Data` slots, EventData usually embedded BinXML with its
 * own values) and for one signature of value types (which values are NullType, strings, numbers...).
 *
 * With the types fixed, every decision `planEvent` takes per record is fixed too, except whether a
 * string is empty. So a program is a list of steps "value i of the outer or inner values, decoded
 * as its type, goes to output slot k", constants, and the few checks that stay dynamic; the
 * fields object is made in one go by a factory made per key list (an object literal: V8 creates
 * it with its final shape, which is several times cheaper than adding thirty keys one by one).
 *
 * A program gives `planEvent`'s Event EXACTLY or gives up on the record (`undefined`), which then
 * takes `planEvent` (`fields.test.ts` compares every sample record with render + normalise):
 * - a System value that would be skipped although the signature says it is there (an empty
 *   string), an `EventID_Qualifiers` that is empty, a time out of FILETIME's plain range, or an
 *   `EventID` that is not an integer: give up;
 * - the steps mirror `systemFieldsPlanned` (for a leaf, "has text" and "has a leaf value" agree, so
 *   an element's attribute fields and its own field are set the same way whether or not its
 *   attributes have text), `systemTime`, `fillData` (with `setField`'s renaming decided on the
 *   keys, which are fixed), and `eventFinish` without UserData, RenderingInfo or
 *   ProcessingErrorData (a template with those gets no program).
 */
import type { Event, SourceRef } from '../../model/index.js';
import { NUMERIC_SYSTEM_FIELDS, PROTECTED_SYSTEM_FIELDS } from '../windows/field-maps.js';
import { keywordsHex, systemNumber } from '../windows/normalize.js';
import { type ChunkContext, K_TEXT, type Values, type XElem, type XSubst, type XText } from './binxml.js';
import { isoMs, leafValue, type Obj, type SysChild, scalarLeafValue } from './fields.js';
import { decodeUtf16Z, guidText, sidText, VT } from './values.js';

/** what a step requires of its value */
const REQUIRED = 0; // a System field: must have a leaf value
const NONEMPTY = 1; // EventID_Qualifiers, attribute fields: a leaf value that is not '' or null
const DATA = 2; // an EventData slot: the leaf value, or '' when it has none

interface Step {
  /** 0: the outer (System) values, 1: the inner (EventData) values */
  sel: 0 | 1;
  i: number;
  t: number;
  mode: number;
  slot: number;
  /** decoding costs more than comparing the bytes with the last value's (strings, GUIDs, SIDs...) */
  memo: boolean;
}

export interface Program {
  sysEl: XElem;
  edEl: XElem | undefined;
  /** `typesHash` of the signature */
  hash: number;
  /** value types of the outer and inner values this program was made for */
  outerTypes: Uint8Array;
  innerTypes: Uint8Array | undefined;
  steps: Step[];
  /** output values with the constants in place */
  init: unknown[];
  /** slots of keys the normaliser turns into numbers when they are numeric strings */
  numeric: number[];
  keywords: number;
  eventId: number;
  time: number;
  /** where the SystemTime FILETIME is: outer value index */
  timeIndex: number;
  /** per step: where its last value's bytes are in the chunk, their length, and the value */
  memoAt: Int32Array;
  memoLen: Int32Array;
  memo: unknown[];
  /** the chunk `memoAt` refers to (outer and inner values are in the same chunk) */
  memoChunk: ChunkContext | undefined;
  /** the output values of the record being made (constants in place) */
  out: unknown[];
  /** made by `factory`; undefined: this signature has no program (the general steps take it) */
  make: ((v: unknown[]) => Obj) | undefined;
}

/** A leaf of a System child, given the value types: absent, a constant, or value i. */
type Leaf = { k: 'none' } | { k: 'const'; v: unknown } | { k: 'value'; i: number; t: number };

const NONE: Leaf = { k: 'none' };

function leafOf(leaf: XText | XSubst | undefined, vals: Values): Leaf | null {
  if (leaf === undefined) return NONE;
  if (leaf.k === K_TEXT) {
    const v = leafValue([leaf]);
    return v === undefined ? NONE : { k: 'const', v };
  }
  const i = leaf.i;
  if (i >= vals.count) return NONE;
  const t = vals.desc[i * 3];
  // (NullType, optional or not, has neither text nor a leaf value)
  if (t === VT.Null) return NONE;
  if (t === VT.BinXml || (t & VT.Array) !== 0) return null;
  return { k: 'value', i, t };
}

const typesOf = (vals: Values): Uint8Array => {
  const out = new Uint8Array(vals.count);
  for (let i = 0; i < vals.count; i++) out[i] = vals.desc[i * 3];
  return out;
};

/** a hash of the value types of a record (its signature), to tell programs apart at once */
export function typesHash(outer: Values, inner: Values | undefined): number {
  return inner === undefined ? outer.sig : (Math.imul(outer.sig, 31) + inner.sig) | 0;
}

function sameTypes(a: Uint8Array, vals: Values): boolean {
  if (a.length !== vals.count) return false;
  const d = vals.desc;
  for (let i = 0; i < a.length; i++) if (a[i] !== d[i * 3]) return false;
  return true;
}

/** One `<Data>` slot of a compiled EventData (`plan.ts`). */
export interface ProgramSlot {
  key: string;
  sub: XSubst | undefined;
  value: unknown;
}

/**
 * Compiles the program of a record whose Event parts are `System` (compiled into `kids`, values
 * `outer`) and optionally `EventData` (compiled into `slots`, values `inner`); null when the shape
 * is not one a program takes.
 */
export function compileProgram(
  sysEl: XElem,
  edEl: XElem | undefined,
  kids: readonly SysChild[] | null,
  outer: Values,
  slots: readonly ProgramSlot[] | null | undefined,
  inner: Values | undefined,
): Program {
  const prog = kids === null || slots === null ? null : compileSteps(kids, outer, slots, inner);
  return {
    sysEl,
    edEl,
    hash: typesHash(outer, inner),
    outerTypes: typesOf(outer),
    innerTypes: inner && typesOf(inner),
    steps: [],
    init: [],
    numeric: [],
    keywords: -1,
    eventId: -1,
    time: -1,
    timeIndex: -1,
    make: undefined,
    ...prog,
    memoAt: new Int32Array(prog?.steps.length ?? 0).fill(-1),
    memoLen: new Int32Array(prog?.steps.length ?? 0),
    memo: new Array(prog?.steps.length ?? 0),
    memoChunk: undefined,
    out: prog ? prog.init.slice() : [],
  };
}

type Compiled = Omit<
  Program,
  | 'sysEl'
  | 'edEl'
  | 'hash'
  | 'outerTypes'
  | 'innerTypes'
  | 'memoAt'
  | 'memoLen'
  | 'memo'
  | 'memoChunk'
  | 'out'
>;

function compileSteps(
  kids: readonly SysChild[],
  outer: Values,
  slots: readonly ProgramSlot[] | undefined,
  inner: Values | undefined,
): Compiled | null {
  const keys: string[] = [];
  const slotOf = new Map<string, number>();
  const init: unknown[] = [];
  const steps: Step[] = [];
  const slotFor = (key: string): number => {
    let s = slotOf.get(key);
    if (s === undefined) {
      s = keys.length;
      slotOf.set(key, s);
      keys.push(key);
      init.push(undefined);
    }
    return s;
  };
  const put = (key: string, leaf: Leaf, mode: number, sel: 0 | 1 = 0): void => {
    if (leaf.k === 'none') return;
    if (leaf.k === 'const') {
      if (mode === NONEMPTY && (leaf.v === '' || leaf.v === null)) return;
      const s = slotFor(key);
      init[s] = leaf.v;
      // a constant overwrites what an earlier step put in the same slot
      for (let j = steps.length - 1; j >= 0; j--) if (steps[j].slot === s) steps.splice(j, 1);
      return;
    }
    steps.push({ sel, i: leaf.i, t: leaf.t, mode, slot: slotFor(key), memo: !CHEAP.has(leaf.t) });
  };
  let timeIndex = -1;
  let hasEventId = false;
  for (const c of kids) {
    const k = c.name;
    const content = leafOf(c.leaf, outer);
    // embedded BinXML anywhere in System: planEvent resolves the System instead
    if (content === null || c.attrs.some((a) => leafOf(a.leaf, outer) === null)) return null;
    if (k === 'TimeCreated') {
      // only the plain shape: a SystemTime attribute holding a FILETIME value
      const st = c.attrs.find((a) => a.name === 'SystemTime');
      const l = st ? leafOf(st.leaf, outer) : null;
      if (l?.k !== 'value' || l.t !== VT.FileTime) return null;
      timeIndex = l.i;
      continue;
    }
    if (k === 'EventID') {
      if (content.k === 'none') return null;
      put('EventID', content, REQUIRED);
      hasEventId = true;
      const q = c.attrs.find((a) => a.name === 'Qualifiers');
      put('EventID_Qualifiers', (q && leafOf(q.leaf, outer)) || NONE, NONEMPTY);
      continue;
    }
    for (const a of c.attrs) put(a.key, leafOf(a.leaf, outer) as Leaf, NONEMPTY);
    put(k, content, REQUIRED);
  }
  if (!hasEventId || timeIndex < 0) return null;
  const time = slotFor('TimeCreated');
  if (slots !== undefined) {
    if (inner === undefined) return null;
    for (const s of slots) {
      // setField: a protected name already present is renamed
      const key = PROTECTED_SYSTEM_FIELDS.has(s.key) && slotOf.has(s.key) ? `EventData_${s.key}` : s.key;
      let leaf: Leaf = { k: 'const', v: s.value };
      if (s.sub !== undefined) {
        const i = s.sub.i;
        const t = i < inner.count ? inner.desc[i * 3] : VT.Null;
        if (t === VT.Null) leaf = { k: 'const', v: '' };
        else if (t === VT.BinXml || (t & VT.Array) !== 0) return null;
        else leaf = { k: 'value', i, t };
      }
      put(key, leaf, DATA, 1);
    }
  }
  const make = factory(keys);
  if (make === undefined) return null;

  // (a constant overwritten by a later step stays in `init`: the step sets it)
  return {
    steps,
    init,
    numeric: NUMERIC_SYSTEM_FIELDS.map((k) => slotOf.get(k)).filter((s): s is number => s !== undefined),
    keywords: slotOf.get('Keywords') ?? -1,
    eventId: slotFor('EventID'),
    time,
    timeIndex,
    make,
  };
}

/** The program for these values among a template's programs, or undefined. */
export function findProgram(
  list: readonly Program[],
  sysEl: XElem,
  edEl: XElem | undefined,
  outer: Values,
  inner: Values | undefined,
): Program | undefined {
  const h = typesHash(outer, inner);
  for (const p of list) {
    if (p.hash !== h || p.sysEl !== sysEl || p.edEl !== edEl || !sameTypes(p.outerTypes, outer)) continue;
    if (inner === undefined ? p.innerTypes === undefined : p.innerTypes && sameTypes(p.innerTypes, inner))
      return p;
  }
  return undefined;
}

/** the `isSpace` of String.prototype.trim for the first and last code unit (ASCII fast test) */
const plainEdge = (c: number) => c > 0x20 && c < 0x7f;

/**
 * scalarLeafValue(vals, i) for value i of type t (not NullType) stored in [p, p + n), with the
 * common types inline (decodeScalar, then leafValue's rule: a string of a non-number type is
 * trimmed and '' has no value; numbers and booleans stay as they are).
 */
function leaf(vals: Values, i: number, t: number, b: Uint8Array, p: number, n: number): unknown {
  switch (t) {
    case VT.String: {
      const s = decodeUtf16Z(b, p, p + n);
      if (s === '') return undefined;
      return plainEdge(s.charCodeAt(0)) && plainEdge(s.charCodeAt(s.length - 1)) ? s : s.trim();
    }
    case VT.UInt8:
      if (n >= 1) return b[p];
      break;
    case VT.UInt16:
      if (n >= 2) return b[p] | (b[p + 1] << 8);
      break;
    case VT.UInt32:
      if (n >= 4) return u32(b, p);
      break;
    case VT.Int32:
      if (n >= 4) return u32(b, p) | 0;
      break;
    case VT.UInt64:
    case VT.HexInt64: {
      if (n < 8) break;
      const hi = u32(b, p + 4);
      const lo = u32(b, p);
      if (t === VT.HexInt64)
        return hi === 0 ? `0x${lo.toString(16)}` : `0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')}`;
      if (hi < 0x200000) return hi * 4294967296 + lo;
      break;
    }
    case VT.Guid:
      // (GUID text has no edge spaces)
      if (n >= 16) return guidText(b, p);
      break;
    case VT.Sid:
      return sidText(b, p, p + n);
    case VT.Bool: {
      let any = false;
      for (let q = p; q < p + n; q++) if (b[q] !== 0) any = true;
      return any;
    }
  }
  return scalarLeafValue(vals, i);
}

function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

/** types whose decoding is a few byte reads: not worth remembering */
const CHEAP = new Set<number>([VT.Int8, VT.UInt8, VT.Int16, VT.UInt16, VT.Int32, VT.UInt32, VT.Bool]);

/** values up to this many bytes are remembered per step: the next record often repeats them */
const MEMO_BYTES = 64;

/**
 * The Event of a record by its program, or undefined when the program gives up on it (the
 * caller then takes `planEvent`'s general steps, which decide).
 */
export function runProgram(
  ctx: ChunkContext,
  prog: Program,
  outer: Values,
  inner: Values | undefined,
  source: SourceRef,
): Event | undefined {
  const make = prog.make;
  if (make === undefined) return undefined;
  // the time first: most give-ups are cheap to find
  const tp = outer.desc[prog.timeIndex * 3 + 1];
  if (outer.desc[prog.timeIndex * 3 + 2] - tp < 8) return undefined;
  // fileTimeAt and fileTimeMs, without the object
  const tb = outer.buf;
  const lo = u32(tb, tp);
  const hi = u32(tb, tp + 4);
  const a = hi * 4967296 + lo;
  const secs = hi * 429 + Math.floor(a / 1e7);
  // fileTimeValueMs's plain range (1970 to 9999); outside it the time is read from its text
  const unix = secs - 11644473600;
  if (unix < 0 || unix > 253402300799) return undefined;
  const ms = unix * 1000 + Math.floor((a % 1e7) / 10000);
  // (the constants stay in place; every step and the time rewrite their slots for each record)
  const out = prog.out;
  out[prog.time] = isoMs(ms);
  const steps = prog.steps;
  const memoAt = prog.memoAt;
  const memoLen = prog.memoLen;
  const memo = prog.memo;
  const dv = ctx.view;
  if (prog.memoChunk !== ctx) {
    // a program serves every chunk with its template: remembered offsets are in another chunk
    prog.memoChunk = ctx;
    memoAt.fill(-1);
  }
  for (let j = 0; j < steps.length; j++) {
    const s = steps[j];
    const vals = s.sel === 0 ? outer : (inner as Values);
    const b = vals.buf;
    const p = vals.desc[s.i * 3 + 1];
    const n = vals.desc[s.i * 3 + 2] - p;
    let v: unknown;
    if (s.memo && n <= MEMO_BYTES) {
      // the same bytes as this step's last value (same chunk buffer): the same value
      const m = memoAt[j];
      let same = memoLen[j] === n && m >= 0;
      if (same) {
        // four bytes at a time (DataView reads are inlined by the optimiser), then the rest
        let q = 0;
        for (; q + 4 <= n; q += 4)
          if (dv.getUint32(m + q) !== dv.getUint32(p + q)) {
            same = false;
            break;
          }
        for (; same && q < n; q++) if (b[m + q] !== b[p + q]) same = false;
      }
      if (same) v = memo[j];
      else {
        v = leaf(vals, s.i, s.t, b, p, n);
        memoAt[j] = p;
        memoLen[j] = n;
        memo[j] = v;
      }
    } else v = leaf(vals, s.i, s.t, b, p, n);
    if (s.mode === DATA) out[s.slot] = v ?? '';
    else if (v === undefined || (s.mode === NONEMPTY && (v === '' || v === null))) return undefined;
    else out[s.slot] = v;
  }
  for (const s of prog.numeric) if (typeof out[s] === 'string') out[s] = systemNumber(out[s]);
  if (prog.keywords >= 0 && typeof out[prog.keywords] === 'number')
    out[prog.keywords] = keywordsHex(out[prog.keywords] as number);
  const id = out[prog.eventId];
  if (typeof id !== 'number' || !Number.isInteger(id)) return undefined;
  return { time: ms, source, fields: make(out) };
}

/**
 * Object factories per key list. `new Function` is given only JSON string literals of the keys
 * (never `__proto__`, which a literal would take as the prototype: plans refuse prototype names);
 * where code generation is disallowed (`--disallow-code-generation-from-strings`), fields are
 * assigned one by one.
 */
const FACTORIES = new Map<string, (v: unknown[]) => Obj>();
const MAX_FACTORIES = 4096;
let codegen = true;

function factory(keys: readonly string[]): ((v: unknown[]) => Obj) | undefined {
  if (keys.includes('__proto__')) return undefined;
  const id = keys.join('\u0000');
  let f = FACTORIES.get(id);
  if (f !== undefined) return f;
  if (codegen) {
    try {
      f = new Function('v', `return {${keys.map((k, i) => `${JSON.stringify(k)}:v[${i}]`).join(',')}};`) as (
        v: unknown[],
      ) => Obj;
    } catch {
      codegen = false;
    }
  }
  if (f === undefined) {
    const ks = [...keys];
    f = (v) => {
      const o: Obj = {};
      for (let i = 0; i < ks.length; i++) o[ks[i]] = v[i];
      return o;
    };
  }
  if (FACTORIES.size >= MAX_FACTORIES) FACTORIES.clear();
  FACTORIES.set(id, f);
  return f;
}

/** programs per template element (shared by the chunks carrying the template) */
const PROGRAMS = new WeakMap<XElem, Program[]>();

/**
 * The programs of a template's `EventData` element (or `System`, when there is no EventData):
 * one per value signature.
 */
export function programsOf(el: XElem): Program[] {
  let list = PROGRAMS.get(el);
  if (list === undefined) {
    list = [];
    PROGRAMS.set(el, list);
  }
  return list;
}
