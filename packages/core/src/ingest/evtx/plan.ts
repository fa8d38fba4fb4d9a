/**
 * Per-template Event plans (issue 3): most records of a chunk are instances of a few templates
 * (libevtx-format.asciidoc, "Template instance"), so what `fastEvent` does with the resolved
 * tree of an instance is decided once per (chunk, template definition), and each record then
 * reads its substitution values into `Event.fields` without building its tree (the tree is made
 * only if something asks for it: XML or JSON output).
 *
 * A plan gives `fastEvent`'s result EXACTLY (`fields.test.ts` compares the plan path, `fastEvent`
 * and render + normalise on every record of the samples):
 * - the root scan (which of `Event`'s children are `System`, `EventData`, `UserData`,
 *   `RenderingInfo`, `ProcessingErrorData`) is done on the template and, for a substitution
 *   among them holding embedded BinXML (how Windows stores EventData and UserData, "Template
 *   instance" inside a value of type 0x21), on that embedded template: with no array value
 *   directly in them, those elements each resolve to exactly one element, in template order;
 * - `System` of plain leaves (each child and attribute value nothing, one constant text or one
 *   substitution) is compiled (`compileSystem`, `systemFieldsPlanned`: `systemFields`' steps on
 *   the values); other Systems are resolved on their own and walked by `systemFields`;
 * - `EventData` made of `<Data Name="constant">` elements holding one substitution or constant
 *   text is compiled into (field name, substitution) slots, filled with `fastEvent`'s own leaf
 *   function; any other EventData (and one whose values include arrays, such as the classic
 *   `<Data>` string arrays, whose elements repeat per item: MS-EVEN6 3.1.4.7.5), and `UserData`,
 *   `RenderingInfo`, `ProcessingErrorData`, are resolved on their own and handed to the same code
 *   as `fastEvent` (`eventFinish`).
 * A template of another shape gets no plan (null), and a record with an array among the outer
 * template's values or directly in an embedded element, embedded BinXML that does not parse or is
 * not one template instance of elements, or embedded BinXML outside `Event`'s own children, is
 * resolved into its tree at once, as before, and takes `fastEvent`.
 */
import type { Event, SourceRef } from '../../model/index.js';
import { PROTECTED_SYSTEM_FIELDS } from '../windows/field-maps.js';
import {
  type ChunkContext,
  K_ELEM,
  K_SUBST,
  K_TEMPLATE,
  K_TEXT,
  type Values,
  type XElem,
  type XNode,
  type XSubst,
} from './binxml.js';
import {
  compileSystem,
  eventDataFields,
  eventFinish,
  jsonText,
  leafValue,
  type Obj,
  scalarLeafValue,
  setField,
  systemFieldsPlanned,
  systemStart,
  systemTime,
  unsafeName,
} from './fields.js';
import { compileProgram, findProgram, type Program, programsOf, runProgram } from './program.js';
import { VT } from './values.js';

/** One `<Data Name="key">` of a compiled EventData. */
interface DataSlot {
  key: string;
  /** the substitution giving the value, or undefined when the value is the constant `value` */
  sub: XSubst | undefined;
  value: unknown;
  /** not a name setField protects: a plain assignment is what it does */
  plain: boolean;
}

/** What a template's `Event` children are: elements, and substitutions (embedded BinXML for EventData or UserData). */
type RootItem = XElem | XSubst;

/** An element of the resolved `Event`, still unresolved: a template element and the values it takes. */
interface Part {
  el: XElem;
  vals: Values;
}

/** A record that is one instance of a template with a plan, and whose values the plan can take. */
export interface PlannedInstance {
  ctx: ChunkContext;
  /** the elements of the resolved `Event`, in order */
  parts: Part[];
}

/** `Data` children a slot can take: none, one substitution, or one constant text. */
function slotOf(key: string, children: readonly XNode[]): DataSlot | undefined {
  const plain = !PROTECTED_SYSTEM_FIELDS.has(key);
  if (children.length === 0) return { key, sub: undefined, value: '', plain };
  if (children.length !== 1) return undefined;
  const c = children[0];
  if (c.k === K_SUBST) return { key, sub: c, value: undefined, plain };
  if (c.k === K_TEXT) return { key, sub: undefined, value: jsonText(leafValue(children) ?? ''), plain };
  return undefined;
}

/**
 * EventData as slots, when every child is `<Data Name="constant">` (fastEvent's "flatten" case
 * with all names present) with distinct names that are plain object keys; else undefined.
 */
function compileEventData(ed: XElem): DataSlot[] | undefined {
  const slots: DataSlot[] = [];
  const seen = new Set<string>();
  for (const c of ed.children) {
    if (c.k !== K_ELEM || c.name !== 'Data' || c.attrs.length !== 1) return undefined;
    const a = c.attrs[0];
    if (a.name !== 'Name' || a.value.length !== 1) return undefined;
    const nv = a.value[0];
    if (nv.k !== K_TEXT || nv.s === '') return undefined;
    const key = nv.s;
    if (key === 'Data' || unsafeName(key) || seen.has(key)) return undefined;
    seen.add(key);
    const slot = slotOf(key, c.children);
    if (!slot) return undefined;
    slots.push(slot);
  }
  return slots;
}

/** The `Event` children of a template body, or null when its shape is left to the tree path. */
function compileRoot(body: readonly XNode[]): RootItem[] | null {
  const root = body[0];
  if (root === undefined || root.k !== K_ELEM || root.name !== 'Event') return null;
  const items: RootItem[] = [];
  for (const c of root.children) {
    // a nested instance could add or remove elements: not planned
    if (c.k === K_TEMPLATE) return null;
    if (c.k === K_ELEM || c.k === K_SUBST) items.push(c);
    // other nodes (text) resolve to no element: fastEvent passes over them
  }
  return items;
}

/** The body of an embedded template instance when it is elements only (`<EventData>`...), else null. */
function compileEmbedded(body: readonly XNode[]): Embedded | null {
  const els: XElem[] = [];
  const shallow = new Set<number>();
  for (const n of body) {
    if (n.k !== K_ELEM) return null;
    els.push(n);
    for (const c of n.children) if (c.k === K_SUBST) shallow.add(c.i);
    for (const a of n.attrs) for (const c of a.value) if (c.k === K_SUBST) shallow.add(c.i);
  }
  return { els, shallow };
}

/**
 * An embedded body of elements, and the substitutions directly in those elements (their own
 * content or attributes): an array value there would repeat the element itself (MS-EVEN6
 * 3.1.4.7.5), deeper it repeats a child (classic `<Data>` string arrays), and the element still
 * resolves to one.
 */
interface Embedded {
  els: XElem[];
  shallow: Set<number>;
}

/** True when every element of the embedded body resolves to exactly one element with these values. */
function onePerElement(vals: Values, shallow: ReadonlySet<number>): boolean {
  if (vals.binxml !== 0) return false;
  if (vals.arrays === 0) return true;
  for (const i of shallow) if (i < vals.count && (vals.desc[i * 3] & VT.Array) !== 0) return false;
  return true;
}

/**
 * Compiled shapes per template body (or element of one). Template bodies are shared by the chunks
 * that carry the same template (`sharedBody` in binxml.ts), so a shape is compiled once per
 * template; held weakly, it goes with its body.
 */
const PLANS = new WeakMap<object, unknown>();

function cached<T>(key: object, compile: () => T | null): T | null {
  let v = PLANS.get(key) as T | null | undefined;
  if (v === undefined) {
    v = compile();
    PLANS.set(key, v);
  }
  return v;
}

/**
 * The planned instance of a record's raw nodes (from `ChunkContext.parseRaw`), or undefined when
 * the record is not one template instance with a plan or has values the plan cannot take (then
 * the record is resolved as before, and reports its damage as before: embedded BinXML that does
 * not parse is not planned).
 */
export function planInstance(ctx: ChunkContext, raw: readonly XNode[]): PlannedInstance | undefined {
  if (raw.length !== 1) return undefined;
  const t = raw[0];
  if (t.k !== K_TEMPLATE) return undefined;
  const items = cached(t.body, () => compileRoot(t.body));
  if (items === null) return undefined;
  const vals = t.vals;
  // the values the elements take: no arrays
  if (vals.arrays !== 0) return undefined;
  const d = vals.desc;
  const parts: Part[] = [];
  let binxmlSeen = 0;
  for (const it of items) {
    if (it.k === K_ELEM) {
      parts.push({ el: it, vals });
      continue;
    }
    // a substitution among Event's children: what resolveList makes of it
    const i = it.i;
    if (i >= vals.count) continue;
    const ty = d[i * 3];
    if (ty !== VT.BinXml) continue; // NullType or a scalar: no element
    binxmlSeen++;
    const s = d[i * 3 + 1];
    const e = d[i * 3 + 2];
    if (e <= s) continue;
    let inner: XNode[];
    try {
      inner = ctx.parseEmbedded(s, e);
    } catch {
      return undefined;
    }
    if (inner.length !== 1) return undefined;
    const ti = inner[0];
    if (ti.k !== K_TEMPLATE) return undefined;
    const emb = cached(ti.body, () => compileEmbedded(ti.body));
    if (emb === null || !onePerElement(ti.vals, emb.shallow)) return undefined;
    for (const el of emb.els) parts.push({ el, vals: ti.vals });
  }
  // embedded BinXML only where it was parsed above (elsewhere it would be parsed, and could fail,
  // only when the record is resolved); one such value seen among Event's children is all of them
  if (vals.binxml > 1 || vals.binxml > binxmlSeen)
    for (let i = 0; i < vals.count; i++)
      if (d[i * 3] === VT.BinXml && !items.some((it) => it.k === K_SUBST && it.i === i)) return undefined;
  return { ctx, parts };
}

function resolveOne(ctx: ChunkContext, part: Part | undefined): XElem | undefined {
  if (part === undefined) return undefined;
  // with no array value directly in it (planInstance checked) an element resolves to one element
  return ctx.resolveWith([part.el], part.vals)[0] as XElem;
}

/**
 * fastEvent's flatten walk for slots: `jsonText(dataLeaf(<Data>))` of the resolved element,
 * where a substitution resolves to no node (optional and NullType, or past the values), a
 * NullType value, or one scalar value.
 */
function fillData(slots: readonly DataSlot[], vals: Values, f: Obj): void {
  const d = vals.desc;
  for (const s of slots) {
    const sub = s.sub;
    let v: unknown = s.value;
    if (sub !== undefined) {
      const i = sub.i;
      v = i >= vals.count || d[i * 3] === VT.Null ? '' : jsonText(scalarLeafValue(vals, i) ?? '');
    }
    // (setField's renaming can only apply to the names it protects)
    if (s.plain) f[s.key] = v;
    else setField(f, s.key, v);
  }
}

/**
 * The Event of a planned record: exactly `fastEvent` of its resolved tree (undefined alike), by
 * the record's program (`program.ts`) where it has one and it takes the record, else by the plan's
 * general steps (`programs: false` skips the programs, for comparisons).
 */
export function planEvent(inst: PlannedInstance, source: SourceRef, programs = true): Event | undefined {
  const ctx = inst.ctx;
  // fastEvent's scan of the root's children, on the parts
  let sys: Part | undefined;
  let ed: Part | undefined;
  let ud: Part | undefined;
  let ri: Part | undefined;
  let ped: Part | undefined;
  for (const p of inst.parts) {
    const name = p.el.name;
    if (unsafeName(name)) return undefined;
    switch (name) {
      case 'System':
        sys ??= p;
        break;
      case 'EventData':
        ed ??= p;
        break;
      case 'UserData':
        ud ??= p;
        break;
      case 'RenderingInfo':
        ri ??= p;
        break;
      case 'ProcessingErrorData':
        ped ??= p;
        break;
    }
  }
  if (!sys) return undefined;
  const sysPart = sys;
  if (programs && !ud && !ri && !ped) {
    const ev = byProgram(ctx, sysPart, ed, source);
    if (ev !== undefined) return ev;
  }
  const kids = cached(sysPart.el, () => compileSystem(sysPart.el));
  let f: Obj = {};
  let ms: number | undefined;
  const planned = kids === null ? null : systemFieldsPlanned(kids, sysPart.vals, f);
  if (planned !== null) ms = systemTime(planned, f);
  else {
    // a System value is embedded BinXML: start again from the resolved System
    f = {};
    ms = systemStart(resolveOne(ctx, sysPart) as XElem, f);
  }
  if (ms === undefined) return undefined;
  if (ed) {
    const edPart = ed;
    // (with array values the Data elements repeat: resolved, then walked like any EventData)
    const slots =
      edPart.vals.arrays === 0 ? cached(edPart.el, () => compileEventData(edPart.el) ?? null) : null;
    if (slots !== null) fillData(slots, edPart.vals, f);
    else if (!eventDataFields(resolveOne(ctx, edPart) as XElem, f)) return undefined;
  }
  return eventFinish(f, ms, resolveOne(ctx, ud), resolveOne(ctx, ri), resolveOne(ctx, ped), source);
}

/** most value signatures a template gets programs for (the rest take the general steps) */
const MAX_PROGRAMS = 32;

/** The Event by the record's program (made on first use), or undefined: take the general steps. */
function byProgram(ctx: ChunkContext, sys: Part, ed: Part | undefined, source: SourceRef): Event | undefined {
  const list = programsOf(ed?.el ?? sys.el);
  let prog: Program | undefined = findProgram(list, sys.el, ed?.el, sys.vals, ed?.vals);
  if (prog === undefined) {
    if (list.length >= MAX_PROGRAMS) return undefined;
    const kids = cached(sys.el, () => compileSystem(sys.el));
    const edEl = ed?.el;
    const slots = edEl && cached(edEl, () => compileEventData(edEl) ?? null);
    // (no program for a System or EventData the plan does not compile: a program that takes no record)
    prog = compileProgram(sys.el, edEl, kids, sys.vals, slots, ed?.vals);
    list.push(prog);
  }
  return runProgram(ctx, prog, sys.vals, ed?.vals, source);
}

/** The Event of a planned record by its program alone (undefined: none, or it gives up), for tests. */
export function programEvent(inst: PlannedInstance, source: SourceRef): Event | undefined {
  const first = (name: string) => inst.parts.find((p) => p.el.name === name);
  const sys = first('System');
  if (!sys || first('UserData') || first('RenderingInfo') || first('ProcessingErrorData')) return undefined;
  if (inst.parts.some((p) => unsafeName(p.el.name))) return undefined;
  return byProgram(inst.ctx, sys, first('EventData'), source);
}

/**
 * Which parts of a planned instance's Event are filled straight from its values (for the tests'
 * coverage counts): `System` and `EventData` (undefined when there is none) compiled, or
 * resolved and walked.
 */
export function plannedShape(inst: PlannedInstance): { system: boolean; eventData: boolean | undefined } {
  const first = (name: string) => inst.parts.find((p) => p.el.name === name);
  const sys = first('System');
  const ed = first('EventData');
  return {
    system: sys !== undefined && cached(sys.el, () => compileSystem(sys.el)) !== null,
    eventData: ed && cached(ed.el, () => compileEventData(ed.el) ?? null) !== null,
  };
}
